// A timer group (TIMG0 or TIMG1, TRM chapter 18): two 64-bit general-purpose timers counting
// the APB clock (80 MHz) through a 16-bit prescaler, each with an alarm that can reload the
// counter, and their level interrupts (sources 14/15 for TIMG0, 18/19 for TIMG1). The
// counter is latched into TxLO/TxHI by a write to TxUPDATE; TxLOAD loads TxLOADLO/HI; an
// alarm happens when the counter reaches TxALARMLO/HI while ALARM_EN is set, and clears
// ALARM_EN. Not modelled: the watchdog, the LACT timer, RTC calibration, edge interrupts.
#pragma once
#include <array>
#include <cstdint>

#include "upanel/emu/clock.h"
#include "upanel/emu/peripheral.h"

namespace upanel::emu {

class Timg : public Peripheral {
  public:
    static constexpr uint32_t kSize = 0x1000;

    Timg(int index, const Picos &now) : index_(index), now_(now) { reset(); }
    uint32_t base() const { return index_ ? 0x3FF60000 : 0x3FF5F000; }
    uint32_t dport_bit() const { return index_ ? 15 : 13; }  // DPORT_TIMERGROUP(1)_CLK_EN
    int irq_source(int timer) const { return (index_ ? 18 : 14) + timer; }
    // Timer x's level interrupt: its INT_ST bit, with LEVEL_INT_EN set.
    bool irq(int timer) const;

    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;

    // Runs the timers to t, stopping at the first alarm on the way; returns the time reached.
    Picos run(Picos t);
    // The next alarm's time, or kNever.
    Picos next_alarm() const;
    static constexpr Picos kNever = ~Picos(0);

  private:
    struct Timer {
        uint32_t config = 0;
        uint64_t count = 0;  // at `since`
        Picos since = 0;
        uint64_t alarm = 0, load = 0;
        uint32_t lo = 0, hi = 0;  // latched by TxUPDATE
    };
    Picos tick(const Timer &t) const;
    uint64_t count_at(const Timer &t, Picos when) const;
    void rebase(Timer &t);
    Picos alarm_time(const Timer &t) const;

    int index_;
    const Picos &now_;
    Picos time_ = 0;  // how far run() went
    std::array<Timer, 2> timers_{};
    uint32_t int_ena_ = 0, int_raw_ = 0;
};

}  // namespace upanel::emu
