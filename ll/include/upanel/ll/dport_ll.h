// DPORT peripheral clock gating and reset (PERIP_CLK_EN_REG, PERIP_RST_EN_REG).
//
// On the dual-core ESP32 before revision 3, a DPORT read can return a wrong value while the
// other core reads an APB register. ESP-IDF's workaround, done here too: mask interrupts on
// this core, read an APB register (UART0's DATE), then the DPORT register right after it.
// Writes need no care. A read-modify-write must also not race one on the other core: the
// drivers enable their clock once, at init, from the core MicroPython runs on, and the README
// asks for that to happen before anything on the other core starts or stops peripherals.
// What remains is the window of one read-modify-write, a few cycles, per init and deinit.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kDportPeripClkEn = kDportBase + 0x0C0;
constexpr uint32_t kDportPeripRstEn = kDportBase + 0x0C4;
constexpr uint32_t kApbSafeRead = 0x3FF40078;  // UART0 DATE

// Interrupts off on this core (Xtensa: PS.INTLEVEL raised to 5, ESP-IDF's default for this
// sequence); elsewhere, the host or chips without the erratum, nothing to do. "r" (any address
// register): GCC and LLVM both know it, LLVM not GCC's Xtensa-only "a".
inline uint32_t irq_mask() {
#if defined(__XTENSA__)
    uint32_t ps;
    __asm__ volatile("rsil %0, 5" : "=r"(ps) : : "memory");
    return ps;
#else
    return 0;
#endif
}

inline void irq_restore(uint32_t ps) {
#if defined(__XTENSA__)
    __asm__ volatile("wsr %0, ps\n\trsync" : : "r"(ps) : "memory");
#else
    (void)ps;
#endif
}

inline uint32_t dport_read(uint32_t addr) {
    uint32_t ps = irq_mask();
    (void)reg_read(kApbSafeRead);
    uint32_t v = reg_read(addr);
    irq_restore(ps);
    return v;
}

inline void dport_periph_enable(uint32_t bit) {
    reg_write(kDportPeripClkEn, dport_read(kDportPeripClkEn) | (1u << bit));
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) & ~(1u << bit));
}

inline void dport_periph_disable(uint32_t bit) {
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) | (1u << bit));
    reg_write(kDportPeripClkEn, dport_read(kDportPeripClkEn) & ~(1u << bit));
}

// A reset pulse: PERIP_RST_EN's bit set, then cleared (ESP-IDF's periph_module_reset).
inline void dport_periph_reset(uint32_t bit) {
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) | (1u << bit));
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) & ~(1u << bit));
}

inline bool dport_periph_enabled(uint32_t bit) {
    return ((dport_read(kDportPeripClkEn) >> bit) & 1u) && !((dport_read(kDportPeripRstEn) >> bit) & 1u);
}

}  // namespace upanel::ll
