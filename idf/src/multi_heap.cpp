// multi_heap: a heap inside a caller's region, its bookkeeping in the region (multi_heap.h).
// Layout: the heap's header at the region's first boundary it can be read at (4 bytes on the
// chip, 8 on a 64-bit host), then blocks that tile the
// rest exactly, each an 8-byte header (its size with bit 0 set when used, and the size of the
// block before it) and its bytes. Free bytes hold 0xFE, new blocks 0xCE.
#include "multi_heap.h"

#include <cstdio>
#include <cstring>
#include <set>

#include "esp_log.h"

namespace {

constexpr uint32_t kMagic = 0x6D756C68;  // "mulh"
constexpr uint32_t kHeader = 8, kMinBlock = kHeader + 4, kUsed = 1;
constexpr uint8_t kFreeFill = 0xFE, kMallocFill = 0xCE;
const char *const kTag = "multi_heap";

struct Block {
    uint32_t size_used;  // whole block in bytes (a multiple of 4), bit 0: used
    uint32_t prev_size;  // the block before (0 for the first)
    uint32_t size() const { return size_used & ~kUsed; }
    bool used() const { return size_used & kUsed; }
    uint8_t *data() { return reinterpret_cast<uint8_t *>(this) + kHeader; }
    uint32_t data_size() const { return size() - kHeader; }
};

}  // namespace

struct multi_heap_info {
    uint32_t magic;
    uint32_t area;  // bytes of blocks after this header
    size_t free_bytes, min_free;
    void *lock;
};

namespace {

constexpr uint32_t kHeapHeader = (sizeof(multi_heap_info) + 3) & ~3u;

// The heaps multi_heap_register made: a handle is looked up before its memory is read, so
// that anything else (a wild pointer, a string given from Python) is refused.
std::set<const void *> &registered() {
    static std::set<const void *> heaps;
    return heaps;
}

bool valid(multi_heap_handle_t h) { return h && registered().count(h) && h->magic == kMagic; }
uint8_t *area_start(multi_heap_handle_t h) { return reinterpret_cast<uint8_t *>(h) + kHeapHeader; }
uint8_t *area_end(multi_heap_handle_t h) { return area_start(h) + h->area; }
Block *first(multi_heap_handle_t h) { return reinterpret_cast<Block *>(area_start(h)); }
Block *next(multi_heap_handle_t h, Block *b) {
    uint8_t *n = reinterpret_cast<uint8_t *>(b) + b->size();
    return n < area_end(h) ? reinterpret_cast<Block *>(n) : nullptr;
}
Block *prev(multi_heap_handle_t h, Block *b) {
    return b == first(h) ? nullptr : reinterpret_cast<Block *>(reinterpret_cast<uint8_t *>(b) - b->prev_size);
}
uint32_t need_for(size_t size) { return uint32_t((size + 3) & ~size_t(3)) + kHeader; }

// The block p is the data of, if it is one (found by walking: a wild pointer is not trusted).
Block *block_of(multi_heap_handle_t h, void *p) {
    for (Block *b = first(h); b; b = next(h, b))
        if (b->data() == p) return b->used() ? b : nullptr;
    return nullptr;
}

void set_size(multi_heap_handle_t h, Block *b, uint32_t size, bool used) {
    b->size_used = size | (used ? kUsed : 0);
    if (Block *n = next(h, b)) n->prev_size = size;
}

// Splits what b does not need off as a free block, merged with a free block after it.
void split(multi_heap_handle_t h, Block *b, uint32_t need) {
    const uint32_t rest = b->size() - need;
    if (rest < kMinBlock) return;
    set_size(h, b, need, b->used());
    auto *r = reinterpret_cast<Block *>(reinterpret_cast<uint8_t *>(b) + need);
    r->prev_size = need;
    set_size(h, r, rest, false);
    std::memset(r->data(), kFreeFill, r->data_size());
    h->free_bytes += r->data_size();
    if (Block *n = next(h, r); n && !n->used()) {  // absorb it: its header becomes free bytes
        h->free_bytes += kHeader;
        set_size(h, r, rest + n->size(), false);
        std::memset(reinterpret_cast<uint8_t *>(n), kFreeFill, kHeader);
    }
}

void note_min(multi_heap_handle_t h) {
    if (h->free_bytes < h->min_free) h->min_free = h->free_bytes;
}

}  // namespace

extern "C" multi_heap_handle_t multi_heap_register(void *start, size_t size) {
    if (!start) return nullptr;
    // The header where its fields can be read: 4-byte aligned on the chip, 8 on a 64-bit host.
    constexpr uintptr_t kAlign = alignof(multi_heap_info) > 4 ? alignof(multi_heap_info) : 4;
    const uintptr_t a = (reinterpret_cast<uintptr_t>(start) + kAlign - 1) & ~(kAlign - 1);
    const size_t skip = a - reinterpret_cast<uintptr_t>(start);
    if (size < skip + kHeapHeader + 64) return nullptr;
    const size_t area = (size - skip - kHeapHeader) & ~size_t(3);
    if (area > UINT32_MAX / 2) return nullptr;
    auto *h = reinterpret_cast<multi_heap_handle_t>(a);
    h->magic = kMagic;
    h->area = uint32_t(area);
    h->lock = nullptr;
    Block *b = first(h);
    b->prev_size = 0;
    b->size_used = uint32_t(area);
    std::memset(b->data(), kFreeFill, b->data_size());
    h->free_bytes = h->min_free = b->data_size();
    registered().insert(h);
    return h;
}

extern "C" void multi_heap_set_lock(multi_heap_handle_t heap, void *lock) {
    if (valid(heap)) heap->lock = lock;
}

extern "C" void *multi_heap_malloc(multi_heap_handle_t heap, size_t size) {
    if (!valid(heap) || size == 0 || size > heap->area) return nullptr;
    const uint32_t need = need_for(size);
    for (Block *b = first(heap); b; b = next(heap, b)) {
        if (b->used() || b->size() < need) continue;
        heap->free_bytes -= b->data_size();
        set_size(heap, b, b->size(), true);
        split(heap, b, need);
        std::memset(b->data(), kMallocFill, b->data_size());
        note_min(heap);
        return b->data();
    }
    return nullptr;
}

extern "C" void multi_heap_free(multi_heap_handle_t heap, void *p) {
    if (!p || !valid(heap)) return;
    Block *b = block_of(heap, p);
    if (!b) {
        ESP_LOGE(kTag, "multi_heap_free: %p is not a block of heap %p", p, static_cast<void *>(heap));
        return;
    }
    set_size(heap, b, b->size(), false);
    std::memset(b->data(), kFreeFill, b->data_size());
    heap->free_bytes += b->data_size();
    if (Block *n = next(heap, b); n && !n->used()) {
        set_size(heap, b, b->size() + n->size(), false);
        std::memset(reinterpret_cast<uint8_t *>(n), kFreeFill, kHeader);
        heap->free_bytes += kHeader;
    }
    if (Block *pv = prev(heap, b); pv && !pv->used()) {
        set_size(heap, pv, pv->size() + b->size(), false);
        std::memset(reinterpret_cast<uint8_t *>(b), kFreeFill, kHeader);
        heap->free_bytes += kHeader;
    }
}

extern "C" void *multi_heap_realloc(multi_heap_handle_t heap, void *p, size_t size) {
    if (!valid(heap)) return nullptr;
    if (!p) return multi_heap_malloc(heap, size);
    if (size == 0) {
        multi_heap_free(heap, p);
        return nullptr;
    }
    Block *b = block_of(heap, p);
    if (!b || size > heap->area) return nullptr;
    const uint32_t need = need_for(size), old = b->data_size();
    Block *n = next(heap, b);
    if (need > b->size() && n && !n->used() && b->size() + n->size() >= need) {
        heap->free_bytes -= n->data_size();
        set_size(heap, b, b->size() + n->size(), true);  // n's header and bytes are b's now
        std::memset(b->data() + old, kMallocFill, b->data_size() - old);
    }
    if (need <= b->size()) {
        split(heap, b, need);
        note_min(heap);
        return p;
    }
    void *q = multi_heap_malloc(heap, size);
    if (!q) return nullptr;
    std::memcpy(q, p, old);
    multi_heap_free(heap, p);
    return q;
}

extern "C" size_t multi_heap_get_allocated_size(multi_heap_handle_t heap, void *p) {
    if (!valid(heap) || !p) return 0;
    Block *b = block_of(heap, p);
    return b ? b->data_size() : 0;
}

extern "C" size_t multi_heap_free_size(multi_heap_handle_t heap) {
    return valid(heap) ? heap->free_bytes : 0;
}

extern "C" size_t multi_heap_minimum_free_size(multi_heap_handle_t heap) {
    return valid(heap) ? heap->min_free : 0;
}

extern "C" bool multi_heap_check(multi_heap_handle_t heap, bool print_errors) {
    auto fail = [&](const char *what, const void *where) {
        if (print_errors) std::printf("CORRUPT HEAP: %s at %p\n", what, where);
        return false;
    };
    if (!heap || !registered().count(heap)) return fail("not a heap multi_heap_register made", heap);
    if (heap->magic != kMagic) return fail("the heap's header is overwritten", heap);
    uint8_t *at = area_start(heap);
    uint32_t last = 0;
    bool last_free = false;
    size_t free_bytes = 0;
    while (at < area_end(heap)) {
        auto *b = reinterpret_cast<Block *>(at);
        if (b->size() < kMinBlock || b->size() % 4 || b->size() > uint32_t(area_end(heap) - at))
            return fail("a block header is overwritten", b);
        if (b->prev_size != last) return fail("a block header does not match the block before it", b);
        if (!b->used()) {
            if (last_free) return fail("two free blocks side by side", b);
            for (uint32_t i = 0; i < b->data_size(); i++)
                if (b->data()[i] != kFreeFill) return fail("free memory written", b->data() + i);
            free_bytes += b->data_size();
        }
        last = b->size();
        last_free = !b->used();
        at += b->size();
    }
    if (free_bytes != heap->free_bytes) return fail("the free count is wrong", heap);
    return true;
}

extern "C" void multi_heap_get_info(multi_heap_handle_t heap, multi_heap_info_t *info) {
    if (!info) return;
    std::memset(info, 0, sizeof *info);
    if (!valid(heap)) return;
    for (Block *b = first(heap); b; b = next(heap, b)) {
        info->total_blocks++;
        if (b->used()) {
            info->allocated_blocks++;
            info->total_allocated_bytes += b->data_size();
        } else {
            info->free_blocks++;
            if (b->data_size() > info->largest_free_block) info->largest_free_block = b->data_size();
        }
    }
    info->total_free_bytes = heap->free_bytes;
    info->minimum_free_bytes = heap->min_free;
}

extern "C" void multi_heap_dump(multi_heap_handle_t heap) {
    if (!valid(heap)) {
        std::printf("multi_heap_dump: %p is not a heap\n", static_cast<void *>(heap));
        return;
    }
    std::printf("Heap %p: %u bytes of blocks, %u free\n", static_cast<void *>(heap), unsigned(heap->area),
                unsigned(heap->free_bytes));
    for (Block *b = first(heap); b; b = next(heap, b))
        std::printf("  block %p: %u bytes %s\n", static_cast<void *>(b->data()), unsigned(b->data_size()),
                    b->used() ? "used" : "free");
    std::fflush(stdout);
}
