// Pad routing: IO_MUX function select and the GPIO matrix output and input selection.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

constexpr uint32_t kGpioOutW1ts = kGpioBase + 0x08;
constexpr uint32_t kGpioOutW1tc = kGpioBase + 0x0C;
constexpr uint32_t kGpioEnableW1ts = kGpioBase + 0x24;
constexpr uint32_t kGpioEnableW1tc = kGpioBase + 0x28;
constexpr uint32_t kGpioIn = kGpioBase + 0x3C, kGpioIn1 = kGpioBase + 0x40;
constexpr uint32_t kGpioFuncOutSel0 = kGpioBase + 0x530;
constexpr uint32_t kFuncOutInvSel = 1u << 9;
constexpr uint32_t kIoMuxMcuSelShift = 12, kIoMuxMcuSelMask = 7u << 12, kIoMuxFuncGpio = 2;
constexpr uint32_t kIoMuxFunDrvShift = 10;
constexpr uint32_t kIoMuxFunIe = 1u << 9;  // the pad's input buffer on
constexpr uint32_t kGpioFuncInSel0 = kGpioBase + 0x130;  // GPIO_FUNCn_IN_SEL_CFG, n = signal
constexpr uint32_t kFuncInSigInSel = 1u << 7, kFuncInInvSel = 1u << 6;

// IO_MUX register offset of each pad; 0 for pads without one.
constexpr uint16_t kIoMuxOffset[kPadCount] = {
    0x44, 0x88, 0x40, 0x84, 0x48, 0x6C, 0x60, 0x64, 0x68, 0x54, 0x58, 0x5C, 0x34, 0x38,
    0x30, 0x3C, 0x4C, 0x50, 0x70, 0x74, 0x78, 0x7C, 0x80, 0x8C, 0x90, 0x24, 0x28, 0x2C,
    0,    0,    0,    0,    0x1C, 0x20, 0x14, 0x18, 0x04, 0x08, 0x0C, 0x10};

// Gives the pad to the GPIO matrix (function 2) with drive strength 3.
inline void iomux_select_gpio(int pad) {
    uint32_t addr = kIoMuxBase + kIoMuxOffset[pad];
    uint32_t v = reg_read(addr) & ~(kIoMuxMcuSelMask | (3u << kIoMuxFunDrvShift));
    reg_write(addr, v | (kIoMuxFuncGpio << kIoMuxMcuSelShift) | (3u << kIoMuxFunDrvShift));
}

inline void gpio_enable_output(int pad) {
    if (pad < 32) reg_write(kGpioEnableW1ts, 1u << pad);
    else reg_write(kGpioEnableW1ts + 0x0C, 1u << (pad - 32));
}

inline void gpio_disable_output(int pad) {
    if (pad < 32) reg_write(kGpioEnableW1tc, 1u << pad);
    else reg_write(kGpioEnableW1tc + 0x0C, 1u << (pad - 32));
}

inline void gpio_set_level(int pad, bool high) {
    uint32_t base = high ? kGpioOutW1ts : kGpioOutW1tc;
    if (pad < 32) reg_write(base, 1u << pad);
    else reg_write(base + 0x0C, 1u << (pad - 32));
}

// The level the pad's input sees (GPIO_IN, GPIO_IN1).
inline bool gpio_get_input_level(int pad) {
    if (pad < 32) return (reg_read(kGpioIn) >> pad) & 1u;
    return (reg_read(kGpioIn1) >> (pad - 32)) & 1u;
}

// Routes a peripheral output signal to a pad through the GPIO matrix.
inline void gpio_matrix_out(int pad, uint16_t signal, bool invert) {
    iomux_select_gpio(pad);
    gpio_enable_output(pad);
    reg_write(kGpioFuncOutSel0 + 4u * uint32_t(pad), signal | (invert ? kFuncOutInvSel : 0));
}

// Routes a pad to a peripheral input signal through the GPIO matrix, the pad's input on.
inline void gpio_matrix_in(int pad, uint16_t signal, bool invert) {
    const uint32_t addr = kIoMuxBase + kIoMuxOffset[pad];
    reg_write(addr, reg_read(addr) | kIoMuxFunIe);
    reg_write(kGpioFuncInSel0 + 4u * signal, uint32_t(pad) | kFuncInSigInSel | (invert ? kFuncInInvSel : 0));
}

// Drives a pad as a plain GPIO output at a fixed level.
inline void gpio_output(int pad, bool high) {
    gpio_set_level(pad, high);
    gpio_matrix_out(pad, kSigGpioOut, false);
}

}  // namespace upanel::ll
