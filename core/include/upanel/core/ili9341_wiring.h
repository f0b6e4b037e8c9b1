// Which ESP32 pad each signal of an ILI9341 module is wired to, in the order MOSI CLK CS DC
// RST backlight MISO that every pin table of the project uses. The default is the second
// seed's board: the driver's default and the emulated board's, written once so the two
// cannot drift apart.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace upanel::core {

constexpr int kIli9341Signals = 7;

struct Ili9341Pads {
    int8_t pad[kIli9341Signals];
    constexpr int8_t &operator[](size_t i) { return pad[i]; }
    constexpr const int8_t &operator[](size_t i) const { return pad[i]; }
};

constexpr Ili9341Pads kIli9341DefaultPads = {{18, 19, 13, 12, 4, 2, 5}};

// The signals' names, in the same order, as a `pins` dict spells them (ili9341_wiring.cpp: an
// object of its own, since a native module's linker takes no inline variables).
extern const char *const kIli9341SignalNames[kIli9341Signals];

}  // namespace upanel::core
