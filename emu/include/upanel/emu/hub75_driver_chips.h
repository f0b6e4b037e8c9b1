// The column driver chips of a HUB75 panel built on the FM6126A (or the ICN2038S, started the
// same way): each drives 16 outputs of one colour line and holds two configuration registers
// besides its shift register and latch.
//
// Commands are told apart by the CLK rising edges that see LAT high before LAT falls: 11 write
// register 1, 12 register 2, any other count latches the shifted data (on LAT's fall). A write
// takes the 16 bits the chip's shift register holds, the bit shifted first into bit 15.
// At power-up both registers are 0. Register 2 bit 6 switches the chip's outputs on: until it
// is set the chip lights nothing. Register 1 bits 5..10 (G, bit 10 the highest) set the output
// current: an LED gets (G + 1) / 64 of the light it gets on a plain shift-register panel, so
// the start-up value with all six set gives full light. The other bits are kept as written
// (readable, no modelled effect).
// These facts are the emulator's own copy (FM6127 register description, the start-up of the
// widely used open panel libraries, their measurements of register 1 against supply current),
// so that a driver with a wrong count or bit fails a test instead of agreeing with itself.
#pragma once
#include <cstdint>
#include <vector>

namespace upanel::emu {

enum class Hub75Chip : uint8_t { kGeneric, kFm6126a, kIcn2038s, kFm6124 };

class Hub75DriverChips {
  public:
    static constexpr uint32_t kOutputs = 16;  // outputs (columns) per chip
    static constexpr uint32_t kLines = 6;     // R1 G1 B1 R2 G2 B2
    static constexpr uint32_t kReg1Clocks = 11;
    static constexpr uint32_t kReg2Clocks = 12;
    static constexpr uint16_t kOutputsOn = 1u << 6;  // register 2
    static constexpr uint32_t kCurrentShift = 5;     // register 1 bits 5..10
    static constexpr uint32_t kCurrentSteps = 64;

    explicit Hub75DriverChips(uint32_t cols);
    uint32_t chips_per_line() const { return chips_; }

    // A CLK edge the chips sample on, with LAT as they sample it.
    void clock(bool lat) { lat_clocks_ += lat; }
    enum class Command { kLatch, kWriteReg1, kWriteReg2 };
    // LAT fell: the command its clock count gives. A register write takes its value from
    // `shift` (column x at shift[(head + x) % cols], colour line c in bit c).
    Command lat_fell(const std::vector<uint8_t> &shift, uint32_t head);

    uint16_t reg1(uint32_t line, uint32_t chip) const { return reg1_[line * chips_ + chip]; }
    uint16_t reg2(uint32_t line, uint32_t chip) const { return reg2_[line * chips_ + chip]; }
    // Light of an LED on `line` at column x, in 1/kCurrentSteps of a plain panel's.
    uint32_t light_steps(uint32_t line, uint32_t x) const { return steps_[line * chips_ + x / kOutputs]; }

  private:
    void write(std::vector<uint16_t> &reg, const std::vector<uint8_t> &shift, uint32_t head);
    void update_steps();

    uint32_t cols_, chips_;
    uint32_t lat_clocks_ = 0;
    std::vector<uint16_t> reg1_, reg2_;  // [line * chips + chip]
    std::vector<uint32_t> steps_;
};

}  // namespace upanel::emu
