#include "upanel/emu/out_link.h"

#include <cstdio>
#include <cstring>

#include "upanel/core/lldesc.h"

namespace upanel::emu {

using namespace upanel::core;

static std::string hex(uint32_t v) {
    char s[16];
    std::snprintf(s, sizeof s, "0x%08X", unsigned(v));
    return s;
}

void OutLink::start(uint32_t link_field) {
    first_ = desc_ = 0x3FF00000u | (link_field & kAddrMask);
    running_ = true;
    loaded_ = false;
}

uint32_t OutLink::length() const { return lldesc_length(w0_); }

std::string OutLink::load(const Rules &rules) {
    auto fail = [&](const std::string &why) {
        stop();
        return "descriptor at " + hex(desc_) + " " + why;
    };
    if ((desc_ & 3) || !dram_.contains(desc_, 12)) return fail("is not word aligned in DMA-capable RAM");
    w0_ = dram_.read32(desc_);
    buf_ = dram_.read32(desc_ + 4);
    next_ = dram_.read32(desc_ + 8);
    if (rules.check_owner && !lldesc_owner_dma(w0_)) return fail("is owned by the CPU");
    uint32_t len = lldesc_length(w0_);
    if (rules.whole_words && len % 4) return fail("has a length that is not a multiple of 4 bytes");
    if (len && ((buf_ & 3) || !dram_.contains(buf_, len)))
        return fail("points to buffer " + hex(buf_) + " outside word-aligned DMA-capable RAM");
    consumed = 0;
    loaded_ = true;
    return "";
}

OutLink::Finished OutLink::finish(bool auto_writeback) {
    if (auto_writeback) {
        uint32_t w0 = w0_ & ~(1u << 31);
        std::memcpy(dram_.host(desc_), &w0, 4);
    }
    Finished f{lldesc_eof(w0_), next_ == 0};
    if (f.eof) {
        eof_desc_ = desc_;
        eof_buf_ = buf_;
    }
    loaded_ = false;
    if (f.chain_end) stop();
    else desc_ = next_;
    return f;
}

}  // namespace upanel::emu
