// The ESP32's internal data RAM as the DMA engines see it: 32-bit chip addresses backed by a
// host array, with a first-fit heap standing in for the DMA-capable part of the chip's heap.
// Free heap memory is filled with 0xFE, as ESP-IDF's heap poisoning fills it, so that
// check() finds writes to memory nobody owns (a buffer overrun into free space, a write after
// free); blocks come zeroed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace upanel::emu {

class Dram {
  public:
    // DMA-capable internal SRAM on the ESP32 (SOC_DMA_LOW .. SOC_DMA_HIGH).
    static constexpr uint32_t kBase = 0x3FFAE000;
    static constexpr uint32_t kEnd = 0x40000000;
    // The part the heap hands out: what a MicroPython firmware leaves of the IDF heap.
    static constexpr uint32_t kHeapBase = 0x3FFB0000;
    static constexpr uint32_t kDefaultHeapBytes = 192 * 1024;

    explicit Dram(uint32_t heap_bytes = kDefaultHeapBytes);

    bool contains(uint32_t addr, uint32_t len) const {
        return addr >= kBase && addr <= kEnd && len <= kEnd - addr;
    }
    uint8_t *host(uint32_t addr) { return bytes_.data() + (addr - kBase); }
    const uint8_t *host(uint32_t addr) const { return bytes_.data() + (addr - kBase); }
    // Chip address of a host pointer into this RAM, or 0 if it points elsewhere.
    uint32_t chip_addr(const void *p) const;
    uint32_t read32(uint32_t addr) const;

    // Word-aligned blocks; nullptr when no free block is large enough.
    void *alloc(size_t size);
    void free(void *p);
    // Start of the heap block holding addr, or 0 when addr is in no block.
    uint32_t block_of(uint32_t addr) const;
    size_t heap_free() const;
    size_t largest_free() const;
    size_t heap_used() const { return heap_bytes_ - heap_free(); }
    size_t heap_size() const { return heap_bytes_; }
    // The least free the heap has had since the board started.
    size_t min_free() const { return min_free_; }
    size_t used_blocks() const { return used_.size(); }
    size_t free_blocks() const { return free_.size(); }
    // The size of the block p starts (rounded up to words), 0 when p starts none.
    size_t block_size(const void *p) const;
    // Whether the heap is sound: blocks in the heap, not overlapping, free ones merged and
    // still holding the free fill. `problem` gets the first thing wrong.
    bool check(std::string *problem = nullptr) const;
    static constexpr uint8_t kFreeFill = 0xFE;
    // Each block, used and free, in address order.
    template <class Fn>
    void each_block(Fn fn) const {
        std::map<uint32_t, std::pair<uint32_t, bool>> all;
        for (auto &[a, s] : used_) all[a] = {s, true};
        for (auto &[a, s] : free_) all[a] = {s, false};
        for (auto &[a, e] : all) fn(a, e.first, e.second);
    }

  private:
    std::vector<uint8_t> bytes_;
    uint32_t heap_bytes_;
    std::map<uint32_t, uint32_t> free_;  // chip address -> size
    std::map<uint32_t, uint32_t> used_;
    size_t min_free_;
};

}  // namespace upanel::emu
