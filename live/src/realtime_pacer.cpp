#include "upanel/live/realtime_pacer.h"

#include <thread>

namespace upanel::live {

void RealtimePacer::pace(emu::Picos virt) {
    if (virt < virt0_) return anchor(virt);
    const auto due = wall0_ + std::chrono::nanoseconds((virt - virt0_) / 1000);
    const auto now = Clock::now();
    if (due > now) std::this_thread::sleep_until(due);
    else if (now - due > kMaxLag) anchor(virt);
}

}  // namespace upanel::live
