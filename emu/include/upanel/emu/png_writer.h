// Pictures of what the emulated displays show, written as PNG files with libpng.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace upanel::emu {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // row-major RGB888
};

// Light fractions (0..1 per channel) as bytes, light x 255 rounded: the one conversion that
// snapshots, PNG files, GIF recordings and the live view all start from, so they agree.
std::vector<uint8_t> light_bytes(const std::vector<float> &light);
// Those bytes to pixels: each pixel scale x scale; with leds, as round LEDs on a dark board
// with a little glow, as a photo of a HUB75 panel looks.
Image render_light(const std::vector<uint8_t> &light, int width, int height, int scale, bool leds);
// Returns an empty string on success, else what went wrong.
std::string write_png(const std::string &path, const Image &image);

}  // namespace upanel::emu
