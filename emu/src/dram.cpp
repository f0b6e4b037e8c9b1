#include "upanel/emu/dram.h"

#include <cstdio>
#include <cstring>

namespace upanel::emu {

Dram::Dram(uint32_t heap_bytes) : bytes_(kEnd - kBase), heap_bytes_(heap_bytes) {
    if (heap_bytes_ > kEnd - kHeapBase) heap_bytes_ = kEnd - kHeapBase;
    free_[kHeapBase] = heap_bytes_;
    std::memset(host(kHeapBase), kFreeFill, heap_bytes_);
    min_free_ = heap_bytes_;
}

uint32_t Dram::chip_addr(const void *p) const {
    auto *b = static_cast<const uint8_t *>(p);
    if (b < bytes_.data() || b >= bytes_.data() + bytes_.size()) return 0;
    return kBase + uint32_t(b - bytes_.data());
}

uint32_t Dram::read32(uint32_t addr) const {
    uint32_t v;
    std::memcpy(&v, host(addr), 4);
    return v;
}

void *Dram::alloc(size_t size) {
    if (size == 0 || size > heap_bytes_) return nullptr;
    uint32_t need = uint32_t((size + 3) & ~size_t(3));
    for (auto it = free_.begin(); it != free_.end(); ++it) {
        if (it->second < need) continue;
        uint32_t addr = it->first, left = it->second - need;
        free_.erase(it);
        if (left) free_[addr + need] = left;
        used_[addr] = need;
        std::memset(host(addr), 0, need);
        const size_t now_free = heap_free();
        if (now_free < min_free_) min_free_ = now_free;
        return host(addr);
    }
    return nullptr;
}

void Dram::free(void *p) {
    if (!p) return;
    auto it = used_.find(chip_addr(p));
    if (it == used_.end()) return;
    uint32_t addr = it->first, size = it->second;
    used_.erase(it);
    std::memset(host(addr), kFreeFill, size);
    auto next = free_.lower_bound(addr);
    if (next != free_.end() && next->first == addr + size) {
        size += next->second;
        free_.erase(next);
    }
    auto prev = free_.lower_bound(addr);
    if (prev != free_.begin()) {
        --prev;
        if (prev->first + prev->second == addr) {
            prev->second += size;
            return;
        }
    }
    free_[addr] = size;
}

uint32_t Dram::block_of(uint32_t addr) const {
    auto it = used_.upper_bound(addr);
    if (it == used_.begin()) return 0;
    --it;
    return addr < it->first + it->second ? it->first : 0;
}

size_t Dram::heap_free() const {
    size_t n = 0;
    for (auto &[a, s] : free_) n += s;
    return n;
}

size_t Dram::largest_free() const {
    size_t n = 0;
    for (auto &[a, s] : free_) n = s > n ? s : n;
    return n;
}

size_t Dram::block_size(const void *p) const {
    auto it = used_.find(chip_addr(p));
    return it == used_.end() ? 0 : it->second;
}

bool Dram::check(std::string *problem) const {
    auto fail = [&](const char *what, uint32_t addr) {
        if (problem) {
            char text[96];
            std::snprintf(text, sizeof text, "%s at 0x%08X", what, unsigned(addr));
            *problem = text;
        }
        return false;
    };
    // Every block, used or free, in address order: they must tile the heap exactly.
    std::map<uint32_t, std::pair<uint32_t, bool>> all;
    for (auto &[a, s] : used_) all[a] = {s, true};
    for (auto &[a, s] : free_) {
        if (all.count(a)) return fail("a block both used and free", a);
        all[a] = {s, false};
    }
    uint32_t at = kHeapBase;
    bool last_free = false;
    for (auto &[a, entry] : all) {
        auto [size, used] = entry;
        if (a != at) return fail(a < at ? "overlapping blocks" : "a hole in the heap", a);
        if ((a | size) & 3 || size == 0) return fail("a block that is not whole words", a);
        if (!used && last_free) return fail("free blocks not merged", a);
        if (!used)
            for (uint32_t i = 0; i < size; i++)
                if (host(a)[i] != kFreeFill) return fail("free memory written", a + i);
        last_free = !used;
        at = a + size;
    }
    if (at != kHeapBase + heap_bytes_) return fail("the heap does not end where it should", at);
    return true;
}

}  // namespace upanel::emu
