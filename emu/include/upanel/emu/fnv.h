// FNV-1a, 64-bit: how the board notices that DMA memory changed between two reads (tearing)
// and what SPI sent, without keeping copies of the bytes.
#pragma once
#include <cstddef>
#include <cstdint>

namespace upanel::emu {

constexpr uint64_t kFnvSeed = 1469598103934665603ull;

// Continues hash h over n more bytes; start from kFnvSeed.
inline uint64_t fnv(uint64_t h, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

}  // namespace upanel::emu
