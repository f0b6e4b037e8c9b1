// The register layer's chip back end for firmware built with ESP-IDF (the esp32 port):
// DMA memory from the DMA-capable heap and interrupts through esp_intr_alloc. Registers are
// plain memory-mapped I/O (bus.h). Not built here: no ESP32 toolchain is available to CI.
#include "upanel/ll/bus.h"

#include "esp_heap_caps.h"
#include "esp_intr_alloc.h"
#include "esp_timer.h"
#include "freertos/xtensa_api.h"
#include "xtensa/hal.h"

namespace upanel::ll {

namespace {
constexpr int kFirstSource = 30, kSources = 40;  // covers SPI2/3, I2S0/1 and the SPI DMA
intr_handle_t handles[kSources - kFirstSource];
}  // namespace

void *dma_alloc(size_t size) {
    void *p = heap_caps_calloc(1, size, MALLOC_CAP_DMA | MALLOC_CAP_32BIT);
    return p && dma_addr(p) ? p : (heap_caps_free(p), nullptr);
}

void dma_free(void *p) { heap_caps_free(p); }

uint64_t time_us() { return uint64_t(esp_timer_get_time()); }

size_t dma_largest_free() { return heap_caps_get_largest_free_block(MALLOC_CAP_DMA); }

bool intr_attach(int source, IsrHandler fn, void *arg) {
    if (source < kFirstSource || source >= kSources) return false;
    intr_handle_t &h = handles[source - kFirstSource];
    return !h && esp_intr_alloc(source, 0, fn, arg, &h) == ESP_OK;
}

void intr_detach(int source) {
    if (source < kFirstSource || source >= kSources) return;
    intr_handle_t &h = handles[source - kFirstSource];
    if (h) esp_intr_free(h);
    h = nullptr;
}

void cpu_intr_set_handler(int intno, IsrHandler fn, void *arg) { xt_set_interrupt_handler(intno, fn, arg); }
uint32_t cpu_intr_enable(uint32_t mask) { return xt_ints_on(mask) | mask; }
uint32_t cpu_intr_disable(uint32_t mask) { return xt_ints_off(mask) & ~mask; }
uint32_t cpu_intr_enabled() { return xt_ints_on(0); }

int cpu_intr_level(int level) {
    uint32_t ps;
    __asm__ volatile("rsr.ps %0" : "=r"(ps));
    if (level >= 0) {
        uint32_t next = (ps & ~0xFu) | (uint32_t(level) & 0xFu);
        __asm__ volatile("wsr.ps %0; rsync" ::"r"(next) : "memory");
    }
    return int(ps & 0xFu);
}

}  // namespace upanel::ll
