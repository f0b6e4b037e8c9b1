// The RTC timer and retention registers of RTC_CNTL (TRM chapter 31) and the slow clocks
// behind them: the 48-bit RTC timer counts RTC_SLOW_CLK, by default the internal 150 kHz RC
// oscillator; a write of TIME_UPDATE latches it into TIME0/TIME1 and sets TIME_VALID.
// ESP-IDF keeps the slow clock's measured period in STORE1 (RTC_SLOW_CLK_CAL_REG) as
// microseconds in Q13.19 fixed point.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kRtcCntlTimeUpdate = kRtcCntlBase + 0x0C;
constexpr uint32_t kRtcCntlTime0 = kRtcCntlBase + 0x10, kRtcCntlTime1 = kRtcCntlBase + 0x14;
constexpr uint32_t kRtcTimeUpdate = 1u << 31, kRtcTimeValid = 1u << 30;
constexpr uint32_t kRtcCntlStore0 = kRtcCntlBase + 0x4C;    // STORE0..3 at + 4n
constexpr uint32_t kRtcCntlStore4 = kRtcCntlBase + 0xB0;    // STORE4..7 at + 4n
constexpr uint32_t kRtcSlowClkCalReg = kRtcCntlStore0 + 4;  // STORE1

constexpr uint32_t kRtcSlowRcHz = 150'000;    // RTC_SLOW_CLK from the internal RC
constexpr uint32_t kRtcFast8mHz = 8'000'000;  // the internal "8M" RC (RTC8M_CLK), nominal
constexpr uint32_t kXtalHz = 40'000'000;
constexpr uint32_t kRtcClkCalFract = 19;  // RTC_CLK_CAL_FRACT: Q13.19

// The slow clock's period that start-up measured (Q13.19 us; 0: none yet), and setting it.
inline uint32_t rtc_slow_clk_cal() { return reg_read(kRtcSlowClkCalReg); }
inline void rtc_set_slow_clk_cal(uint32_t period) { reg_write(kRtcSlowClkCalReg, period); }

// The RTC timer's count of slow clock cycles, as ESP-IDF's rtc_time_get reads it.
inline uint64_t rtc_time_get() {
    reg_write(kRtcCntlTimeUpdate, kRtcTimeUpdate);
    while (!(reg_read(kRtcCntlTimeUpdate) & kRtcTimeValid)) cpu_relax();
    return uint64_t(reg_read(kRtcCntlTime0)) | uint64_t(reg_read(kRtcCntlTime1) & 0xFFFFu) << 32;
}

// Slow clock cycles to microseconds with a Q13.19 period, as ESP-IDF splits the product so
// that a 48-bit count times a 24-bit period does not overflow.
constexpr uint64_t rtc_time_slowclk_to_us(uint64_t ticks, uint32_t period) {
    return ((ticks & 0xFFFFFFFFu) * period >> kRtcClkCalFract) +
           ((ticks >> 32) * period << (32 - kRtcClkCalFract));
}

}  // namespace upanel::ll
