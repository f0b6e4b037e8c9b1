// The ESP32 DMA descriptor (lldesc_t): three 32-bit words in DMA-capable RAM.
// Word 0 packs size:12, length:12, offset:5, sosf:1, eof:1, owner:1 (LSB first); then the
// buffer address and the next descriptor's address, both as 32-bit chip addresses so the same
// layout holds on the chip and on a 64-bit host.
#pragma once
#include <stdint.h>

namespace upanel::core {

struct LlDesc {
    uint32_t word0;
    uint32_t buf;
    uint32_t next;
};
static_assert(sizeof(LlDesc) == 12, "lldesc_t is 12 bytes");

constexpr uint32_t kLlDescMaxBytes = 4092;  // 12-bit fields, word aligned

constexpr uint32_t lldesc_word0(uint32_t size, uint32_t length, bool eof, bool owner_dma) {
    return (size & 0xFFFu) | ((length & 0xFFFu) << 12) | (uint32_t(eof) << 30) | (uint32_t(owner_dma) << 31);
}
constexpr uint32_t lldesc_length(uint32_t w0) { return (w0 >> 12) & 0xFFFu; }
constexpr bool lldesc_eof(uint32_t w0) { return (w0 >> 30) & 1u; }
constexpr bool lldesc_owner_dma(uint32_t w0) { return (w0 >> 31) & 1u; }
constexpr uint32_t lldesc_with_eof(uint32_t w0, bool eof) {
    return (w0 & ~(1u << 30)) | (uint32_t(eof) << 30);
}

// The descriptors a linear transfer of `bytes` bytes takes.
constexpr uint32_t lldesc_count(uint32_t bytes) { return (bytes + kLlDescMaxBytes - 1) / kLlDescMaxBytes; }

// What a chain does with its buffer: sends its bytes (length: the bytes; size: rounded up to
// whole words), sends its first bytes again in every descriptor (a fill), or receives into
// it (length and size whole words: the engine writes words, as ESP-IDF sets it up).
enum class LlDescChain : uint8_t { kSend, kSendRepeat, kReceive };

// Fills d[] (at chip address d_addr) with a chain over `bytes` bytes at chip address
// buf_addr, kLlDescMaxBytes a descriptor at most, owned by the DMA, the last one with EOF and
// no next. Returns the number of descriptors written (lldesc_count(bytes)).
uint32_t lldesc_chain(LlDesc *d, uint32_t d_addr, uint32_t buf_addr, uint32_t bytes, LlDescChain kind);

}  // namespace upanel::core
