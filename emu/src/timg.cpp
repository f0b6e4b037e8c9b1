#include "upanel/emu/timg.h"

#include <cstddef>

namespace upanel::emu {

namespace {
// Registers of timer x at 0x24 * x: CONFIG, LO, HI, UPDATE, ALARMLO, ALARMHI, LOADLO, LOADHI,
// LOAD. Then the interrupt registers of the group.
constexpr uint32_t kConfig = 0x00, kLo = 0x04, kHi = 0x08, kUpdate = 0x0C, kAlarmLo = 0x10;
constexpr uint32_t kAlarmHi = 0x14, kLoadLo = 0x18, kLoadHi = 0x1C, kLoad = 0x20, kStride = 0x24;
constexpr uint32_t kIntEna = 0x98, kIntRaw = 0x9C, kIntSt = 0xA0, kIntClr = 0xA4;
constexpr uint32_t kEn = 1u << 31, kIncrease = 1u << 30, kAutoreload = 1u << 29;
constexpr uint32_t kDividerShift = 13, kLevelIntEn = 1u << 11, kAlarmEn = 1u << 10;
// Reset: counting up, auto-reload, prescaler 1 (TRM register defaults).
constexpr uint32_t kConfigReset = kIncrease | kAutoreload | (1u << kDividerShift);
constexpr Picos kApbPeriod = 12'500;  // 80 MHz
}  // namespace

void Timg::reset() {
    for (Timer &t : timers_) {
        t = Timer{};
        t.config = kConfigReset;
        t.since = now_;
    }
    int_ena_ = int_raw_ = 0;
    time_ = now_;
}

// The prescaler divides by 2..65536: 0 means 65536, 1 and 2 both mean 2.
Picos Timg::tick(const Timer &t) const {
    uint32_t div = (t.config >> kDividerShift) & 0xFFFF;
    if (div == 0) div = 65536;
    if (div == 1) div = 2;
    return kApbPeriod * div;
}

uint64_t Timg::count_at(const Timer &t, Picos when) const {
    if (!(t.config & kEn) || when <= t.since) return t.count;
    const uint64_t ticks = (when - t.since) / tick(t);
    return (t.config & kIncrease) ? t.count + ticks : t.count - ticks;
}

// The counter as it is now becomes the reference (before a change of its configuration).
void Timg::rebase(Timer &t) {
    const Picos at = now_ > time_ ? now_ : time_;
    t.count = count_at(t, at);
    t.since = at;
}

Picos Timg::alarm_time(const Timer &t) const {
    if (!(t.config & kEn) || !(t.config & kAlarmEn)) return kNever;
    const bool up = t.config & kIncrease;
    if (up ? t.alarm < t.count : t.alarm > t.count) return kNever;  // passed: only after a wrap
    const uint64_t ticks = up ? t.alarm - t.count : t.count - t.alarm;
    if (ticks > (kNever - t.since) / tick(t)) return kNever;
    return t.since + ticks * tick(t);
}

Picos Timg::next_alarm() const {
    Picos next = kNever;
    for (const Timer &t : timers_) {
        const Picos a = alarm_time(t);
        if (a < next) next = a;
    }
    return next;
}

Picos Timg::run(Picos until) {
    for (;;) {
        int which = -1;
        Picos at = kNever;
        for (int i = 0; i < 2; i++) {
            const Picos a = alarm_time(timers_[std::size_t(i)]);
            if (a < at) at = a, which = i;
        }
        if (which < 0 || at > until) break;
        Timer &t = timers_[std::size_t(which)];
        if (at < time_) at = time_;
        t.count = t.alarm;
        t.since = at;
        t.config &= ~kAlarmEn;
        if (t.config & kAutoreload) t.count = t.load;
        int_raw_ |= 1u << which;
        time_ = at;
        return at;  // the interrupt is served before time goes on
    }
    if (until > time_) time_ = until;
    return until;
}

bool Timg::irq(int timer) const {
    const Timer &t = timers_[std::size_t(timer) & 1];
    return ((int_raw_ & int_ena_) >> timer & 1u) && (t.config & kLevelIntEn);
}

uint32_t Timg::read(uint32_t offset) {
    switch (offset) {
        case kIntEna:
            return int_ena_;
        case kIntRaw:
            return int_raw_;
        case kIntSt:
            return int_raw_ & int_ena_;
        default:
            break;
    }
    if (offset >= 2 * kStride) return 0;
    const Timer &t = timers_[offset / kStride];
    switch (offset % kStride) {
        case kConfig:
            return t.config;
        case kLo:
            return t.lo;
        case kHi:
            return t.hi;
        case kAlarmLo:
            return uint32_t(t.alarm);
        case kAlarmHi:
            return uint32_t(t.alarm >> 32);
        case kLoadLo:
            return uint32_t(t.load);
        case kLoadHi:
            return uint32_t(t.load >> 32);
        default:
            return 0;
    }
}

void Timg::write(uint32_t offset, uint32_t value) {
    switch (offset) {
        case kIntEna:
            int_ena_ = value & 0xF;
            return;
        case kIntClr:
            int_raw_ &= ~value;
            return;
        default:
            break;
    }
    if (offset >= 2 * kStride) return;
    Timer &t = timers_[offset / kStride];
    switch (offset % kStride) {
        case kConfig:
            rebase(t);
            t.config = value;
            break;
        case kUpdate: {
            const uint64_t c = count_at(t, now_ > time_ ? now_ : time_);
            t.lo = uint32_t(c), t.hi = uint32_t(c >> 32);
            break;
        }
        case kAlarmLo:
            rebase(t);
            t.alarm = (t.alarm & ~0xFFFFFFFFull) | value;
            break;
        case kAlarmHi:
            rebase(t);
            t.alarm = (t.alarm & 0xFFFFFFFFull) | (uint64_t(value) << 32);
            break;
        case kLoadLo:
            t.load = (t.load & ~0xFFFFFFFFull) | value;
            break;
        case kLoadHi:
            t.load = (t.load & 0xFFFFFFFFull) | (uint64_t(value) << 32);
            break;
        case kLoad:
            rebase(t);
            t.count = t.load;
            break;
        default:
            break;
    }
}

}  // namespace upanel::emu
