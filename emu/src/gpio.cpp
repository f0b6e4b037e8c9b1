#include "upanel/emu/gpio.h"

namespace upanel::emu {

namespace {
constexpr uint32_t kOut = 0x04, kOutW1ts = 0x08, kOutW1tc = 0x0C;
constexpr uint32_t kOut1 = 0x10, kOut1W1ts = 0x14, kOut1W1tc = 0x18;
constexpr uint32_t kEnable = 0x20, kEnableW1ts = 0x24, kEnableW1tc = 0x28;
constexpr uint32_t kEnable1 = 0x2C, kEnable1W1ts = 0x30, kEnable1W1tc = 0x34;
constexpr uint32_t kIn = 0x3C, kIn1 = 0x40;
constexpr uint32_t kStatus = 0x44, kStatusW1ts = 0x48, kStatusW1tc = 0x4C;
constexpr uint32_t kStatus1 = 0x50, kStatus1W1ts = 0x54, kStatus1W1tc = 0x58;
// GPIO_ACPU_INT, _ACPU_NMI_INT, _PCPU_INT, _PCPU_NMI_INT, _CPUSDIO_INT, then the same for
// pads 32..39; each with the INT_ENA bit (0..4) it masks GPIO_STATUS with.
constexpr uint32_t kAcpuInt = 0x60, kAcpuInt1 = 0x74;
constexpr uint32_t kPin0 = 0x88, kFuncInSel0 = 0x130, kFuncOutSel0 = 0x530;

constexpr uint32_t kOutSelMask = 0x1FF, kInvSel = 1u << 9, kOenSel = 1u << 10;
constexpr uint32_t kPadDriver = 1u << 2, kIntTypeShift = 7, kIntEnaShift = 13;
constexpr uint32_t kPinMask = 0x3FFFF;  // PAD_DRIVER, INT_TYPE, WAKEUP_ENABLE, CONFIG, INT_ENA
constexpr uint32_t kMcuSelShift = 12, kMcuSelMask = 7u << kMcuSelShift, kFuncGpio = 2;
constexpr uint32_t kFunWpd = 1u << 7, kFunWpu = 1u << 8, kFunIe = 1u << 9;
constexpr uint32_t kInSelPadMask = 0x3F, kInInvSel = 1u << 6, kSigInSel = 1u << 7;
constexpr uint32_t kInConstLow = 0x30, kInConstHigh = 0x38;
constexpr uint32_t kFunDrvReset = 2u << 10;  // IO_MUX FUN_DRV resets to 2 (about 20 mA)
constexpr uint64_t kAllPads = (uint64_t(1) << kPadCount) - 1;

// IO_MUX register offset of each pad (the order is the chip's, not the pad numbers').
constexpr int16_t kIoMuxOffset[kPadCount] = {0x44, 0x88, 0x40, 0x84, 0x48, 0x6C, 0x60, 0x64, 0x68, 0x54,
                                             0x58, 0x5C, 0x34, 0x38, 0x30, 0x3C, 0x4C, 0x50, 0x70, 0x74,
                                             0x78, 0x7C, 0x80, 0x8C, 0x90, 0x24, 0x28, 0x2C, -1,   -1,
                                             -1,   -1,   0x1C, 0x20, 0x14, 0x18, 0x04, 0x08, 0x0C, 0x10};

// RTC_IO's pad registers (TRM 4.11, register summary of RTC_IO): for each pad with an RTC
// function, its register, the bits of its pull-up, pull-down and hold (-1: none: 34..39 have
// no pulls), and its bit in RTC_CNTL_HOLD_FORCE_REG. Drive strength bits are kept as written.
struct RtcPadBits {
    int8_t pad;
    uint8_t reg;
    int8_t rue, rde, hold, force;
};
constexpr RtcPadBits kRtcPads[] = {
    {36, 0x7C, -1, -1, 31, 4},  {37, 0x7C, -1, -1, 30, 5},  {38, 0x7C, -1, -1, 29, 6},
    {39, 0x7C, -1, -1, 28, 7},  {34, 0x80, -1, -1, 31, 0},  {35, 0x80, -1, -1, 30, 1},
    {25, 0x84, 27, 28, 29, 2},  {26, 0x88, 27, 28, 29, 3},  {33, 0x8C, 27, 28, 29, 17},
    {32, 0x8C, 22, 23, 24, 16}, {4, 0x94, 27, 28, 31, 8},   {0, 0x98, 27, 28, 31, 9},
    {2, 0x9C, 27, 28, 31, 10},  {15, 0xA0, 27, 28, 31, 11}, {13, 0xA4, 27, 28, 31, 12},
    {12, 0xA8, 27, 28, 31, 13}, {14, 0xAC, 27, 28, 31, 14}, {27, 0xB0, 27, 28, 31, 15},
};
// Drive strength fields and their reset value 2: TOUCH_PADn bits 29..30, the DAC and 32 kHz
// crystal pads 30..31 (X32P 25..26).
constexpr uint32_t kRtcDrvReset[][2] = {{0x84, 2u << 30}, {0x88, 2u << 30}, {0x8C, (2u << 30) | (2u << 25)}};
constexpr uint32_t kTouchPad0 = 0x94, kTouchPads = 10, kTouchDrvReset = 2u << 29;
constexpr uint32_t kDigPadHold = 0x74;
// RTC_CNTL_DIG_ISO_REG: reset value (ROM0_FORCE_NOISO, DG_PAD_FORCE_UNHOLD,
// DG_PAD_FORCE_NOISO), and DG_PAD_FORCE_HOLD.
constexpr uint32_t kDigIsoReset = (1u << 17) | (1u << 14) | (1u << 12), kDgPadForceHold = 1u << 15;
// RTC_IO_DIG_PAD_HOLD_REG: the bit that holds each digital pad.
constexpr int8_t kDigHoldBit[kPadCount] = {-1, 1,  -1, 0,  -1, 8,  2,  3,  4,  5,  6,  7,  -1, -1,
                                           -1, -1, 9,  10, 11, 12, 13, 14, 15, 16, -1, -1, -1, -1,
                                           -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

const RtcPadBits *rtc_pad(int pad) {
    for (const auto &r : kRtcPads)
        if (r.pad == pad) return &r;
    return nullptr;
}

bool exists(int pad) { return pad >= 0 && pad < kPadCount && kIoMuxOffset[pad] >= 0; }

uint64_t bit(int pad) { return uint64_t(1) << pad; }
}  // namespace

void Gpio::reset() {
    out_ = enable_ = 0;
    out_sel_.fill(kSigGpioOut);
    iomux_.fill(kFunDrvReset);
    pin_.fill(0);
    in_sel_.fill(0);
    rtcio_.fill(0);
    for (auto [reg, v] : kRtcDrvReset) rtcio_[reg / 4] = v;
    for (uint32_t i = 0; i < kTouchPads; i++) rtcio_[(kTouchPad0 + 4 * i) / 4] = kTouchDrvReset;
    hold_force_ = 0;
    dig_iso_ = kDigIsoReset;
    external_.fill(-1);
    held_.fill(Held{});
    status_ = 0;
    in_ = inputs();
    version_++;
}

int Gpio::pad_of_iomux_offset(uint32_t offset) {
    for (int pad = 0; pad < kPadCount; pad++)
        if (kIoMuxOffset[pad] == int(offset)) return pad;
    return -1;
}

uint32_t Gpio::iomux_read(uint32_t offset) const {
    int pad = pad_of_iomux_offset(offset);
    return pad < 0 ? 0 : iomux_[pad];
}

void Gpio::iomux_write(uint32_t offset, uint32_t value) {
    int pad = pad_of_iomux_offset(offset);
    if (pad < 0) return;
    iomux_[pad] = value;
    changed();
}

uint32_t Gpio::rtcio_read(uint32_t offset) const { return offset < kRtcIoSize ? rtcio_[offset / 4] : 0; }

void Gpio::rtcio_write(uint32_t offset, uint32_t value) {
    if (offset >= kRtcIoSize) return;
    rtcio_[offset / 4] = value;
    changed();
}

void Gpio::set_hold_force(uint32_t value) {
    hold_force_ = value & 0x3FFFF;
    changed();
}

void Gpio::set_dig_iso(uint32_t value) {
    dig_iso_ = value & ~(1u << 10);  // CLR_DG_PAD_AUTOHOLD is write-only
    changed();
}

void Gpio::set_external(int pad, int level) {
    if (!exists(pad)) return;
    const int8_t v = int8_t(level < 0 ? -1 : level ? 1 : 0);
    if (external_[pad] == v) return;
    external_[pad] = v;
    changed();
}

PadRoute Gpio::live_route(int pad) const {
    PadRoute r;
    if (!exists(pad)) return r;
    if (pad >= 34) return r;  // pads 34-39 have no output driver
    if (((iomux_[pad] & kMcuSelMask) >> kMcuSelShift) != kFuncGpio) return r;
    uint32_t cfg = out_sel_[pad];
    uint32_t sig = cfg & kOutSelMask;
    bool enabled = (enable_ >> pad) & 1u;
    if (sig >= kSigGpioOut) {
        if (!enabled) return r;
        bool level = (((out_ >> pad) & 1u) != 0) != ((cfg & kInvSel) != 0);
        if ((pin_[pad] & kPadDriver) && level) return r;  // open drain lets go for a 1
        r.kind = PadRoute::kLevel;
        r.level = level;
        return r;
    }
    // With oen_sel clear the peripheral drives the output enable; its outputs always do.
    if ((cfg & kOenSel) && !enabled) return r;
    r.kind = PadRoute::kSignal;
    r.signal = uint16_t(sig);
    r.invert = cfg & kInvSel;
    return r;
}

PadRoute Gpio::route(int pad) const {
    if (held(pad)) return held_[pad].route;
    return live_route(pad);
}

bool Gpio::live_pull(int pad, bool up) const {
    if (!exists(pad)) return false;
    if (const RtcPadBits *r = rtc_pad(pad)) {
        int b = up ? r->rue : r->rde;
        return b >= 0 && ((rtcio_[r->reg / 4] >> b) & 1u);
    }
    return iomux_[pad] & (up ? kFunWpu : kFunWpd);
}

bool Gpio::pulled_up(int pad) const {
    if (held(pad)) return held_[pad].up;
    return live_pull(pad, true);
}

bool Gpio::pulled_down(int pad) const {
    if (held(pad)) return held_[pad].down;
    return live_pull(pad, false);
}

bool Gpio::input_enabled(int pad) const { return exists(pad) && (iomux_[pad] & kFunIe); }

int Gpio::undriven_level(int pad) const {
    if (!exists(pad)) return -1;
    if (external_[pad] >= 0) return external_[pad];
    bool up = pulled_up(pad), down = pulled_down(pad);
    if (up != down) return up ? 1 : 0;
    return -1;
}

// The wire as the input buffer sees it. A pad the chip drives shows the chip's level (a
// peripheral signal's idle level: its bits are not tracked here); the chip wins over the
// outside.
bool Gpio::wire(int pad) const {
    PadRoute r = route(pad);
    if (r.kind == PadRoute::kLevel) return r.level;
    if (r.kind == PadRoute::kSignal) return r.invert;
    return undriven_level(pad) == 1;
}

Gpio::InputRoute Gpio::input_route(uint16_t signal) const {
    InputRoute r;
    if (signal >= in_sel_.size()) return r;
    const uint32_t cfg = in_sel_[signal];
    // SIG_IN_SEL clear: the signal comes through IO_MUX from its dedicated pad, which only
    // the SPI flash's and the IO_MUX-pin drivers use; upanel routes through the matrix.
    if (!(cfg & kSigInSel)) return r;
    r.invert = cfg & kInInvSel;
    const uint32_t pad = cfg & kInSelPadMask;
    if (pad == kInConstLow || pad == kInConstHigh) {
        r.kind = InputRoute::kConstant;
        r.level = pad == kInConstHigh;
        return r;
    }
    if (!exists(int(pad)) || !input_enabled(int(pad))) return r;
    r.kind = InputRoute::kPad;
    r.pad = int(pad);
    return r;
}

uint64_t Gpio::inputs() const {
    uint64_t in = 0;
    for (int pad = 0; pad < kPadCount; pad++)
        if (input_enabled(pad) && wire(pad)) in |= bit(pad);
    return in;
}

bool Gpio::hold_bit(int pad) const {
    if (const RtcPadBits *r = rtc_pad(pad))
        return ((rtcio_[r->reg / 4] >> r->hold) & 1u) || ((hold_force_ >> r->force) & 1u);
    if (dig_iso_ & kDgPadForceHold) return true;
    return kDigHoldBit[pad] >= 0 && ((rtcio_[kDigPadHold / 4] >> kDigHoldBit[pad]) & 1u);
}

void Gpio::changed() {
    version_++;
    for (int pad = 0; pad < kPadCount; pad++) {
        if (!exists(pad)) continue;
        bool on = hold_bit(pad);
        if (on == held_[pad].on) continue;
        if (on) {
            Held h;
            h.route = live_route(pad);
            if (h.route.kind == PadRoute::kSignal) {  // frozen at the signal's idle level
                h.route.kind = PadRoute::kLevel;
                h.route.level = h.route.invert;
            }
            h.up = live_pull(pad, true);
            h.down = live_pull(pad, false);
            h.on = true;
            held_[pad] = h;
        } else {
            held_[pad] = Held{};
        }
    }
    const uint64_t now = inputs(), rose = now & ~in_, fell = in_ & ~now;
    in_ = now;
    for (int pad = 0; pad < kPadCount; pad++) {
        switch ((pin_[pad] >> kIntTypeShift) & 7u) {
            case 1:
                status_ |= rose & bit(pad);
                break;
            case 2:
                status_ |= fell & bit(pad);
                break;
            case 3:
                status_ |= (rose | fell) & bit(pad);
                break;
            case 4:
                status_ |= ~now & bit(pad);
                break;
            case 5:
                status_ |= now & bit(pad);
                break;
            default:
                break;
        }
    }
}

uint64_t Gpio::status() const { return status_ & kAllPads; }

bool Gpio::irq(int cpu, bool nmi) const {
    // INT_ENA: bit 0 APP CPU, 1 APP CPU NMI, 2 PRO CPU, 3 PRO CPU NMI.
    const uint32_t ena = (cpu ? 0u : 2u) + (nmi ? 1u : 0u);
    for (int pad = 0; pad < kPadCount; pad++)
        if (((status_ >> pad) & 1u) && ((pin_[pad] >> (kIntEnaShift + ena)) & 1u)) return true;
    return false;
}

uint32_t Gpio::read(uint32_t offset) {
    switch (offset) {
        case kOut:
            return uint32_t(out_);
        case kOut1:
            return uint32_t(out_ >> 32) & 0xFF;
        case kEnable:
            return uint32_t(enable_);
        case kEnable1:
            return uint32_t(enable_ >> 32) & 0xFF;
        case kIn:
            return uint32_t(inputs());
        case kIn1:
            return uint32_t(inputs() >> 32) & 0xFF;
        case kStatus:
            return uint32_t(status());
        case kStatus1:
            return uint32_t(status() >> 32) & 0xFF;
        default:
            break;
    }
    // The CPUs' interrupt status: ACPU_INT, ACPU_NMI_INT, PCPU_INT, PCPU_NMI_INT, CPUSDIO_INT.
    for (uint32_t base : {kAcpuInt, kAcpuInt1}) {
        if (offset < base || offset >= base + 20) continue;
        const uint32_t ena = (offset - base) / 4;
        uint64_t v = 0;
        for (int pad = 0; pad < kPadCount; pad++)
            if ((pin_[pad] >> (kIntEnaShift + ena)) & 1u) v |= status() & bit(pad);
        return base == kAcpuInt ? uint32_t(v) : uint32_t(v >> 32) & 0xFF;
    }
    if (offset >= kPin0 && offset < kPin0 + 4 * kPadCount) return pin_[(offset - kPin0) / 4];
    if (offset >= kFuncInSel0 && offset < kFuncInSel0 + 4 * 256) return in_sel_[(offset - kFuncInSel0) / 4];
    if (offset >= kFuncOutSel0 && offset < kFuncOutSel0 + 4 * kPadCount)
        return out_sel_[(offset - kFuncOutSel0) / 4];
    return 0;
}

void Gpio::write(uint32_t offset, uint32_t value) {
    uint64_t lo = value, hi = uint64_t(value & 0xFF) << 32;
    switch (offset) {
        case kOut:
            out_ = (out_ & ~0xFFFFFFFFull) | lo;
            break;
        case kOutW1ts:
            out_ |= lo;
            break;
        case kOutW1tc:
            out_ &= ~lo;
            break;
        case kOut1:
            out_ = (out_ & 0xFFFFFFFFull) | hi;
            break;
        case kOut1W1ts:
            out_ |= hi;
            break;
        case kOut1W1tc:
            out_ &= ~hi;
            break;
        case kEnable:
            enable_ = (enable_ & ~0xFFFFFFFFull) | lo;
            break;
        case kEnableW1ts:
            enable_ |= lo;
            break;
        case kEnableW1tc:
            enable_ &= ~lo;
            break;
        case kEnable1:
            enable_ = (enable_ & 0xFFFFFFFFull) | hi;
            break;
        case kEnable1W1ts:
            enable_ |= hi;
            break;
        case kEnable1W1tc:
            enable_ &= ~hi;
            break;
        case kStatus:
            status_ = (status_ & ~0xFFFFFFFFull) | lo;
            break;
        case kStatusW1ts:
            status_ |= lo;
            break;
        case kStatusW1tc:
            status_ &= ~lo;
            break;
        case kStatus1:
            status_ = (status_ & 0xFFFFFFFFull) | hi;
            break;
        case kStatus1W1ts:
            status_ |= hi;
            break;
        case kStatus1W1tc:
            status_ &= ~hi;
            break;
        default:
            if (offset >= kPin0 && offset < kPin0 + 4 * kPadCount)
                pin_[(offset - kPin0) / 4] = value & kPinMask;
            else if (offset >= kFuncInSel0 && offset < kFuncInSel0 + 4 * 256)
                in_sel_[(offset - kFuncInSel0) / 4] = value & 0xFF;
            else if (offset >= kFuncOutSel0 && offset < kFuncOutSel0 + 4 * kPadCount)
                out_sel_[(offset - kFuncOutSel0) / 4] = value & 0xFFF;
            else return;
    }
    changed();
}

}  // namespace upanel::emu
