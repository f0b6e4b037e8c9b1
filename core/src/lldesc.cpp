#include "upanel/core/lldesc.h"

namespace upanel::core {

uint32_t lldesc_chain(LlDesc *d, uint32_t d_addr, uint32_t buf_addr, uint32_t bytes, bool repeat) {
    uint32_t i = 0;
    for (uint32_t off = 0; off < bytes; i++) {
        const uint32_t n = bytes - off < kLlDescMaxBytes ? bytes - off : kLlDescMaxBytes;
        const bool last = off + n == bytes;
        d[i].word0 = lldesc_word0((n + 3) & ~3u, n, last, true);
        d[i].buf = repeat ? buf_addr : buf_addr + off;
        d[i].next = last ? 0 : d_addr + uint32_t(sizeof(LlDesc)) * (i + 1);
        off += n;
    }
    return i;
}

}  // namespace upanel::core
