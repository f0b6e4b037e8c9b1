#include "upanel/emu/hub75_driver_chips.h"

#include <algorithm>

namespace upanel::emu {

Hub75DriverChips::Hub75DriverChips(uint32_t cols)
    : cols_(cols),
      chips_(cols / kOutputs),
      reg1_(size_t(kLines) * chips_),
      reg2_(reg1_.size()),
      steps_(reg1_.size()) {
    update_steps();
}

Hub75DriverChips::Command Hub75DriverChips::lat_fell(const std::vector<uint8_t> &shift, uint32_t head) {
    uint32_t n = lat_clocks_;
    lat_clocks_ = 0;
    if (n == kReg1Clocks) {
        write(reg1_, shift, head);
        return Command::kWriteReg1;
    }
    if (n == kReg2Clocks) {
        write(reg2_, shift, head);
        return Command::kWriteReg2;
    }
    return Command::kLatch;
}

void Hub75DriverChips::write(std::vector<uint16_t> &reg, const std::vector<uint8_t> &shift, uint32_t head) {
    std::fill(reg.begin(), reg.end(), 0);
    for (uint32_t x = 0; x < cols_; x++) {
        uint8_t bits = shift[(head + x) % cols_];
        uint32_t chip = x / kOutputs, bit = kOutputs - 1 - x % kOutputs;
        for (uint32_t line = 0; line < kLines; line++)
            if ((bits >> line) & 1u) reg[line * chips_ + chip] |= uint16_t(1u << bit);
    }
    update_steps();
}

void Hub75DriverChips::update_steps() {
    for (size_t i = 0; i < steps_.size(); i++) {
        uint32_t current = (reg1_[i] >> kCurrentShift) & (kCurrentSteps - 1);
        steps_[i] = (reg2_[i] & kOutputsOn) ? current + 1 : 0;
    }
}

}  // namespace upanel::emu
