// DPORT peripheral clock gating and reset (PERIP_CLK_EN_REG, PERIP_RST_EN_REG).
//
// On the dual-core ESP32 before revision 3 a DPORT read can return a wrong value while the
// other core reads an APB register; ESP-IDF precedes each DPORT read with an APB read
// (UART0's DATE register) with interrupts masked. The read-modify-write here does the same.
// It must also not race a read-modify-write of these registers on the other core: the
// firmware's own periph_module_enable() takes a lock for that; this layer is used either
// from code holding no such lock on a single running core, or with the start-up order the
// README documents.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kDportPeripClkEn = kDportBase + 0x0C0;
constexpr uint32_t kDportPeripRstEn = kDportBase + 0x0C4;
constexpr uint32_t kDportBitI2s[2] = {4, 21};
constexpr uint32_t kApbSafeRead = 0x3FF40078;  // UART0 DATE

inline uint32_t dport_read(uint32_t addr) {
    (void)reg_read(kApbSafeRead);
    return reg_read(addr);
}

inline void dport_periph_enable(uint32_t bit) {
    reg_write(kDportPeripClkEn, dport_read(kDportPeripClkEn) | (1u << bit));
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) & ~(1u << bit));
}

inline void dport_periph_disable(uint32_t bit) {
    reg_write(kDportPeripRstEn, dport_read(kDportPeripRstEn) | (1u << bit));
    reg_write(kDportPeripClkEn, dport_read(kDportPeripClkEn) & ~(1u << bit));
}

inline bool dport_periph_enabled(uint32_t bit) {
    return ((dport_read(kDportPeripClkEn) >> bit) & 1u) &&
           !((dport_read(kDportPeripRstEn) >> bit) & 1u);
}

}  // namespace upanel::ll
