// Links descriptors over a buffer, as ESP-IDF's SPI driver does: 4092 bytes each at most,
// the last one with EOF, all owned by the DMA engine. Descriptors and buffer live in
// DMA-capable RAM; the links hold chip addresses.
#pragma once
#include <cstdint>

#include "upanel/core/lldesc.h"
#include "upanel/ll/bus.h"

namespace upanel::idf {

// A chain of descriptors in `desc` over `bytes` bytes from buf (at least one byte). A receive
// chain gives the engine whole words to write (length and size rounded up, as ESP-IDF);
// a send chain says the bytes to send, in word-sized buffers. Returns how many descriptors.
inline uint32_t build_dma_chain(core::LlDesc *desc, const uint8_t *buf, uint32_t bytes, bool isrx) {
    const uint32_t first = ll::dma_addr(desc);
    uint32_t i = 0;
    for (uint32_t off = 0; off < bytes; i++) {
        const uint32_t n = bytes - off < core::kLlDescMaxBytes ? bytes - off : core::kLlDescMaxBytes;
        const bool last = off + n == bytes;
        const uint32_t words = (n + 3) & ~3u;
        desc[i].word0 = core::lldesc_word0(words, isrx ? words : n, last, true);
        desc[i].buf = ll::dma_addr(buf + off);
        desc[i].next = last ? 0 : first + uint32_t(sizeof(core::LlDesc)) * (i + 1);
        off += n;
    }
    return i;
}

}  // namespace upanel::idf
