// Pads: IO_MUX function select, input enable, pulls and drive strength, the GPIO matrix
// (outputs and inputs), the GPIO block's levels and interrupts (GPIO_PINn_REG, GPIO_STATUS),
// and the RTC_IO registers that hold the pull resistors, drive strength and hold of the 18
// pads with an RTC function (TRM chapter 4; ESP-IDF's gpio_ll.h, rtc_io_periph.c).
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kGpioOutW1ts = kGpioBase + 0x08;
constexpr uint32_t kGpioOutW1tc = kGpioBase + 0x0C;
constexpr uint32_t kGpioEnableW1ts = kGpioBase + 0x24;
constexpr uint32_t kGpioEnableW1tc = kGpioBase + 0x28;
constexpr uint32_t kGpioOut = kGpioBase + 0x04, kGpioOut1 = kGpioBase + 0x10;
constexpr uint32_t kGpioEnable = kGpioBase + 0x20, kGpioEnable1 = kGpioBase + 0x2C;
constexpr uint32_t kGpioIn = kGpioBase + 0x3C, kGpioIn1 = kGpioBase + 0x40;
constexpr uint32_t kGpioStatus = kGpioBase + 0x44, kGpioStatusW1ts = kGpioBase + 0x48;
constexpr uint32_t kGpioStatusW1tc = kGpioBase + 0x4C, kGpioStatus1 = kGpioBase + 0x50;
constexpr uint32_t kGpioStatus1W1ts = kGpioBase + 0x54, kGpioStatus1W1tc = kGpioBase + 0x58;
// Interrupt status as each CPU sees it: GPIO_STATUS masked by the pads' INT_ENA bits.
constexpr uint32_t kGpioAcpuInt = kGpioBase + 0x60, kGpioAcpuNmiInt = kGpioBase + 0x64;
constexpr uint32_t kGpioPcpuInt = kGpioBase + 0x68, kGpioPcpuNmiInt = kGpioBase + 0x6C;
constexpr uint32_t kGpioAcpuInt1 = kGpioBase + 0x74, kGpioAcpuNmiInt1 = kGpioBase + 0x78;
constexpr uint32_t kGpioPcpuInt1 = kGpioBase + 0x7C, kGpioPcpuNmiInt1 = kGpioBase + 0x80;
constexpr uint32_t kGpioPin0 = kGpioBase + 0x88;         // GPIO_PINn_REG at + 4n
constexpr uint32_t kGpioFuncInSel0 = kGpioBase + 0x130;  // GPIO_FUNCm_IN_SEL_CFG_REG at + 4m
constexpr uint32_t kGpioFuncOutSel0 = kGpioBase + 0x530;
constexpr uint32_t kFuncOutInvSel = 1u << 9, kFuncOutOenSel = 1u << 10, kFuncOutOenInvSel = 1u << 11;
// GPIO_FUNCm_IN_SEL_CFG_REG: the pad (0..39, or a constant) input signal m comes from,
// inverted or not, through the matrix (SIG_IN_SEL = 1) or straight from the IO_MUX (0).
constexpr uint32_t kFuncInSelMask = 0x3F, kFuncInInvSel = 1u << 6, kFuncInSigInSel = 1u << 7;
constexpr uint32_t kFuncInConstLow = 0x30, kFuncInConstHigh = 0x38;  // GPIO_FUNC_IN_LOW/HIGH
constexpr int kInputSignalCount = 256;
// GPIO_PINn_REG fields.
constexpr uint32_t kPinPadDriver = 1u << 2;  // open drain
constexpr uint32_t kPinIntTypeShift = 7, kPinIntTypeMask = 7u << 7;
constexpr uint32_t kPinWakeupEnable = 1u << 10;
constexpr uint32_t kPinIntEnaShift = 13, kPinIntEnaMask = 0x1Fu << 13;
// INT_ENA bits: which CPU's interrupt (or NMI) the pad raises.
constexpr uint32_t kIntEnaAppCpu = 1, kIntEnaAppCpuNmi = 2, kIntEnaProCpu = 4, kIntEnaProCpuNmi = 8;
constexpr uint32_t kIntEnaSdio = 16;
// IO_MUX_x_REG fields.
constexpr uint32_t kIoMuxMcuSelShift = 12, kIoMuxMcuSelMask = 7u << 12, kIoMuxFuncGpio = 2;
constexpr uint32_t kIoMuxFunDrvShift = 10, kIoMuxFunDrvMask = 3u << 10;
constexpr uint32_t kIoMuxFunIe = 1u << 9, kIoMuxFunWpu = 1u << 8, kIoMuxFunWpd = 1u << 7;

// IO_MUX register offset of each pad; 0 for pads without one.
constexpr uint16_t kIoMuxOffset[kPadCount] = {0x44, 0x88, 0x40, 0x84, 0x48, 0x6C, 0x60, 0x64, 0x68, 0x54,
                                              0x58, 0x5C, 0x34, 0x38, 0x30, 0x3C, 0x4C, 0x50, 0x70, 0x74,
                                              0x78, 0x7C, 0x80, 0x8C, 0x90, 0x24, 0x28, 0x2C, 0,    0,
                                              0,    0,    0x1C, 0x20, 0x14, 0x18, 0x04, 0x08, 0x0C, 0x10};

inline uint32_t iomux_reg(int pad) { return kIoMuxBase + kIoMuxOffset[pad]; }

// Gives the pad to the GPIO matrix (function 2) with drive strength 3.
inline void iomux_select_gpio(int pad) {
    uint32_t addr = kIoMuxBase + kIoMuxOffset[pad];
    uint32_t v = reg_read(addr) & ~(kIoMuxMcuSelMask | (3u << kIoMuxFunDrvShift));
    reg_write(addr, v | (kIoMuxFuncGpio << kIoMuxMcuSelShift) | (3u << kIoMuxFunDrvShift));
}

// Pads 32..39: the same GPIO_OUT/ENABLE set and clear registers, 0x0C further on.
constexpr uint32_t kGpioHighBank = 0x0C;

// GPIO_OUT and GPIO_ENABLE of a bank of pads (0: pads 0..31, 1: 32..39) set and cleared by
// mask, in that order (the ROM's gpio_output_set and gpio_output_set_high).
inline void gpio_bank_set_clear(int bank, uint32_t out_set, uint32_t out_clear, uint32_t enable_set,
                                uint32_t enable_clear) {
    const uint32_t off = bank ? kGpioHighBank : 0, mask = bank ? 0xFFu : ~0u;
    reg_write(kGpioOutW1ts + off, out_set & mask);
    reg_write(kGpioOutW1tc + off, out_clear & mask);
    reg_write(kGpioEnableW1ts + off, enable_set & mask);
    reg_write(kGpioEnableW1tc + off, enable_clear & mask);
}

inline void gpio_enable_output(int pad) {
    if (pad < 32) reg_write(kGpioEnableW1ts, 1u << pad);
    else reg_write(kGpioEnableW1ts + kGpioHighBank, 1u << (pad - 32));
}

inline void gpio_disable_output(int pad) {
    if (pad < 32) reg_write(kGpioEnableW1tc, 1u << pad);
    else reg_write(kGpioEnableW1tc + kGpioHighBank, 1u << (pad - 32));
}

inline void gpio_set_level(int pad, bool high) {
    uint32_t base = high ? kGpioOutW1ts : kGpioOutW1tc;
    if (pad < 32) reg_write(base, 1u << pad);
    else reg_write(base + kGpioHighBank, 1u << (pad - 32));
}

// The levels a bank's inputs see (0: GPIO_IN, pads 0..31; 1: GPIO_IN1, pads 32..39) and
// its raw interrupt status (GPIO_STATUS, GPIO_STATUS1).
inline uint32_t gpio_bank_input(int bank) { return bank ? reg_read(kGpioIn1) & 0xFFu : reg_read(kGpioIn); }
inline uint32_t gpio_bank_intr_status(int bank) {
    return bank ? reg_read(kGpioStatus1) & 0xFFu : reg_read(kGpioStatus);
}

// The level the pad's input sees (GPIO_IN, GPIO_IN1).
inline bool gpio_get_input_level(int pad) {
    if (pad < 32) return (reg_read(kGpioIn) >> pad) & 1u;
    return (reg_read(kGpioIn1) >> (pad - 32)) & 1u;
}

// The pad's IO_MUX function (MCU_SEL), its other fields kept (ESP-IDF's PIN_FUNC_SELECT).
inline void iomux_func_sel(int pad, uint32_t func) {
    uint32_t addr = iomux_reg(pad);
    reg_write(addr, (reg_read(addr) & ~kIoMuxMcuSelMask) | ((func << kIoMuxMcuSelShift) & kIoMuxMcuSelMask));
}

// The pad's IO_MUX function (MCU_SEL).
inline uint32_t iomux_func(int pad) {
    return (reg_read(iomux_reg(pad)) & kIoMuxMcuSelMask) >> kIoMuxMcuSelShift;
}

inline void iomux_input_enable(int pad, bool on) {
    if (on) reg_set_bits(iomux_reg(pad), kIoMuxFunIe);
    else reg_clear_bits(iomux_reg(pad), kIoMuxFunIe);
}

inline uint32_t gpio_pin_reg(int pad) { return kGpioPin0 + 4u * uint32_t(pad); }
inline uint32_t gpio_func_out_reg(int pad) { return kGpioFuncOutSel0 + 4u * uint32_t(pad); }

// Open drain (PAD_DRIVER = 1): the pad drives low for a 0 and lets go for a 1.
inline void gpio_open_drain(int pad, bool on) {
    if (on) reg_set_bits(gpio_pin_reg(pad), kPinPadDriver);
    else reg_clear_bits(gpio_pin_reg(pad), kPinPadDriver);
}

// GPIO_PINn_REG's INT_TYPE: 0 none, 1 rising edge, 2 falling, 3 any edge, 4 low level, 5 high.
inline void gpio_set_intr_type(int pad, uint32_t type) {
    uint32_t a = gpio_pin_reg(pad);
    reg_write(a, (reg_read(a) & ~kPinIntTypeMask) | ((type << kPinIntTypeShift) & kPinIntTypeMask));
}

inline uint32_t gpio_intr_type(int pad) {
    return (reg_read(gpio_pin_reg(pad)) & kPinIntTypeMask) >> kPinIntTypeShift;
}

// GPIO_PINn_REG's INT_ENA (kIntEna* bits); 0 disables the pad's interrupt.
inline void gpio_set_intr_enable(int pad, uint32_t ena) {
    uint32_t a = gpio_pin_reg(pad);
    reg_write(a, (reg_read(a) & ~kPinIntEnaMask) | ((ena << kPinIntEnaShift) & kPinIntEnaMask));
}

inline void gpio_set_wakeup(int pad, bool on) {
    if (on) reg_set_bits(gpio_pin_reg(pad), kPinWakeupEnable);
    else reg_clear_bits(gpio_pin_reg(pad), kPinWakeupEnable);
}

// The pads whose interrupt a CPU has pending: 0..31 (GPIO_PCPU_INT / GPIO_ACPU_INT), and
// 32..39 as bits 0..7 (the INT1 registers).
inline uint32_t gpio_intr_status(int cpu) { return reg_read(cpu ? kGpioAcpuInt : kGpioPcpuInt); }
inline uint32_t gpio_intr_status_high(int cpu) {
    return reg_read(cpu ? kGpioAcpuInt1 : kGpioPcpuInt1) & 0xFFu;
}
inline void gpio_clear_intr_status(uint32_t mask) { reg_write(kGpioStatusW1tc, mask); }
inline void gpio_clear_intr_status_high(uint32_t mask) { reg_write(kGpioStatus1W1tc, mask & 0xFFu); }

// Routes input signal `signal` from a pad (or kFuncInConstLow/High) through the GPIO matrix.
inline void gpio_matrix_in(uint32_t pad_or_const, uint32_t signal, bool invert) {
    reg_write(kGpioFuncInSel0 + 4u * signal,
              (pad_or_const & kFuncInSelMask) | (invert ? kFuncInInvSel : 0) | kFuncInSigInSel);
}

// Input signal `signal` straight from its IO_MUX pad, bypassing the matrix.
inline void gpio_iomux_in(uint32_t signal) { reg_clear_bits(kGpioFuncInSel0 + 4u * signal, kFuncInSigInSel); }

// Routes a peripheral output signal to a pad through the GPIO matrix.
inline void gpio_matrix_out(int pad, uint16_t signal, bool invert) {
    iomux_select_gpio(pad);
    gpio_enable_output(pad);
    reg_write(gpio_func_out_reg(pad), signal | (invert ? kFuncOutInvSel : 0));
}

// Routes a pad to a peripheral input signal through the GPIO matrix, the pad's input on.
inline void gpio_route_input(int pad, uint16_t signal, bool invert) {
    iomux_input_enable(pad, true);
    gpio_matrix_in(uint32_t(pad), signal, invert);
}

// Routes output signal `signal` to the pad with the ROM's gpio_matrix_out settings: the pad's
// output enabled, OEN_SEL clear (the output enable comes with the signal; for
// kSigGpioOut it is GPIO_ENABLE), inverted data and inverted enable as asked. The IO_MUX
// function is left as it is (ESP-IDF code selects GPIO first).
inline void gpio_matrix_out_rom(int pad, uint32_t signal, bool out_inv, bool oen_inv) {
    reg_write(gpio_func_out_reg(pad),
              (signal & 0x1FF) | (out_inv ? kFuncOutInvSel : 0) | (oen_inv ? kFuncOutOenInvSel : 0));
    gpio_enable_output(pad);
}

// The output signal the GPIO matrix routes to the pad (kSigGpioOut: its GPIO_OUT bit).
inline uint32_t gpio_output_signal(int pad) { return reg_read(gpio_func_out_reg(pad)) & 0x1FFu; }

// No peripheral's signal on the pad any more: its GPIO_OUT bit and GPIO_ENABLE drive it
// (what ESP-IDF does when it frees a pad), the rest of the pad as it is.
inline void gpio_detach_output(int pad) { reg_write(gpio_func_out_reg(pad), kSigGpioOut); }

// OEN_SEL clear (the output enable comes with the routed signal), inverted or not; the
// signal itself kept (the ROM's gpio_iomux_out).
inline void gpio_set_output_enable_from_signal(int pad, bool inverted) {
    const uint32_t r = gpio_func_out_reg(pad);
    reg_write(r, (reg_read(r) & ~(kFuncOutOenSel | kFuncOutOenInvSel)) | (inverted ? kFuncOutOenInvSel : 0));
}

// The pads with an RTC function (RTC_IO, TRM 4.11): their pull resistors, drive strength and
// hold are RTC_IO register bits, not IO_MUX ones (the IO_MUX's FUN_WPU/FUN_WPD/FUN_DRV do
// nothing on these pads). 0xFF: the pad has no such bit (34..39 have no pulls and no driver).
struct RtcPad {
    int8_t channel;      // RTC GPIO number, -1 for a digital-only pad
    uint8_t reg;         // RTC_IO register offset of its pad configuration
    uint8_t rue, rde;    // pull-up, pull-down enable bits
    uint8_t drv;         // lowest bit of the 2-bit drive strength
    uint8_t hold;        // the pad's hold bit in that register
    uint8_t hold_force;  // its bit in RTC_CNTL_HOLD_FORCE_REG
};

constexpr uint8_t kNoBit = 0xFF;
constexpr uint32_t kRtcIoDigPadHold = kRtcIoBase + 0x74;  // RTC_IO_DIG_PAD_HOLD_REG
constexpr uint32_t kRtcCntlHoldForce = kRtcCntlBase + 0xC8;
constexpr uint32_t kRtcCntlDigIso = kRtcCntlBase + 0x88;
constexpr uint32_t kDigIsoPadAutoholdEn = 1u << 11;  // RTC_CNTL_DG_PAD_AUTOHOLD_EN
// Digital pads hold their state through deep sleep (gpio_deep_sleep_hold_en), or not.
inline void gpio_deep_sleep_autohold(bool on) {
    if (on) reg_set_bits(kRtcCntlDigIso, kDigIsoPadAutoholdEn);
    else reg_clear_bits(kRtcCntlDigIso, kDigIsoPadAutoholdEn);
}

namespace detail {
constexpr RtcPad kDigital = {-1, 0, kNoBit, kNoBit, kNoBit, kNoBit, kNoBit};
constexpr RtcPad touch(int8_t ch, int n) {  // RTC_IO_TOUCH_PADn_REG
    return {ch, uint8_t(0x94 + 4 * n), 27, 28, 29, 31, uint8_t(8 + n)};
}
}  // namespace detail

constexpr RtcPad kRtcPad[kPadCount] = {
    detail::touch(11, 1),
    detail::kDigital,
    detail::touch(12, 2),
    detail::kDigital,  // 0..3
    detail::touch(10, 0),
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,  // 4..7
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,  // 8..11
    detail::touch(15, 5),
    detail::touch(14, 4),
    detail::touch(16, 6),
    detail::touch(13, 3),
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,  // 16..19
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,  // 20..23
    detail::kDigital,
    {6, 0x84, 27, 28, 30, 29, 2},  // 25: RTC_IO_PAD_DAC1_REG
    {7, 0x88, 27, 28, 30, 29, 3},  // 26: RTC_IO_PAD_DAC2_REG
    detail::touch(17, 7),
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,
    detail::kDigital,                          // 28..31
    {9, 0x8C, 22, 23, 25, 24, 16},             // 32: RTC_IO_XTAL_32K_PAD_REG, X32P
    {8, 0x8C, 27, 28, 30, 29, 17},             // 33: X32N
    {4, 0x80, kNoBit, kNoBit, kNoBit, 31, 0},  // 34: RTC_IO_ADC_PAD_REG, ADC1
    {5, 0x80, kNoBit, kNoBit, kNoBit, 30, 1},  // 35: ADC2
    {0, 0x7C, kNoBit, kNoBit, kNoBit, 31, 4},  // 36..39: RTC_IO_SENSOR_PADS_REG, SENSE1..4
    {1, 0x7C, kNoBit, kNoBit, kNoBit, 30, 5},
    {2, 0x7C, kNoBit, kNoBit, kNoBit, 29, 6},
    {3, 0x7C, kNoBit, kNoBit, kNoBit, 28, 7},
};

// The digital pads' bits in RTC_IO_DIG_PAD_HOLD_REG (ESP-IDF's GPIO_HOLD_MASK); 0: no hold.
constexpr uint32_t kDigPadHoldMask[kPadCount] = {
    0,       1u << 1,  0,        1u << 0,  0, 1u << 8, 1u << 2, 1u << 3,  1u << 4,  1u << 5,
    1u << 6, 1u << 7,  0,        0,        0, 0,       1u << 9, 1u << 10, 1u << 11, 1u << 12,
    0,       1u << 14, 1u << 15, 1u << 16, 0, 0,       0,       0,        0,        0,
    0,       0,        0,        0,        0, 0,       0,       0,        0,        0};

// RTC_GPIO_PINn_REG (n: the RTC GPIO number): WAKEUP_ENABLE and INT_TYPE as in GPIO_PINn_REG,
// for wake-up from light sleep through the RTC domain.
inline uint32_t rtcio_pin_reg(int channel) { return kRtcIoBase + 0x28 + 4u * uint32_t(channel); }

// Wake-up from light sleep through the RTC domain at a level (type: GPIO_INTR_LOW_LEVEL 4 or
// HIGH_LEVEL 5), or off (ESP-IDF's rtc_gpio_wakeup_enable/disable).
inline void rtcio_set_wakeup(int channel, bool on, uint32_t type = 0) {
    const uint32_t r = rtcio_pin_reg(channel);
    const uint32_t v = reg_read(r) & ~(kPinIntTypeMask | kPinWakeupEnable);
    reg_write(r, on ? v | kPinWakeupEnable | ((type << kPinIntTypeShift) & kPinIntTypeMask) : v);
}

constexpr bool pad_is_rtc(int pad) { return pad >= 0 && pad < kPadCount && kRtcPad[pad].channel >= 0; }

inline void bit_set(uint32_t addr, uint8_t bit, bool on) {
    if (bit == kNoBit) return;
    if (on) reg_set_bits(addr, 1u << bit);
    else reg_clear_bits(addr, 1u << bit);
}

// Pull resistors: RTC_IO's RUE/RDE on RTC pads, IO_MUX's FUN_WPU/FUN_WPD elsewhere.
inline void pad_pullup(int pad, bool on) {
    if (pad_is_rtc(pad)) bit_set(kRtcIoBase + kRtcPad[pad].reg, kRtcPad[pad].rue, on);
    else if (on) reg_set_bits(iomux_reg(pad), kIoMuxFunWpu);
    else reg_clear_bits(iomux_reg(pad), kIoMuxFunWpu);
}

inline void pad_pulldown(int pad, bool on) {
    if (pad_is_rtc(pad)) bit_set(kRtcIoBase + kRtcPad[pad].reg, kRtcPad[pad].rde, on);
    else if (on) reg_set_bits(iomux_reg(pad), kIoMuxFunWpd);
    else reg_clear_bits(iomux_reg(pad), kIoMuxFunWpd);
}

// Drive strength 0..3 (about 5, 10, 20, 40 mA).
inline void pad_set_drive(int pad, uint32_t strength) {
    if (pad_is_rtc(pad)) {
        const RtcPad &r = kRtcPad[pad];
        if (r.drv == kNoBit) return;
        uint32_t a = kRtcIoBase + r.reg;
        reg_write(a, (reg_read(a) & ~(3u << r.drv)) | ((strength & 3u) << r.drv));
        return;
    }
    uint32_t a = iomux_reg(pad);
    reg_write(a, (reg_read(a) & ~kIoMuxFunDrvMask) | ((strength & 3u) << kIoMuxFunDrvShift));
}

inline uint32_t pad_drive(int pad) {
    if (pad_is_rtc(pad)) {
        const RtcPad &r = kRtcPad[pad];
        return r.drv == kNoBit ? 0 : (reg_read(kRtcIoBase + r.reg) >> r.drv) & 3u;
    }
    return (reg_read(iomux_reg(pad)) & kIoMuxFunDrvMask) >> kIoMuxFunDrvShift;
}

// Hold: the pad keeps its state (output enable and level, pulls, function) whatever its
// registers say until released. RTC pads: the pad's hold bit and RTC_CNTL's force-hold bit
// (ESP-IDF's rtcio_ll_force_hold_enable sets both); digital pads: RTC_IO_DIG_PAD_HOLD.
// Returns false for a pad that has no hold.
inline bool pad_hold(int pad, bool on) {
    if (pad_is_rtc(pad)) {
        bit_set(kRtcCntlHoldForce, kRtcPad[pad].hold_force, on);
        bit_set(kRtcIoBase + kRtcPad[pad].reg, kRtcPad[pad].hold, on);
        return true;
    }
    if (!kDigPadHoldMask[pad]) return false;
    if (on) reg_set_bits(kRtcIoDigPadHold, kDigPadHoldMask[pad]);
    else reg_clear_bits(kRtcIoDigPadHold, kDigPadHoldMask[pad]);
    return true;
}

// Drives a pad as a plain GPIO output at a fixed level.
inline void gpio_output(int pad, bool high) {
    gpio_set_level(pad, high);
    gpio_matrix_out(pad, kSigGpioOut, false);
}

}  // namespace upanel::ll
