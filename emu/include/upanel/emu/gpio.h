// GPIO block and IO_MUX: which signal drives each pad. A pad follows the GPIO matrix only when
// its IO_MUX function is GPIO (MCU_SEL = 2); the matrix then selects a peripheral output
// signal or the GPIO_OUT bit (signal 256), optionally inverted. Inputs: a peripheral input
// signal reads the pad GPIO_FUNCn_IN_SEL_CFG names (SIG_IN_SEL set; pads 0x30 and 0x38 are
// constant low and high), optionally inverted, provided the pad's input is enabled (IO_MUX
// FUN_IE); what a pad's input sees is its GPIO_OUT bit while its output is enabled, else the
// level a device outside the chip drives on it (set_external), else low (pulls are not
// modelled).
#pragma once
#include <array>
#include <cstdint>

#include "upanel/emu/peripheral.h"

namespace upanel::emu {

constexpr int kPadCount = 40;

struct PadRoute {
    enum Kind : uint8_t { kFloating, kLevel, kSignal } kind = kFloating;
    bool level = false;      // kLevel: the GPIO_OUT bit
    uint16_t signal = 0;     // kSignal: GPIO matrix output signal index
    bool invert = false;     // kSignal: inv_sel
};

class Gpio : public Peripheral {
public:
    static constexpr uint32_t kBase = 0x3FF44000;
    static constexpr uint32_t kSize = 0x1000;
    static constexpr uint16_t kSigGpioOut = 256;

    Gpio() { reset(); }
    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;

    PadRoute route(int pad) const;

    // Where a peripheral input signal comes from: kNone (nothing: it reads low), a pad, or a
    // constant level.
    struct InputRoute {
        enum Kind : uint8_t { kNone, kPad, kConstant } kind = kNone;
        int pad = -1;
        bool level = false;   // kConstant
        bool invert = false;  // IN_INV_SEL
    };
    InputRoute input_route(uint16_t signal) const;
    // A device outside the chip drives the pad (driven) at level, or lets it go.
    void set_external(int pad, bool driven, bool level);
    // The level the pad's input buffer sees.
    bool pad_input(int pad) const;
    // Bumped on every change that can alter a route, so users can cache what they derive.
    uint64_t version() const { return version_; }

    // IO_MUX lives at its own base; the board forwards its accesses here.
    static constexpr uint32_t kIoMuxBase = 0x3FF49000;
    static constexpr uint32_t kIoMuxSize = 0x100;
    uint32_t iomux_read(uint32_t offset) const;
    void iomux_write(uint32_t offset, uint32_t value);
    static int pad_of_iomux_offset(uint32_t offset);

private:
    uint64_t out_ = 0, enable_ = 0;
    std::array<uint32_t, kPadCount> out_sel_{};
    std::array<uint32_t, kPadCount> iomux_{};
    std::array<uint32_t, 256> in_sel_{};
    uint64_t ext_driven_ = 0, ext_level_ = 0;
    uint64_t version_ = 1;
};

}  // namespace upanel::emu
