// A chain of HUB75 LED panels as the hardware behaves: per-colour column shift registers for
// the upper and lower half, a latch that copies them while LAT is high, row address lines that
// select one row of each half, and an active-low OE that lets the latched row light up. Light
// is integrated over time per LED, so wrong BCM weights, ghosting and tearing show up.
//
// Columns: the word shifted first after a latch ends at x = 0 (the left edge of the chain seen
// from the front), the last one at x = cols - 1.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "upanel/core/hub75_wiring.h"
#include "upanel/emu/clock.h"
#include "upanel/emu/hub75_driver_chips.h"

namespace upanel::emu {

struct Hub75Pins {
    // Pads of R1 G1 B1 R2 G2 B2 A B C D E LAT OE CLK, in this order.
    std::array<int, core::kHub75Signals> pad = [] {
        std::array<int, core::kHub75Signals> p{};
        for (int i = 0; i < core::kHub75Signals; i++) p[i] = core::kHub75DefaultPads[i];
        return p;
    }();
    static constexpr const auto &kNames = core::kHub75SignalNames;
    // Inverting level shifters between the pads and the panel (74HCT04-style boards): the
    // panel sees every line the other way round.
    bool inverted = false;
};

// scan: row addresses, height / 2 (two rows lit per address), height / 4 (four-scan
// outdoor panels: see hub75_panel_scan.cpp) or height (single channel: no R2 G2 B2); scan_block: on four-scan
// panels, the pixels of one row block in a run of the shift register (0: the panel's width). grid_rows: the
// chain's panels hung as a wall of that many rows (0: one row), serpentine or zig-zag (see
// hub75_panel_wall.cpp).
struct Hub75Geometry {
    int width = 64, height = 32, chain = 1, scan = 16;
    int scan_block = 0;
    int grid_rows = 0;
    bool serpentine = false;
    int wall_rows() const { return grid_rows ? grid_rows : 1; }
    int wall_width() const { return width * (chain / wall_rows()); }
    int wall_height() const { return height * wall_rows(); }
    int cols() const { return width * chain; }
    // Single channel: one row per address, lit from R1 G1 B1 only (scan == height).
    bool single() const { return scan == height; }
    int rows_per_address() const { return single() ? 1 : height / 2 / scan; }  // 1, or 2 on four-scan
    int shift_cols() const { return cols() * rows_per_address(); }
};

// What sets one panel apart from the ideal shift-register panel (the defaults).
struct Hub75Electrical {
    // Column driver chips; an FM6126A or ICN2038S stays dark until its registers are written
    // (hub75_driver_chips.h). Needs a chain width that is a multiple of 16.
    Hub75Chip chip = Hub75Chip::kGeneric;
    // The chips sample data (and LAT, for their commands) on CLK's falling edge, not its rising.
    bool clk_falling = false;
    // After OE goes high the outputs keep conducting this long (the drivers' turn-off delay and
    // the row lines' discharge): a LAT or row switch sooner than that lights the new data in the
    // old row for the rest of it, the ghost that latch blanking is there to prevent.
    Picos turn_off = 0;
};

class Hub75Panel {
  public:
    // Bits of the input word the board hands over for each pixel clock.
    enum : uint16_t {
        kRgbMask = 0x3F,  // R1 G1 B1 R2 G2 B2
        kLat = 1u << 6,
        kOe = 1u << 7,    // high = LEDs off
        kAddrShift = 8,   // A..E
        kClk = 1u << 13,  // CLK level, used when the clock is not the pixel clock itself
    };
    enum class Clocking { kEveryWord, kEveryWordLate, kLevel };

    explicit Hub75Panel(const Hub75Geometry &g, const Hub75Electrical &e = {});
    const Hub75Geometry &geometry() const { return g_; }
    const Hub75Electrical &electrical() const { return e_; }
    // The driver chips' registers (null on a generic panel).
    const Hub75DriverChips *driver_chips() const { return chips_.get(); }

    // One input word per pixel clock, each lasting dt, starting at t0.
    void feed(const uint16_t *in, size_t n, Picos t0, Picos dt, Clocking clocking);
    // Inputs stay as they are until t.
    void hold_until(Picos t);
    // The board found that data shown in the refresh under way was rewritten while shown.
    void mark_torn() { cur_torn_ = true; }

    struct Stats {
        double refresh_hz = 0, oe_duty = 0, ghost = 0;
        uint64_t refreshes = 0, torn = 0;
    };
    Stats stats() const { return stats_; }
    // Light per LED, RGB per pixel, row-major over the wall (wall_width x wall_height: the
    // chain's width x height when it is one row) over the last complete refresh (or, when the
    // panel has stopped refreshing, over the time since the last one). relative: as fractions
    // of the brightest row's OE-on time (what a camera with auto exposure records); otherwise
    // as fractions of one row's share of the refresh time.
    std::vector<float> light(bool relative, Picos now);

  private:
    // Light per shift position (rows * 2 x shift columns) rearranged as the LEDs sit.
    std::vector<float> as_seen(const std::vector<float> &by_position) const;
    // Light along the chain (height x cols) rearranged as the wall hangs.
    std::vector<float> as_wall(const std::vector<float> &along_chain) const;
    void shift(uint16_t rgb);
    void latch();
    void clock_chips(uint16_t v, Clocking clocking);
    void lat_fell();
    void flush_segment();
    void credit_chip_light(Picos on, Picos *upper, Picos *lower);
    void end_generation();
    void set_address(uint32_t a, Picos t);
    void finish_refresh(Picos t);

    Hub75Geometry g_;
    Hub75Electrical e_;
    std::unique_ptr<Hub75DriverChips> chips_;
    Picos dark_at_ = 0;  // outputs conduct until then after OE went high (turn_off)
    uint32_t cols_, rows_;
    std::vector<uint8_t> shift_;  // ring: column x is shift_[(head_ + x) % cols_]
    uint32_t head_ = 0;
    std::vector<uint8_t> latch_;
    uint32_t latch_lit_ = 0;  // LEDs the latched data lights
    uint16_t last_in_ = kOe;
    uint32_t addr_ = 0;
    Picos time_ = 0;

    // Light of the current segment (same latch content and address), not yet credited.
    Picos seg_on_ = 0;
    // LED on-time of the current latch generation under each address, for ghost accounting.
    std::vector<Picos> gen_on_;
    Picos ghost_on_ = 0, total_on_ = 0;

    std::vector<Picos> led_on_, last_led_on_;     // rows*2 x cols x 3
    std::vector<Picos> row_oe_on_, last_row_oe_;  // per address
    Picos refresh_start_ = 0, last_period_ = 0;
    bool started_ = false, cur_torn_ = false;
    Stats stats_;
};

}  // namespace upanel::emu
