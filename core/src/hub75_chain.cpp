#include "upanel/core/hub75_chain.h"

#include "upanel/core/hub75_encoder.h"

namespace upanel::core {

static constexpr uint32_t kMaxChunk = 512;
static constexpr uint32_t kMinChunk = 32;
static constexpr uint32_t kMaxGapChunk = 2040;

// Descriptors of the longest chain at any brightness with idle words in chunks of `chunk`.
static uint32_t worst_descriptors(const BcmPlan &full, uint32_t chunk, uint32_t gap_chunk) {
    // Counting needs no addresses, only distinct ones: data, idle words and descriptors apart.
    const Hub75ChainLayout l{0x10000000, 0x20000000, chunk, 0x40000000, 0x50000000, gap_chunk};
    uint32_t worst = 0;
    for (uint32_t b = 0; b <= 255; b++) {
        uint32_t count = hub75_build_chain(plan_brightness(full, b), l);
        worst = count > worst ? count : worst;
    }
    return worst;
}

Hub75ChainNeeds hub75_chain_needs(const BcmPlan &full, uint32_t frames) {
    uint32_t longest_pad = 0, longest_gap = 0;
    for (uint32_t b = 0; b <= 255; b++) {
        const BcmPlan plan = plan_brightness(full, b);
        for (uint32_t p = 0; p < plan.depth; p++) {
            uint32_t pad = plan.padding(p) - plan.dither_slot(p);
            longest_pad = pad > longest_pad ? pad : longest_pad;
        }
        longest_gap = plan.gap > longest_gap ? plan.gap : longest_gap;
    }
    Hub75ChainNeeds best{longest_pad < kMaxChunk ? longest_pad : kMaxChunk, 0, 0};
    best.gap_chunk = longest_gap < kMaxGapChunk ? longest_gap : kMaxGapChunk;
    best.descriptors = worst_descriptors(full, best.pad_chunk, best.gap_chunk);
    // Shorter chunks of idle words take more descriptors for a long padding; take the chunk
    // with the fewest bytes of idle words and descriptors together at the worst brightness.
    auto bytes = [&](const Hub75ChainNeeds &n) {
        return full.rows * hub75_pad_row_bytes(n.pad_chunk) + frames * 12 * n.descriptors;
    };
    for (uint32_t chunk = kMinChunk; chunk < best.pad_chunk; chunk *= 2) {
        const Hub75ChainNeeds n{chunk, best.gap_chunk, worst_descriptors(full, chunk, best.gap_chunk)};
        if (bytes(n) < bytes(best)) best = n;
    }
    return best;
}

namespace {
// Writes descriptors one after the other through the blocks, linking each to the next and the
// last back to the first; with no blocks it only counts.
class ChainWriter {
  public:
    explicit ChainWriter(const Hub75DescBlock *blocks) : blocks_(blocks) {}

    void add(uint32_t buf, uint32_t bytes, bool mergeable) {
        while (bytes) {
            if (mergeable && last_mergeable_ && last_end_ == buf && last_len_ + 4 <= kLlDescMaxBytes) {
                uint32_t take = kLlDescMaxBytes - last_len_;
                take = take < bytes ? take : bytes;
                last_len_ += take;
                if (last_) last_->word0 = lldesc_word0(last_len_, last_len_, false, true);
                buf += take;
                bytes -= take;
                last_end_ = buf;
                continue;
            }
            uint32_t take = bytes < kLlDescMaxBytes ? bytes : kLlDescMaxBytes;
            next(lldesc_word0(take, take, false, true), buf);
            last_len_ = take;
            last_end_ = buf + take;
            last_mergeable_ = mergeable;
            buf += take;
            bytes -= take;
        }
    }
    uint32_t close() {
        if (last_) last_->next = blocks_[0].addr;
        return n_;
    }

  private:
    void next(uint32_t word0, uint32_t buf) {
        n_++;
        if (!blocks_) return;
        if (slot_ == blocks_[block_].count) block_++, slot_ = 0;
        const Hub75DescBlock &b = blocks_[block_];
        if (last_) last_->next = b.addr + 12 * slot_;
        last_ = b.desc + slot_++;
        last_->word0 = word0;
        last_->buf = buf;
    }

    const Hub75DescBlock *blocks_;
    LlDesc *last_ = nullptr;
    uint32_t n_ = 0, block_ = 0, slot_ = 0, last_len_ = 0, last_end_ = 0;
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

uint32_t hub75_build_chain(const BcmPlan &plan, const Hub75ChainLayout &l, const Hub75DescBlock *blocks,
                           uint32_t block_count) {
    if (blocks) {
        uint64_t room = 0;
        for (uint32_t i = 0; i < block_count; i++) room += blocks[i].count;
        if (hub75_build_chain(plan, l) > room) return 0;
    }
    ChainWriter w(blocks);
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
