// Which ESP32 pad each HUB75 signal is wired to, in the order R1 G1 B1 R2 G2 B2 A B C D E LAT
// OE CLK that every pin table of the project uses. The default is a common ESP32 HUB75
// adapter's wiring: the driver's default and the emulated board's, written once so the two
// cannot drift apart.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace upanel::core {

constexpr int kHub75Signals = 14;

struct Hub75Pads {
    int8_t pad[kHub75Signals];
    constexpr int8_t &operator[](size_t i) { return pad[i]; }
    constexpr const int8_t &operator[](size_t i) const { return pad[i]; }
};

constexpr Hub75Pads kHub75DefaultPads = {{25, 26, 27, 14, 12, 13, 23, 19, 5, 17, 18, 4, 15, 16}};

// The signals' names, in the same order, as a `pins` dict spells them (hub75_wiring.cpp: an
// object of its own, since a native module's linker takes no inline variables).
extern const char *const kHub75SignalNames[kHub75Signals];

}  // namespace upanel::core
