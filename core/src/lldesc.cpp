#include "upanel/core/lldesc.h"

namespace upanel::core {

uint32_t lldesc_chain(LlDesc *d, uint32_t d_addr, uint32_t buf_addr, uint32_t bytes, LlDescChain kind) {
    uint32_t i = 0;
    for (uint32_t off = 0; off < bytes; i++) {
        const uint32_t n = bytes - off < kLlDescMaxBytes ? bytes - off : kLlDescMaxBytes;
        const bool last = off + n == bytes;
        const uint32_t words = (n + 3) & ~3u;
        d[i].word0 = lldesc_word0(words, kind == LlDescChain::kReceive ? words : n, last, true);
        d[i].buf = kind == LlDescChain::kSendRepeat ? buf_addr : buf_addr + off;
        d[i].next = last ? 0 : d_addr + uint32_t(sizeof(LlDesc)) * (i + 1);
        off += n;
    }
    return i;
}

}  // namespace upanel::core
