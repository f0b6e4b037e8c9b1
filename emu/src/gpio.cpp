#include "upanel/emu/gpio.h"

namespace upanel::emu {

namespace {
constexpr uint32_t kOut = 0x04, kOutW1ts = 0x08, kOutW1tc = 0x0C;
constexpr uint32_t kOut1 = 0x10, kOut1W1ts = 0x14, kOut1W1tc = 0x18;
constexpr uint32_t kEnable = 0x20, kEnableW1ts = 0x24, kEnableW1tc = 0x28;
constexpr uint32_t kEnable1 = 0x2C, kEnable1W1ts = 0x30, kEnable1W1tc = 0x34;
constexpr uint32_t kIn = 0x3C, kIn1 = 0x40;
constexpr uint32_t kFuncOutSel0 = 0x530, kFuncInSel0 = 0x130;
constexpr uint32_t kInSelPadMask = 0x3F, kInInvSel = 1u << 6, kSigInSel = 1u << 7;
constexpr uint32_t kInConstLow = 0x30, kInConstHigh = 0x38;
constexpr uint32_t kFunIe = 1u << 9;

constexpr uint32_t kOutSelMask = 0x1FF, kInvSel = 1u << 9, kOenSel = 1u << 10;
constexpr uint32_t kMcuSelShift = 12, kMcuSelMask = 7u << kMcuSelShift, kFuncGpio = 2;

// IO_MUX register offset of each pad (the order is the chip's, not the pad numbers').
constexpr int16_t kIoMuxOffset[kPadCount] = {
    0x44, 0x88, 0x40, 0x84, 0x48, 0x6C, 0x60, 0x64, 0x68, 0x54, 0x58, 0x5C, 0x34, 0x38,
    0x30, 0x3C, 0x4C, 0x50, 0x70, 0x74, 0x78, 0x7C, 0x80, 0x8C, 0x90, 0x24, 0x28, 0x2C,
    -1,   -1,   -1,   -1,   0x1C, 0x20, 0x14, 0x18, 0x04, 0x08, 0x0C, 0x10};
}  // namespace

void Gpio::reset() {
    out_ = enable_ = 0;
    out_sel_.fill(kSigGpioOut);
    iomux_.fill(0);
    in_sel_.fill(0);
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
    version_++;
}

PadRoute Gpio::route(int pad) const {
    PadRoute r;
    if (pad < 0 || pad >= kPadCount || kIoMuxOffset[pad] < 0) return r;
    if (pad >= 34) return r;  // pads 34-39 have no output driver
    if (((iomux_[pad] & kMcuSelMask) >> kMcuSelShift) != kFuncGpio) return r;
    uint32_t cfg = out_sel_[pad];
    uint32_t sig = cfg & kOutSelMask;
    bool enabled = (enable_ >> pad) & 1u;
    if (sig >= kSigGpioOut) {
        if (!enabled) return r;
        r.kind = PadRoute::kLevel;
        r.level = (out_ >> pad) & 1u;
        return r;
    }
    // With oen_sel clear the peripheral drives the output enable; its outputs always do.
    if ((cfg & kOenSel) && !enabled) return r;
    r.kind = PadRoute::kSignal;
    r.signal = uint16_t(sig);
    r.invert = cfg & kInvSel;
    return r;
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
    if (pad >= uint32_t(kPadCount) || kIoMuxOffset[pad] < 0 || !(iomux_[pad] & kFunIe)) return r;
    r.kind = InputRoute::kPad;
    r.pad = int(pad);
    return r;
}

void Gpio::set_external(int pad, bool driven, bool level) {
    if (pad < 0 || pad >= kPadCount) return;
    const uint64_t bit = uint64_t(1) << pad;
    ext_driven_ = driven ? ext_driven_ | bit : ext_driven_ & ~bit;
    ext_level_ = level ? ext_level_ | bit : ext_level_ & ~bit;
}

bool Gpio::pad_input(int pad) const {
    if (pad < 0 || pad >= kPadCount) return false;
    // A pad with its output on reads its GPIO_OUT bit (what GPIO_IN always showed here);
    // one with its output off what the outside drives on it.
    if ((enable_ >> pad) & 1u) return (out_ >> pad) & 1u;
    return (ext_driven_ >> pad) & (ext_level_ >> pad) & 1u;
}

uint32_t Gpio::read(uint32_t offset) {
    switch (offset) {
        case kOut: return uint32_t(out_);
        case kOut1: return uint32_t(out_ >> 32) & 0xFF;
        case kEnable: return uint32_t(enable_);
        case kEnable1: return uint32_t(enable_ >> 32) & 0xFF;
        case kIn:
        case kIn1: {
            uint64_t in = 0;
            for (int pad = 0; pad < kPadCount; pad++) in |= uint64_t(pad_input(pad)) << pad;
            return offset == kIn ? uint32_t(in) : uint32_t(in >> 32) & 0xFF;
        }
        default: break;
    }
    if (offset >= kFuncOutSel0 && offset < kFuncOutSel0 + 4 * kPadCount)
        return out_sel_[(offset - kFuncOutSel0) / 4];
    if (offset >= kFuncInSel0 && offset < kFuncInSel0 + 4 * in_sel_.size())
        return in_sel_[(offset - kFuncInSel0) / 4];
    return 0;
}

void Gpio::write(uint32_t offset, uint32_t value) {
    uint64_t lo = value, hi = uint64_t(value & 0xFF) << 32;
    switch (offset) {
        case kOut: out_ = (out_ & ~0xFFFFFFFFull) | lo; break;
        case kOutW1ts: out_ |= lo; break;
        case kOutW1tc: out_ &= ~lo; break;
        case kOut1: out_ = (out_ & 0xFFFFFFFFull) | hi; break;
        case kOut1W1ts: out_ |= hi; break;
        case kOut1W1tc: out_ &= ~hi; break;
        case kEnable: enable_ = (enable_ & ~0xFFFFFFFFull) | lo; break;
        case kEnableW1ts: enable_ |= lo; break;
        case kEnableW1tc: enable_ &= ~lo; break;
        case kEnable1: enable_ = (enable_ & 0xFFFFFFFFull) | hi; break;
        case kEnable1W1ts: enable_ |= hi; break;
        case kEnable1W1tc: enable_ &= ~hi; break;
        default:
            if (offset >= kFuncOutSel0 && offset < kFuncOutSel0 + 4 * kPadCount)
                out_sel_[(offset - kFuncOutSel0) / 4] = value & 0xFFF;
            else if (offset >= kFuncInSel0 && offset < kFuncInSel0 + 4 * in_sel_.size())
                in_sel_[(offset - kFuncInSel0) / 4] = value & 0xFF;
            else
                return;
    }
    version_++;
}

}  // namespace upanel::emu
