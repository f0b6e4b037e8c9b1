// What a display of the board shows now, as a picture with each LED or pixel scale x scale:
// the HUB75 panel's last complete refresh (as round LEDs with leds), the ILI9341's panel.
#pragma once
#include "upanel/emu/board.h"
#include "upanel/emu/png_writer.h"

namespace upanel::emu {

enum class Display { kHub75, kIli9341 };

Image display_picture(Board &board, Display display, int scale, bool leds);

}  // namespace upanel::emu
