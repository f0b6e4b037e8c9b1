// A display view as a picture: the HUB75 as round LEDs (or squares), the TFT as pixels, each
// pixel or LED scale x scale.
#pragma once
#include "upanel/emu/png_writer.h"
#include "upanel/live/snapshot.h"

namespace upanel::live {

emu::Image render_view(const DisplayView &v, int scale, bool leds);

}  // namespace upanel::live
