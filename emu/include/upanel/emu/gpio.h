// GPIO block and IO_MUX: which signal drives each pad. A pad follows the GPIO matrix only when
// its IO_MUX function is GPIO (MCU_SEL = 2); the matrix then selects a peripheral output
// signal or the GPIO_OUT bit (signal 256), optionally inverted.
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
    uint64_t version_ = 1;
};

}  // namespace upanel::emu
