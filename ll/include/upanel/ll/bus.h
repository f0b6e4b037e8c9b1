// The register layer's access to the chip: registers, DMA-capable memory, interrupts and
// waiting. One interface, two back ends: real memory-mapped I/O on the ESP32, and on a PC the
// host bus table (host_bus.h) that an emulated board fills in. Drivers only see this file.
#pragma once
#include <stddef.h>
#include <stdint.h>

#if defined(UPANEL_LL_HOST)
#include "upanel/ll/host_bus.h"
#endif

namespace upanel::ll {

using IsrHandler = void (*)(void *arg);

#if defined(UPANEL_LL_HOST)

inline const upanel_host_bus_t &host() { return *upanel_host_bus_current; }
// Whether a board was handed to the register layer (it never picks one itself).
inline bool bus_ready() { return upanel_host_bus_current != nullptr; }
inline uint32_t reg_read(uint32_t addr) { return host().read32(host().ctx, addr); }
inline void reg_write(uint32_t addr, uint32_t v) { host().write32(host().ctx, addr, v); }
inline void *dma_alloc(size_t size) { return host().dma_alloc(host().ctx, size); }
inline void dma_free(void *p) { host().dma_free(host().ctx, p); }
inline uint32_t dma_addr(const void *p) { return host().dma_addr(host().ctx, p); }
inline size_t dma_largest_free() { return host().dma_largest_free(host().ctx); }
inline void cpu_relax() { host().idle(host().ctx); }
inline bool intr_attach(int source, IsrHandler fn, void *arg) {
    return host().intr_attach(host().ctx, source, fn, arg);
}
inline void intr_detach(int source) { host().intr_detach(host().ctx, source); }
inline uint64_t time_us() { return host().time_us(host().ctx); }
inline void cpu_intr_set_handler(int intno, IsrHandler fn, void *arg) {
    host().cpu_intr_handler(host().ctx, intno, fn, arg);
}
inline uint32_t cpu_intr_enable(uint32_t mask) { return host().cpu_intr_enable(host().ctx, mask, 0); }
inline uint32_t cpu_intr_disable(uint32_t mask) { return host().cpu_intr_enable(host().ctx, 0, mask); }
inline uint32_t cpu_intr_enabled() { return host().cpu_intr_enable(host().ctx, 0, 0); }
inline int cpu_intr_level(int level) { return host().cpu_intr_level(host().ctx, level); }
using DmaHeapStats = upanel_dma_heap_stats_t;
inline void dma_heap_stats(DmaHeapStats *out) { host().dma_heap_stats(host().ctx, out); }
inline size_t dma_block_size(const void *p) { return host().dma_block_size(host().ctx, p); }
inline bool dma_heap_check(char *problem, size_t len) {
    return host().dma_heap_check(host().ctx, problem, len);
}
inline void dma_heap_walk(void (*fn)(void *arg, uint32_t addr, size_t size, bool used), void *arg) {
    host().dma_heap_walk(host().ctx, fn, arg);
}

#else  // the chip

inline bool bus_ready() { return true; }
inline uint32_t reg_read(uint32_t addr) { return *reinterpret_cast<volatile uint32_t *>(addr); }
inline void reg_write(uint32_t addr, uint32_t v) { *reinterpret_cast<volatile uint32_t *>(addr) = v; }
// DMA-capable internal RAM on the ESP32 (SOC_DMA_LOW .. SOC_DMA_HIGH).
inline uint32_t dma_addr(const void *p) {
    uint32_t a = uint32_t(uintptr_t(p));
    return a >= 0x3FFAE000u && a < 0x40000000u ? a : 0;
}
void *dma_alloc(size_t size);
void dma_free(void *p);
size_t dma_largest_free();
inline void cpu_relax() {}
bool intr_attach(int source, IsrHandler fn, void *arg);
void intr_detach(int source);
// Microseconds since boot: esp_timer_get_time() in the ESP-IDF back end.
uint64_t time_us();
// The CPU's interrupts: xt_set_interrupt_handler, xt_ints_on/off, PS.INTLEVEL.
void cpu_intr_set_handler(int intno, IsrHandler fn, void *arg);
uint32_t cpu_intr_enable(uint32_t mask);
uint32_t cpu_intr_disable(uint32_t mask);
uint32_t cpu_intr_enabled();
int cpu_intr_level(int level);

#endif

// Busy-waits at least `us` microseconds; for the waits datasheets ask for. Not for interrupts.
inline void delay_us(uint32_t us) {
    const uint64_t end = time_us() + us;
    while (time_us() < end) cpu_relax();
}

inline void reg_set_bits(uint32_t addr, uint32_t bits) { reg_write(addr, reg_read(addr) | bits); }
inline void reg_clear_bits(uint32_t addr, uint32_t bits) { reg_write(addr, reg_read(addr) & ~bits); }

}  // namespace upanel::ll
