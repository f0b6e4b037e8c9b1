// Memory by capability: DMA-capable memory from the register layer's DMA heap (the emulated
// internal RAM), the rest from the host's malloc. heap_caps_free tells them apart by
// remembering what malloc gave, so a pointer the shim did not hand out is never passed to
// free().
#include "esp_heap_caps.h"

#include <cstdint>
#include <cstdlib>
#include <unordered_set>

#include "upanel/ll/bus.h"

using namespace upanel;

namespace {

// Memory the emulated board does not have.
constexpr uint32_t kMissingCaps = MALLOC_CAP_EXEC | MALLOC_CAP_SPIRAM | MALLOC_CAP_IRAM_8BIT |
                                  MALLOC_CAP_RETENTION | MALLOC_CAP_RTCRAM | MALLOC_CAP_INVALID;

std::unordered_set<void *> &host_blocks() {
    static std::unordered_set<void *> blocks;
    return blocks;
}

// The register layer tells only the largest free block of DMA-capable RAM; the total is
// found by taking the free blocks one by one, largest first, and giving them all back.
size_t dma_free_total() {
    const size_t largest = ll::dma_largest_free();
    if (!largest) return 0;
    void *p = ll::dma_alloc(largest);
    if (!p) return 0;
    const size_t total = largest + dma_free_total();
    ll::dma_free(p);
    return total;
}

}  // namespace

// No ESP32 has more than 4 MiB to give (internal RAM plus PSRAM): larger requests fail as
// they would on the chip, rather than succeeding on the host.
constexpr size_t kLargestHeap = 4u << 20;

extern "C" void *heap_caps_malloc(size_t size, uint32_t caps) {
    if (!size || size > kLargestHeap || (caps & kMissingCaps)) return nullptr;
    if (caps & MALLOC_CAP_DMA) return ll::bus_ready() ? ll::dma_alloc(size) : nullptr;
    void *p = std::malloc(size);
    if (p) host_blocks().insert(p);
    return p;
}

extern "C" void *heap_caps_calloc(size_t n, size_t size, uint32_t caps) {
    if (size && n > SIZE_MAX / size) return nullptr;
    void *p = heap_caps_malloc(n * size, caps);
    if (p && !(caps & MALLOC_CAP_DMA)) __builtin_memset(p, 0, n * size);  // DMA memory comes zeroed
    return p;
}

extern "C" void heap_caps_free(void *ptr) {
    if (!ptr) return;
    if (host_blocks().erase(ptr)) {
        std::free(ptr);
        return;
    }
    if (ll::bus_ready() && ll::dma_addr(ptr)) ll::dma_free(ptr);
}

extern "C" size_t heap_caps_get_free_size(uint32_t caps) {
    if ((caps & kMissingCaps) || !ll::bus_ready()) return 0;
    return dma_free_total();
}

extern "C" size_t heap_caps_get_largest_free_block(uint32_t caps) {
    if ((caps & kMissingCaps) || !ll::bus_ready()) return 0;
    return ll::dma_largest_free();
}
