// What the displays of a board show at one moment, copied out of the emulator so another
// thread (the live view's server) can read it without touching the board.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "upanel/emu/board.h"

namespace upanel::live {

struct DisplayView {
    std::string name;  // "hub75" or "ili9341", as esp32sim names them
    int width = 0, height = 0;
    bool leds = false;         // draw as round LEDs (HUB75) rather than pixels (TFT)
    std::vector<uint8_t> rgb;  // RGB888; for LEDs, relative light x 255 as esp32sim.snapshot()
    std::vector<std::pair<std::string, double>> figures;  // measured by the emulator
};

struct Snapshot {
    uint64_t seq = 0;
    double time_us = 0;  // virtual time
    double speed = 0;    // virtual seconds per wall second lately (0: unknown)
    std::vector<DisplayView> displays;
};

// The HUB75 panel when one is attached; the ILI9341 once a driver has talked to it.
Snapshot take_snapshot(emu::Board &board);
// One display; false when the board has no such device.
bool view_of(emu::Board &board, const std::string &name, DisplayView &out);

}  // namespace upanel::live
