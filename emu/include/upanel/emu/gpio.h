// GPIO block, IO_MUX and the pad side of RTC_IO: which signal drives each pad, the level each
// pad's wire has, the inputs the CPU reads and the GPIO interrupts.
//
// Output: a pad follows the GPIO matrix only when its IO_MUX function is GPIO (MCU_SEL = 2);
// the matrix then selects a peripheral output signal or the GPIO_OUT bit (signal 256),
// optionally inverted; with open drain (GPIO_PINn_REG PAD_DRIVER) a 1 lets the pad go.
// The wire: what the chip drives; else what the outside drives (set_external: a button, a
// device's output); else the pad's pull resistor (IO_MUX FUN_WPU/FUN_WPD, or on the 18 pads
// with an RTC function the RTC_IO RUE/RDE bits: the IO_MUX ones do nothing there); else it
// floats and reads 0. Input: GPIO_IN shows the wire of pads whose input is enabled (IO_MUX
// FUN_IE), 0 for the others. Hold (RTC_IO_DIG_PAD_HOLD, the RTC pads' hold bits and
// RTC_CNTL_HOLD_FORCE) freezes what a pad drives and its pulls as they were.
// Interrupts: each pad's INT_TYPE (GPIO_PINn_REG) sets its GPIO_STATUS bit on a rising,
// falling or any edge of its input, or keeps it set while the input is low or high; the CPU
// interrupt lines are GPIO_STATUS masked by the pads' INT_ENA bits (GPIO_PCPU_INT ...).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

#include "upanel/emu/peripheral.h"

namespace upanel::emu {

constexpr int kPadCount = 40;

struct PadRoute {
    enum Kind : uint8_t { kFloating, kLevel, kSignal } kind = kFloating;
    bool level = false;   // kLevel: the GPIO_OUT bit
    uint16_t signal = 0;  // kSignal: GPIO matrix output signal index
    bool invert = false;  // kSignal: inv_sel
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

    // What the chip drives onto the pad (as frozen while the pad is held).
    PadRoute route(int pad) const;
    // Bumped on every change that can alter a route or a level, so users can cache what they
    // derive.
    uint64_t version() const { return version_; }

    // The wire's level when the chip does not drive it: the outside's, else the pull's;
    // -1 when it floats (no pull, or both).
    int undriven_level(int pad) const;
    bool pulled_up(int pad) const;
    bool pulled_down(int pad) const;
    bool input_enabled(int pad) const;
    bool held(int pad) const { return pad >= 0 && pad < kPadCount && held_[pad].on; }
    // Drives the pad from outside the chip at level 0 or 1; -1 lets it go.
    void set_external(int pad, int level);
    int external(int pad) const { return pad >= 0 && pad < kPadCount ? external_[pad] : -1; }
    // GPIO_IN and GPIO_IN1 as one 40-bit value.
    uint64_t inputs() const;
    // A GPIO interrupt line: the PRO (cpu 0) or APP CPU's, its interrupt or its NMI.
    bool irq(int cpu, bool nmi) const;
    // The matrix's setting for input signal m (GPIO_FUNCm_IN_SEL_CFG_REG).
    uint32_t in_sel(int signal) const { return in_sel_[std::size_t(signal) & 0xFF]; }
    // Where a peripheral input signal comes from: kNone (nothing: it reads low), a pad whose
    // input is enabled (SIG_IN_SEL set), or a constant level (pads 0x30 and 0x38).
    struct InputRoute {
        enum Kind : uint8_t { kNone, kPad, kConstant } kind = kNone;
        int pad = -1;
        bool level = false;   // kConstant
        bool invert = false;  // IN_INV_SEL
    };
    InputRoute input_route(uint16_t signal) const;
    // The wire's level as the pad's input buffer sees it (whether or not its input is enabled).
    bool wire(int pad) const;

    // IO_MUX lives at its own base; the board forwards its accesses here.
    static constexpr uint32_t kIoMuxBase = 0x3FF49000;
    static constexpr uint32_t kIoMuxSize = 0x100;
    uint32_t iomux_read(uint32_t offset) const;
    void iomux_write(uint32_t offset, uint32_t value);
    static int pad_of_iomux_offset(uint32_t offset);

    // RTC_IO and the one RTC_CNTL register about pads (RTC_CNTL_HOLD_FORCE_REG), forwarded by
    // the board too. RTC_IO's RTC GPIO function (MUX_SEL, RTC_GPIO_OUT ...) is kept, not
    // modelled: the pads stay digital.
    static constexpr uint32_t kRtcIoBase = 0x3FF48400;
    static constexpr uint32_t kRtcIoSize = 0xCC;
    static constexpr uint32_t kRtcCntlHoldForce = 0x3FF480C8;
    // RTC_CNTL_DIG_ISO_REG: DG_PAD_FORCE_HOLD (bit 15) holds every digital pad; the deep-sleep
    // bits (DG_PAD_AUTOHOLD_EN...) are kept: there is no deep sleep.
    static constexpr uint32_t kRtcCntlDigIso = 0x3FF48088;
    uint32_t rtcio_read(uint32_t offset) const;
    void rtcio_write(uint32_t offset, uint32_t value);
    uint32_t hold_force() const { return hold_force_; }
    void set_hold_force(uint32_t value);
    uint32_t dig_iso() const { return dig_iso_; }
    void set_dig_iso(uint32_t value);

  private:
    struct Held {
        bool on = false;
        PadRoute route;
        bool up = false, down = false;
    };
    PadRoute live_route(int pad) const;
    bool live_pull(int pad, bool up) const;
    bool hold_bit(int pad) const;
    uint64_t status() const;
    // After any change: holds taken or released, then the interrupt detectors see the inputs.
    void changed();

    uint64_t out_ = 0, enable_ = 0;
    std::array<uint32_t, kPadCount> out_sel_{};
    std::array<uint32_t, kPadCount> iomux_{};
    std::array<uint32_t, kPadCount> pin_{};
    std::array<uint32_t, 256> in_sel_{};
    std::array<uint32_t, kRtcIoSize / 4> rtcio_{};
    uint32_t hold_force_ = 0, dig_iso_ = 0;
    std::array<int8_t, kPadCount> external_{};
    std::array<Held, kPadCount> held_{};
    uint64_t in_ = 0;      // the inputs as the interrupt detectors last saw them
    uint64_t status_ = 0;  // edge-triggered GPIO_STATUS bits (level ones are computed)
    uint64_t version_ = 1;
};

}  // namespace upanel::emu
