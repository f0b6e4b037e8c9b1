// The RTC timer and retention registers of RTC_CNTL (TRM chapter 31): a 48-bit counter of
// RTC_SLOW_CLK cycles, here the internal RC at exactly 150 kHz from power-on (emulated time
// 0), latched into TIME0/TIME1 by a write of TIME_UPDATE (bit 31), which sets TIME_VALID
// (bit 30) at once; and the eight STORE registers software keeps values in. Not modelled:
// the other slow clock sources, RC drift and calibration, sleep and the RTC timer's alarms.
// The registers the GPIO block owns (hold, isolation) are routed before this block.
#pragma once
#include <array>
#include <cstdint>

#include "upanel/emu/clock.h"
#include "upanel/emu/peripheral.h"

namespace upanel::emu {

class RtcCntl : public Peripheral {
  public:
    static constexpr uint32_t kBase = 0x3FF48000;
    static constexpr uint32_t kSize = 0x400;
    static constexpr uint32_t kTimeUpdate = 0x0C, kTime0 = 0x10, kTime1 = 0x14;
    static constexpr uint32_t kStore0 = 0x4C, kStore4 = 0xB0;
    static constexpr uint64_t kSlowHz = 150'000;

    explicit RtcCntl(const Picos &now) : now_(now) { reset(); }
    // Whether the block answers this offset (others are unmapped: a fault).
    static bool modelled(uint32_t offset);
    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;
    // Slow clock cycles since power-on at the given time.
    static uint64_t slow_cycles(Picos t) { return t / (kPicosPerSecond / kSlowHz); }

  private:
    const Picos &now_;
    uint64_t latched_ = 0;
    bool valid_ = false;
    std::array<uint32_t, 8> store_{};
};

}  // namespace upanel::emu
