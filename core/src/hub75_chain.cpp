#include "upanel/core/hub75_chain.h"

#include "upanel/core/hub75_encoder.h"

namespace upanel::core {

static constexpr uint32_t kMaxChunk = 512;
static constexpr uint32_t kMaxGapChunk = 2040;

Hub75ChainNeeds hub75_chain_needs(const BcmPlan &full) {
    Hub75ChainNeeds n{0, 0, 0};
    for (uint32_t b = 0; b <= 255; b++) {
        const BcmPlan plan = plan_brightness(full, b);
        for (uint32_t p = 0; p < plan.depth; p++) {
            uint32_t pad = plan.padding(p) - plan.dither_slot(p);
            n.pad_chunk = pad > n.pad_chunk ? pad : n.pad_chunk;
        }
        n.gap_chunk = plan.gap > n.gap_chunk ? plan.gap : n.gap_chunk;
    }
    n.pad_chunk = n.pad_chunk < kMaxChunk ? n.pad_chunk : kMaxChunk;
    n.gap_chunk = n.gap_chunk < kMaxGapChunk ? n.gap_chunk : kMaxGapChunk;
    // Counting needs no addresses, only distinct ones: data, idle words and descriptors apart.
    const Hub75ChainLayout l{0x10000000, 0x20000000, n.pad_chunk, 0x30000000,
                             0x40000000, 0x50000000, n.gap_chunk};
    for (uint32_t b = 0; b <= 255; b++) {
        uint32_t count = hub75_build_chain(plan_brightness(full, b), l, nullptr);
        n.descriptors = count > n.descriptors ? count : n.descriptors;
    }
    return n;
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

static void add_idle(ChainWriter &w, uint32_t addr, uint32_t words, uint32_t chunk) {
    for (uint32_t left = words; left;) {
        uint32_t k = left < chunk ? left : chunk;
        w.add(addr, 2 * k, false);
        left -= k;
    }
}

uint32_t hub75_build_chain(const BcmPlan &plan, const Hub75ChainLayout &l, LlDesc *out) {
    ChainWriter w(l, out);
    const uint32_t chunk = l.pad_chunk;
    const uint32_t slot = plan.dither_slot_clocks();
    for (uint32_t k = 0; k < plan.refreshes(); k++) {
        for (uint32_t r = 0; r < plan.rows; r++) {
            for (uint32_t p = 0; p < plan.depth; p++) {
                uint32_t a = p == 0 ? (r + plan.rows - 1) % plan.rows : r;
                if (plan.dither_slot(p)) {
                    uint32_t lit = plan.extra(plan.shown_plane(p), k);
                    w.add(l.dither_addr + a * hub75_dither_row_bytes(plan) + lit * 2 * slot, 2 * slot, false);
                }
                uint32_t pre = plan.dither_slot(p), pad = plan.padding(p);
                if (pad > pre) {
                    uint32_t row_idle = l.pad_addr + a * hub75_pad_row_bytes(chunk);
                    WindowLight light = window_light(plan, p);
                    uint32_t dark_end = light.on_start < pad ? light.on_start : pad;
                    uint32_t dark = dark_end - pre, lit = pad - dark_end;
                    if (dark <= chunk && lit <= chunk) {
                        // The dark words' tail runs on into the lit ones: one descriptor.
                        w.add(row_idle + 2 * (chunk - dark), 2 * (dark + lit), false);
                    } else {
                        add_idle(w, row_idle, dark, chunk);
                        add_idle(w, row_idle + 2 * chunk, lit, chunk);
                    }
                }
                uint32_t data = l.data_addr + 2 * (r * plan.depth + p) * plan.cols;
                w.add(data, 2 * plan.cols, true);
            }
        }
        add_idle(w, l.gap_addr, plan.gap, l.gap_chunk);
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

void hub75_fill_dither_row(const BcmPlan &plan, uint16_t *row_words, uint32_t a) {
    const uint32_t slot = plan.dither_slot_clocks(), lit_at = slot - 2;
    const uint16_t addr = uint16_t(a << hub75_word::kAddrShift);
    for (uint32_t i = 0; i < slot; i++) {
        row_words[i ^ 1u] = addr | hub75_word::kOe;
        row_words[slot + (i ^ 1u)] = uint16_t(addr | (i == lit_at ? 0 : hub75_word::kOe));
    }
}

void hub75_fill_gap(uint16_t *words, uint32_t chunk, uint32_t rows) {
    for (uint32_t i = 0; i < chunk; i++)
        words[i] = uint16_t(((rows - 1) << hub75_word::kAddrShift) | hub75_word::kOe);
}

}  // namespace upanel::core
