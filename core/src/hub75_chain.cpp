#include "upanel/core/hub75_chain.h"

#include "upanel/core/hub75_encoder.h"

namespace upanel::core {

static constexpr uint32_t kMaxChunk = 512;

uint32_t hub75_pad_chunk(const BcmPlan &plan) {
    uint32_t need = plan.max_padding();
    return need < kMaxChunk ? need : kMaxChunk;
}

uint32_t hub75_chain_capacity(const BcmPlan &plan, uint32_t pad_chunk) {
    uint32_t per_row = 0;
    uint32_t data_bytes = plan.cols * 2;
    for (uint32_t p = 0; p < plan.depth; p++) {
        uint32_t pad = plan.padding(p);
        if (pad) per_row += (pad + pad_chunk - 1) / pad_chunk + 1;
        per_row += (data_bytes + kLlDescMaxBytes - 1) / kLlDescMaxBytes;
    }
    return per_row * plan.rows;
}

namespace {
class ChainWriter {
  public:
    ChainWriter(const Hub75ChainLayout &l, LlDesc *out) : l_(l), out_(out) {}

    void add(uint32_t buf, uint32_t bytes, bool mergeable) {
        while (bytes) {
            if (mergeable && last_mergeable_ && last_end_ == buf && last_len_ + 4 <= kLlDescMaxBytes) {
                uint32_t take = kLlDescMaxBytes - last_len_;
                take = take < bytes ? take : bytes;
                last_len_ += take;
                if (out_) out_[n_ - 1].word0 = lldesc_word0(last_len_, last_len_, false, true);
                buf += take;
                bytes -= take;
                last_end_ = buf;
                continue;
            }
            uint32_t take = bytes < kLlDescMaxBytes ? bytes : kLlDescMaxBytes;
            if (out_) {
                out_[n_].word0 = lldesc_word0(take, take, false, true);
                out_[n_].buf = buf;
                out_[n_].next = l_.desc_addr + 12 * (n_ + 1);
            }
            n_++;
            last_len_ = take;
            last_end_ = buf + take;
            last_mergeable_ = mergeable;
            buf += take;
            bytes -= take;
        }
    }
    uint32_t close() {
        if (out_ && n_) out_[n_ - 1].next = l_.desc_addr;
        return n_;
    }

  private:
    const Hub75ChainLayout &l_;
    LlDesc *out_;
    uint32_t n_ = 0, last_len_ = 0, last_end_ = 0;
    bool last_mergeable_ = false;
};
}  // namespace

uint32_t hub75_build_chain(const BcmPlan &plan, uint32_t brightness, const Hub75ChainLayout &l, LlDesc *out) {
    ChainWriter w(l, out);
    const uint32_t chunk = l.pad_chunk;
    for (uint32_t r = 0; r < plan.rows; r++) {
        for (uint32_t p = 0; p < plan.depth; p++) {
            uint32_t pad = plan.padding(p);
            if (pad) {
                uint32_t a = p == 0 ? (r + plan.rows - 1) % plan.rows : r;
                uint32_t row_idle = l.pad_addr + a * hub75_pad_row_bytes(chunk);
                WindowLight light = window_light(plan, p, brightness);
                uint32_t dark = light.on_start < pad ? light.on_start : pad;
                for (uint32_t left = dark; left;) {
                    uint32_t k = left < chunk ? left : chunk;
                    w.add(row_idle, 2 * k, false);
                    left -= k;
                }
                for (uint32_t left = pad - dark; left;) {
                    uint32_t k = left < chunk ? left : chunk;
                    w.add(row_idle + 2 * chunk, 2 * k, false);
                    left -= k;
                }
            }
            uint32_t data = l.data_addr + 2 * (r * plan.depth + p) * plan.cols;
            w.add(data, 2 * plan.cols, true);
        }
    }
    return w.close();
}

void hub75_fill_pad_row(uint16_t *row_words, uint32_t chunk, uint32_t a) {
    uint16_t addr = uint16_t(a << hub75_word::kAddrShift);
    for (uint32_t i = 0; i < chunk; i++) {
        row_words[i] = addr | hub75_word::kOe;
        row_words[chunk + i] = addr;
    }
}

}  // namespace upanel::core
