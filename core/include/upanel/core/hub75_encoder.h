// Turns a frame buffer into the 16-bit words a HUB75 chain is clocked with, plane by plane.
//
// Word bits: R1 G1 B1 R2 G2 B2 (0..5), LAT (6), OE (7, high = dark), row address A..E (8..12).
// Frame memory holds, for each row address r and window p, `cols` data words (plane p of rows
// r and r + rows); in window p the OE bits light the plane latched before (see bcm_plan.h).
// On the ESP32 the I2S sends the upper half of each 32-bit word first, so sample i of a
// window lives at index i ^ 1.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/hub75_grid.h"
#include "upanel/core/hub75_scan.h"

namespace upanel::core {

namespace hub75_word {
constexpr uint16_t kRgbMask = 0x3F;
constexpr uint16_t kLat = 1u << 6;
constexpr uint16_t kOe = 1u << 7;
constexpr uint32_t kAddrShift = 8;
}  // namespace hub75_word

enum class PixelFormat : uint8_t {
    kRgb565,  // uint16 per pixel, native byte order (framebuf.RGB565)
    kRgb888,  // bytes R, G, B
    kRgb48,   // uint16 R, G, B per pixel, linear light: taken as is, no gamma
};
constexpr uint32_t bytes_per_pixel(PixelFormat f) {
    return f == PixelFormat::kRgb565 ? 2 : f == PixelFormat::kRgb888 ? 3 : 6;
}

// Plane bits of an 8-bit channel value after gamma, spread one plane per byte: plane p's bit
// sits in byte p & 3 of word p >> 2, at the channel's position (R 0, G 1, B 2). 32-bit words,
// so that 32-bit targets need no 64-bit shift helpers.
struct PlaneSpread {
    uint32_t w[3];
};

class Hub75Encoder {
  public:
    // plan: the full-brightness plan; the data words' OE bits light the whole-clock runs of
    // plan_brightness(plan, brightness). gamma: light = (v / 255) ^ 2.2; otherwise light
    // proportional to v.
    void configure(const BcmPlan &plan, bool gamma, uint32_t brightness);
    // Where each shift position takes its pixel from; without it, the picture is cols wide
    // and 2 * rows high and maps one to one.
    void set_scan(const Hub75Scan &scan) { scan_ = scan; }
    // The wall the chain's panels make and the canvas turned on it: `pixels` is the canvas.
    void set_grid(const Hub75Grid &grid) { grid_ = grid; }
    // Fills the frame's data words from `pixels` (the picture set_scan() describes).
    void encode(const uint8_t *pixels, PixelFormat format, uint16_t *frame) const;
    // Rewrites LAT, OE and address bits of a frame for the current brightness, keeping colour.
    void restamp(uint16_t *frame) const;
    size_t frame_words() const { return size_t(plan_.rows) * plan_.depth * plan_.cols; }

  private:
    uint16_t control(uint32_t r, uint32_t p, uint32_t x) const;
    uint16_t address_bits(uint32_t r, uint32_t p) const;

    BcmPlan plan_;
    Hub75Scan scan_;
    Hub75Grid grid_;
    uint32_t on_first_[BcmPlan::kMaxDepth] = {};  // data words [on_first, on_last) are lit
    uint32_t on_last_[BcmPlan::kMaxDepth] = {};
    PlaneSpread spread_[3][256] = {};
};

}  // namespace upanel::core
