// Binary code modulation timing for a HUB75 chain: how many pixel clocks each shift window
// lasts and for how long each bit plane is lit.
//
// A row is sent as one window per bit plane. Window p shifts plane p of the row in while the
// panel shows the plane latched at the end of the window before (plane p-1, or the last plane
// of the previous row for p == 0). Plane q must be lit unit << q clocks; when that is longer
// than the shift, the window is padded before its data so that the light fits. Blanking keeps
// OE off around LAT and around the row address change at each window boundary.
#pragma once
#include <stdint.h>

namespace upanel::core {

struct BcmPlan {
    static constexpr uint32_t kMaxDepth = 12;
    static constexpr uint32_t kDefaultBlanking = 2;
    static constexpr uint32_t kMaxBlanking = 16;
    static constexpr uint32_t kDefaultMinDuty = 60;  // percent, see plan_bcm()

    uint32_t cols = 0;                // clocks of one shift: panel width x chain
    uint32_t rows = 0;                // row addresses (1/rows scan)
    uint32_t depth = 0;               // bit planes
    uint32_t unit = 0;                // clocks that plane 0 is lit at full brightness
    uint32_t window[kMaxDepth] = {};  // clocks of window p, even so DMA lengths stay word sized
    // Clocks with OE off after a window starts (the row address changes there) and before
    // LAT, LAT included: time the panel's outputs get to go dark before a latch or a row
    // switch. 0 lets OE stay on across LAT.
    uint32_t blank = kDefaultBlanking;

    // The plane shown during window p, and the clocks it is lit at full brightness.
    uint32_t shown_plane(uint32_t p) const { return p == 0 ? depth - 1 : p - 1; }
    uint32_t lit(uint32_t plane) const { return unit << plane; }
    uint32_t padding(uint32_t p) const { return window[p] - cols; }
    uint32_t clocks_per_row() const;
    uint32_t clocks_per_refresh() const { return clocks_per_row() * rows; }
    uint32_t lit_clocks_per_row() const { return unit * ((1u << depth) - 1); }
    uint32_t max_padding() const;
};

// Smallest unit whose OE duty (lit clocks / all clocks) reaches min_duty_percent, so short
// planes are not left dim while the refresh rate stays as high as the bus allows.
BcmPlan plan_bcm(uint32_t cols, uint32_t rows, uint32_t depth,
                 uint32_t min_duty_percent = BcmPlan::kDefaultMinDuty,
                 uint32_t blank = BcmPlan::kDefaultBlanking);

// Window p laid out with the lit clocks of the shown plane scaled by brightness/255: the OE-on
// run is [on_start, on_end) in window clocks, as late as the blanking before LAT allows, with
// on_start even so that the padding splits at whole 32-bit DMA words.
struct WindowLight {
    uint32_t on_start;
    uint32_t on_end;
};
WindowLight window_light(const BcmPlan &plan, uint32_t p, uint32_t brightness);

}  // namespace upanel::core
