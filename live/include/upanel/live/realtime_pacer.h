// Paces virtual time to the wall clock for watching: after each slice of emulation it sleeps
// until the wall clock has caught up with the virtual time run since it was anchored. When
// emulation falls behind (a slow machine, a script busy between runs) it re-anchors instead
// of racing to catch up, so what is shown never plays fast.
#pragma once
#include <chrono>

#include "upanel/emu/clock.h"

namespace upanel::live {

class RealtimePacer {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr auto kMaxLag = std::chrono::milliseconds(100);

    void anchor(emu::Picos virt) {
        wall0_ = Clock::now();
        virt0_ = virt;
    }
    void pace(emu::Picos virt);

  private:
    Clock::time_point wall0_ = Clock::now();
    emu::Picos virt0_ = 0;
};

}  // namespace upanel::live
