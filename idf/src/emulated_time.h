// Waiting in emulated time: a task that blocks lets the emulated board run, which serves
// interrupts meanwhile.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"

namespace upanel::idf {

constexpr uint64_t kUsPerTick = 10'000;  // CONFIG_FREERTOS_HZ = 100

inline void wait_us(uint64_t us) {
    const uint64_t end = ll::time_us() + us;
    while (ll::time_us() < end) ll::cpu_relax();
}

}  // namespace upanel::idf
