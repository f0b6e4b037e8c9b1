// Memory by capability: DMA-capable memory from the register layer's DMA heap (the emulated
// internal RAM), the rest from the host's malloc. heap_caps_free tells them apart by
// remembering what malloc gave, so a pointer the shim did not hand out is never passed to
// free().
#include "esp_heap_caps.h"

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "upanel/ll/bus.h"

using namespace upanel;

namespace {

// Memory the emulated board does not have.
constexpr uint32_t kMissingCaps = MALLOC_CAP_EXEC | MALLOC_CAP_SPIRAM | MALLOC_CAP_IRAM_8BIT |
                                  MALLOC_CAP_RETENTION | MALLOC_CAP_RTCRAM | MALLOC_CAP_INVALID;

// Host memory heap_caps_malloc gave, and its size.
std::unordered_map<void *, size_t> &host_blocks() {
    static std::unordered_map<void *, size_t> blocks;
    return blocks;
}

}  // namespace

// No ESP32 has more than 4 MiB to give (internal RAM plus PSRAM): larger requests fail as
// they would on the chip, rather than succeeding on the host.
constexpr size_t kLargestHeap = 4u << 20;

extern "C" void *heap_caps_malloc(size_t size, uint32_t caps) {
    if (!size || size > kLargestHeap || (caps & kMissingCaps)) return nullptr;
    if (caps & MALLOC_CAP_DMA) return ll::bus_ready() ? ll::dma_alloc(size) : nullptr;
    void *p = std::malloc(size);
    if (p) host_blocks()[p] = size;
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
    ll::DmaHeapStats st{};
    ll::dma_heap_stats(&st);
    return st.free_bytes;
}

extern "C" size_t heap_caps_get_largest_free_block(uint32_t caps) {
    if ((caps & kMissingCaps) || !ll::bus_ready()) return 0;
    return ll::dma_largest_free();
}

extern "C" size_t heap_caps_get_allocated_size(void *ptr) {
    if (!ptr) return 0;
    auto it = host_blocks().find(ptr);
    if (it != host_blocks().end()) return it->second;
    return ll::bus_ready() ? ll::dma_block_size(ptr) : 0;
}

extern "C" void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps) {
    if (!ptr) return heap_caps_malloc(size, caps);
    if (!size) {
        heap_caps_free(ptr);
        return nullptr;
    }
    if (size > kLargestHeap || (caps & kMissingCaps)) return nullptr;
    auto it = host_blocks().find(ptr);
    if (it != host_blocks().end() && !(caps & MALLOC_CAP_DMA)) {
        void *q = std::realloc(ptr, size);
        if (!q) return nullptr;
        host_blocks().erase(it);
        host_blocks()[q] = size;
        return q;
    }
    const size_t old = heap_caps_get_allocated_size(ptr);
    if (!old) return nullptr;  // not a block heap_caps_malloc gave
    void *q = heap_caps_malloc(size, caps);
    if (!q) return nullptr;
    std::memcpy(q, ptr, old < size ? old : size);
    heap_caps_free(ptr);
    return q;
}

namespace {

bool dma_heap(uint32_t caps) { return !(caps & kMissingCaps) && ll::bus_ready(); }

ll::DmaHeapStats dma_stats() {
    ll::DmaHeapStats st{};
    ll::dma_heap_stats(&st);
    return st;
}

}  // namespace

extern "C" size_t heap_caps_get_minimum_free_size(uint32_t caps) {
    return dma_heap(caps) ? dma_stats().minimum_free : 0;
}

extern "C" void heap_caps_get_info(multi_heap_info_t *info, uint32_t caps) {
    if (!info) return;
    std::memset(info, 0, sizeof *info);
    if (!dma_heap(caps)) return;
    const ll::DmaHeapStats st = dma_stats();
    info->total_free_bytes = st.free_bytes;
    info->total_allocated_bytes = st.allocated_bytes;
    info->largest_free_block = st.largest_free;
    info->minimum_free_bytes = st.minimum_free;
    info->allocated_blocks = st.allocated_blocks;
    info->free_blocks = st.free_blocks;
    info->total_blocks = st.allocated_blocks + st.free_blocks;
}

extern "C" void heap_caps_print_heap_info(uint32_t caps) {
    multi_heap_info_t info;
    std::printf("Heap summary for capabilities 0x%08X:\n", unsigned(caps));
    heap_caps_get_info(&info, caps);
    if (dma_heap(caps)) {
        const ll::DmaHeapStats st = dma_stats();
        std::printf("  At 0x%08x len %u free %u allocated %u min_free %u\n", unsigned(st.start),
                    unsigned(st.size), unsigned(info.total_free_bytes), unsigned(info.total_allocated_bytes),
                    unsigned(info.minimum_free_bytes));
        std::printf("    largest_free_block %u alloc_blocks %u free_blocks %u total_blocks %u\n",
                    unsigned(info.largest_free_block), unsigned(info.allocated_blocks),
                    unsigned(info.free_blocks), unsigned(info.total_blocks));
    }
    std::printf("  Totals:\n");
    std::printf("    free %u allocated %u min_free %u largest_free_block %u\n",
                unsigned(info.total_free_bytes), unsigned(info.total_allocated_bytes),
                unsigned(info.minimum_free_bytes), unsigned(info.largest_free_block));
    std::fflush(stdout);
}

extern "C" bool heap_caps_check_integrity(uint32_t caps, bool print_errors) {
    if (caps != MALLOC_CAP_INVALID && !dma_heap(caps)) return true;  // no heap has them: none is bad
    if (!ll::bus_ready()) return true;
    char problem[96] = "";
    const bool ok = ll::dma_heap_check(problem, sizeof problem);
    if (!ok && print_errors) {
        std::printf("CORRUPT HEAP: %s\n", problem);
        std::fflush(stdout);
    }
    return ok;
}

extern "C" bool heap_caps_check_integrity_all(bool print_errors) {
    return heap_caps_check_integrity(MALLOC_CAP_INVALID, print_errors);
}

extern "C" bool heap_caps_check_integrity_addr(intptr_t addr, bool print_errors) {
    if (!ll::bus_ready()) return false;
    uint32_t chip = uint32_t(addr);
    if (uint64_t(addr) >> 32 || chip < 0x3FF00000u) chip = ll::dma_addr(reinterpret_cast<const void *>(addr));
    const ll::DmaHeapStats st = dma_stats();
    if (chip < st.start || chip - st.start >= st.size) return false;
    return heap_caps_check_integrity(MALLOC_CAP_DMA, print_errors);
}

namespace {
size_t g_extmem_limit = SIZE_MAX;
}

extern "C" void heap_caps_malloc_extmem_enable(size_t limit) { g_extmem_limit = limit; }

extern "C" void heap_caps_dump(uint32_t caps) {
    if (!(caps == MALLOC_CAP_INVALID ? ll::bus_ready() : dma_heap(caps))) return;
    const ll::DmaHeapStats st = dma_stats();
    std::printf("Heap 0x%08x: %u bytes, %u free\n", unsigned(st.start), unsigned(st.size),
                unsigned(st.free_bytes));
    ll::dma_heap_walk(
        [](void *, uint32_t addr, size_t size, bool used) {
            std::printf("  block 0x%08x: %u bytes %s\n", unsigned(addr), unsigned(size),
                        used ? "used" : "free");
        },
        nullptr);
    std::fflush(stdout);
}

extern "C" void heap_caps_dump_all(void) { heap_caps_dump(MALLOC_CAP_INVALID); }

// The _prefer forms: the capability sets in the caller's order, the first that gives memory.
extern "C" void *heap_caps_malloc_prefer(size_t size, size_t num, ...) {
    va_list ap;
    va_start(ap, num);
    void *p = nullptr;
    while (!p && num--) p = heap_caps_malloc(size, va_arg(ap, uint32_t));
    va_end(ap);
    return p;
}

extern "C" void *heap_caps_realloc_prefer(void *ptr, size_t size, size_t num, ...) {
    va_list ap;
    va_start(ap, num);
    void *p = nullptr;
    while (num--) {
        p = heap_caps_realloc(ptr, size, va_arg(ap, uint32_t));
        if (p || size == 0) break;  // size 0 freed it: no second try on freed memory
    }
    va_end(ap);
    return p;
}

extern "C" void *heap_caps_calloc_prefer(size_t n, size_t size, size_t num, ...) {
    va_list ap;
    va_start(ap, num);
    void *p = nullptr;
    while (!p && num--) p = heap_caps_calloc(n, size, va_arg(ap, uint32_t));
    va_end(ap);
    return p;
}
