// RTC_CNTL's timer and retention registers.
#include "upanel/emu/rtc_cntl.h"

#include <cstddef>

namespace upanel::emu {

namespace {
// STORE0..3 sit at 0x4C..0x58, STORE4..7 at 0xB0..0xBC: the index, or -1.
int store_index(uint32_t offset) {
    if (offset >= RtcCntl::kStore0 && offset < RtcCntl::kStore0 + 16 && !(offset & 3))
        return int(offset - RtcCntl::kStore0) / 4;
    if (offset >= RtcCntl::kStore4 && offset < RtcCntl::kStore4 + 16 && !(offset & 3))
        return 4 + int(offset - RtcCntl::kStore4) / 4;
    return -1;
}
}  // namespace

bool RtcCntl::modelled(uint32_t offset) {
    return offset == kTimeUpdate || offset == kTime0 || offset == kTime1 || store_index(offset) >= 0;
}

uint32_t RtcCntl::read(uint32_t offset) {
    if (offset == kTimeUpdate) return valid_ ? 1u << 30 : 0;
    if (offset == kTime0) return uint32_t(latched_);
    if (offset == kTime1) return uint32_t(latched_ >> 32) & 0xFFFFu;
    const int i = store_index(offset);
    return i >= 0 ? store_[std::size_t(i)] : 0;
}

void RtcCntl::write(uint32_t offset, uint32_t value) {
    if (offset == kTimeUpdate && (value & (1u << 31))) {
        latched_ = slow_cycles(now_) & 0xFFFF'FFFF'FFFFull;  // 48 bits
        valid_ = true;
    }
    const int i = store_index(offset);
    if (i >= 0) store_[std::size_t(i)] = value;
}

void RtcCntl::reset() {
    latched_ = 0;
    valid_ = false;
    store_.fill(0);
}

}  // namespace upanel::emu
