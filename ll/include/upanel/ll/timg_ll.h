// The timer groups' general-purpose timers (TRM chapter 18): TIMG0 and TIMG1, two 64-bit
// timers each, counting the 80 MHz APB clock through a 16-bit prescaler, with an alarm and a
// level interrupt (sources 14, 15 for TIMG0's timers 0, 1; 18, 19 for TIMG1's).
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kApbHz = 80'000'000;

// Registers of timer t (0x24 apart) and of the group.
inline uint32_t timg_reg(int group, int timer, uint32_t offset) {
    return kTimgBase[group] + 0x24u * uint32_t(timer) + offset;
}
constexpr uint32_t kTimgConfig = 0x00, kTimgLo = 0x04, kTimgHi = 0x08, kTimgUpdate = 0x0C;
constexpr uint32_t kTimgAlarmLo = 0x10, kTimgAlarmHi = 0x14, kTimgLoadLo = 0x18;
constexpr uint32_t kTimgLoadHi = 0x1C, kTimgLoad = 0x20;
constexpr uint32_t kTimgIntEna = 0x98, kTimgIntRaw = 0x9C, kTimgIntSt = 0xA0, kTimgIntClr = 0xA4;
// TIMGn_Tx_CONFIG_REG fields.
constexpr uint32_t kTimgEn = 1u << 31, kTimgIncrease = 1u << 30, kTimgAutoreload = 1u << 29;
constexpr uint32_t kTimgDividerShift = 13, kTimgLevelIntEn = 1u << 11, kTimgAlarmEn = 1u << 10;

// Starts timer t counting up from `start` at 80 MHz / divider (2..65535), no auto-reload,
// its level interrupt enabled in the group.
inline void timg_start(int group, int timer, uint32_t divider, uint64_t start) {
    reg_write(timg_reg(group, timer, kTimgConfig), kTimgIncrease | (divider << kTimgDividerShift));
    reg_write(timg_reg(group, timer, kTimgLoadLo), uint32_t(start));
    reg_write(timg_reg(group, timer, kTimgLoadHi), uint32_t(start >> 32));
    reg_write(timg_reg(group, timer, kTimgLoad), 1);
    reg_write(timg_reg(group, timer, kTimgConfig),
              kTimgEn | kTimgIncrease | kTimgLevelIntEn | (divider << kTimgDividerShift));
    reg_set_bits(kTimgBase[group] + kTimgIntEna, 1u << timer);
}

inline bool timg_running(int group, int timer) {
    return reg_read(timg_reg(group, timer, kTimgConfig)) & kTimgEn;
}

inline void timg_stop(int group, int timer) {
    reg_write(timg_reg(group, timer, kTimgConfig), kTimgIncrease | (1u << kTimgDividerShift));
    reg_clear_bits(kTimgBase[group] + kTimgIntEna, 1u << timer);
    reg_write(kTimgBase[group] + kTimgIntClr, 1u << timer);
}

// The counter, latched by a write to TxUPDATE.
inline uint64_t timg_count(int group, int timer) {
    reg_write(timg_reg(group, timer, kTimgUpdate), 1);
    const uint32_t lo = reg_read(timg_reg(group, timer, kTimgLo));
    return (uint64_t(reg_read(timg_reg(group, timer, kTimgHi))) << 32) | lo;
}

// An alarm when the counter reaches `at` (never if it has passed it: set it ahead).
inline void timg_set_alarm(int group, int timer, uint64_t at) {
    const uint32_t cfg = timg_reg(group, timer, kTimgConfig);
    reg_clear_bits(cfg, kTimgAlarmEn);
    reg_write(timg_reg(group, timer, kTimgAlarmLo), uint32_t(at));
    reg_write(timg_reg(group, timer, kTimgAlarmHi), uint32_t(at >> 32));
    reg_set_bits(cfg, kTimgAlarmEn);
}

inline void timg_clear_alarm(int group, int timer) {
    reg_clear_bits(timg_reg(group, timer, kTimgConfig), kTimgAlarmEn);
}

inline bool timg_intr_pending(int group, int timer) {
    return (reg_read(kTimgBase[group] + kTimgIntSt) >> timer) & 1u;
}

inline void timg_intr_clear(int group, int timer) { reg_write(kTimgBase[group] + kTimgIntClr, 1u << timer); }

}  // namespace upanel::ll
