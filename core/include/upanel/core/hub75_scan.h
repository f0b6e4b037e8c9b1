// Which pixel of the picture each shift-register position of a HUB75 chain shows.
//
// Common indoor panels light two rows per row address (one in each half): the register of a
// half runs along one row, and the picture maps one to one. Four-scan outdoor panels (32x16
// at 1/4 scan, 64x32 at 1/8) light four: each half is two blocks of `scan` rows, and its
// register, twice the panel's width long, runs along the columns in runs of `block` pixels,
// a run of the half's second row block, then the same columns of its first block, and so on
// (block = the panel's width on most of them, 8 or 16 on others). The leading ESP32 HUB75
// library describes these panels the same way (its FOUR_SCAN_16PX_HIGH, FOUR_SCAN_32PX_HIGH).
#pragma once
#include <stdint.h>

namespace upanel::core {

struct Hub75Scan {
    uint32_t panel_width = 64, panel_height = 32, chain = 1;
    // Row addresses: panel_height / 2, panel_height / 4 (four-scan), or panel_height (single
    // channel: one row per address, on the upper colour lines R1 G1 B1 only).
    uint32_t scan = 16;
    uint32_t block = 64;  // four-scan: pixels of one row block in a run

    // Rows lit per address in each half: 1, or 2 on four-scan panels.
    uint32_t fold() const { return single() ? 1 : panel_height / 2 / scan; }
    bool single() const { return scan == panel_height; }
    // Pixel clocks per address: the registers' length along the chain.
    uint32_t shift_cols() const { return panel_width * chain * fold(); }
    uint32_t width() const { return panel_width * chain; }
    bool identity() const { return fold() == 1 && !single(); }
    // The picture's pixel (y * width() + x) that position s of half h (0 upper, 1 lower)
    // shows under row address a; kNone for the lower lines of a single-channel panel.
    enum : uint32_t { kNone = 0xFFFFFFFFu };  // not an inline variable: native modules link no such
    uint32_t source(uint32_t a, uint32_t h, uint32_t s) const;
};

// Checks a scan configuration: scan is height / 2, height / 4 or height (up to 32 rows), and
// on four-scan panels block divides the panel's width.
bool hub75_scan_valid(const Hub75Scan &s);

}  // namespace upanel::core
