// Binary code modulation timing for a HUB75 chain: how many pixel clocks each shift window
// lasts and for how long each bit plane is lit.
//
// A row is sent as one window per bit plane. Window p shifts plane p of the row in while the
// panel shows the plane latched at the end of the window before (plane p-1, or the last plane
// of the previous row for p == 0). Plane q is lit quarters * 2^q / 4 clocks: whole clocks in
// every refresh, and for planes 0 and 1 the quarter clocks left over as one more clock in some
// of kDitherRefreshes consecutive refreshes, from a dither slot at the start of the window. So
// every plane keeps exactly twice the light of the plane below at any brightness. When the
// light is longer than the shift, the window is padded before its data so that it fits.
// Blanking keeps OE off around LAT and around the row address change at each window boundary.
#pragma once
#include <stdint.h>

namespace upanel::core {

struct BcmPlan {
    static constexpr uint32_t kMaxDepth = 12;
    static constexpr uint32_t kDefaultBlanking = 2;
    static constexpr uint32_t kMaxBlanking = 16;
    static constexpr uint32_t kDefaultMinDuty = 60;  // percent, see plan_bcm()
    static constexpr uint32_t kDitherRefreshes = 4;

    uint32_t cols = 0;      // clocks of one shift: panel width x chain
    uint32_t rows = 0;      // row addresses (1/rows scan)
    uint32_t depth = 0;     // bit planes
    uint32_t unit = 0;      // clocks that plane 0 is lit at full brightness
    uint32_t quarters = 0;  // quarter clocks plane 0 is lit per refresh at this plan's brightness
    uint32_t gap = 0;       // dark clocks (even) after each refresh: the duty follows the brightness
    uint32_t window[kMaxDepth] = {};  // clocks of window p, even so DMA lengths stay word sized
    // Clocks with OE off after a window starts (the row address changes there) and before
    // LAT, LAT included: time the panel's outputs get to go dark before a latch or a row
    // switch. 0 lets OE stay on across LAT.
    uint32_t blank = kDefaultBlanking;

    // The plane shown during window p, and the whole clocks it is lit in every refresh.
    uint32_t shown_plane(uint32_t p) const { return p == 0 ? depth - 1 : p - 1; }
    uint32_t lit(uint32_t plane) const { return (quarters << plane) / 4; }
    // The one clock more that plane gets in refresh k of the dither cycle (0 or 1).
    uint32_t extra(uint32_t plane, uint32_t k) const {
        uint32_t q = quarters << plane;
        return q * (k + 1) / 4 - q * k / 4 - q / 4;
    }
    // Refreshes that differ before the chain repeats: 4 while quarter clocks are dithered.
    uint32_t refreshes() const { return quarters % 4 ? kDitherRefreshes : 1; }
    // Clocks at the start of window p holding its dither clock (0: none); the dither clock is
    // the one after the blanking, the slot's last clock stays dark.
    uint32_t dither_slot(uint32_t p) const {
        return ((quarters << shown_plane(p)) & 3) ? dither_slot_clocks() : 0;
    }
    uint32_t dither_slot_clocks() const { return ((blank + 1) & ~1u) + 2; }
    uint32_t padding(uint32_t p) const { return window[p] - cols; }
    uint32_t clocks_per_row() const;
    uint32_t clocks_per_refresh() const { return clocks_per_row() * rows + gap; }
    // Lit quarter clocks of one row per refresh, averaged over the dither cycle.
    uint32_t lit_quarters_per_row() const { return quarters * ((1u << depth) - 1); }
    uint32_t lit_clocks_per_row() const { return lit_quarters_per_row() / 4; }
    uint32_t max_padding() const;
};

// Smallest unit whose OE duty (lit clocks / all clocks) reaches min_duty_percent, so short
// planes are not left dim while the refresh rate stays as high as the bus allows.
BcmPlan plan_bcm(uint32_t cols, uint32_t rows, uint32_t depth,
                 uint32_t min_duty_percent = BcmPlan::kDefaultMinDuty,
                 uint32_t blank = BcmPlan::kDefaultBlanking);

// The plan of a full-brightness plan at brightness 0..255: full white gives brightness/255 of
// the full light (duty) with the fewest quarter clocks that fit, dark clocks after each refresh
// making up the rest, so the refresh rate stays at or above the full one. Below the knee where
// plane 0 is down to a quarter clock (brightness 255 / (4 unit)), the light goes with the square
// root of the brightness, the refresh rate with it, rather than levels being lost.
BcmPlan plan_brightness(const BcmPlan &full, uint32_t brightness);

// The whole-clock OE-on run of window p: [on_start, on_end) in window clocks, as late as the
// blanking before LAT allows, with on_start even so that the padding splits at whole 32-bit
// DMA words.
struct WindowLight {
    uint32_t on_start;
    uint32_t on_end;
};
WindowLight window_light(const BcmPlan &plan, uint32_t p);

// n / d with 32-bit divisions only (32-bit chips' native modules have no 64-bit division).
uint64_t bcm_div64(uint64_t n, uint32_t d);

}  // namespace upanel::core
