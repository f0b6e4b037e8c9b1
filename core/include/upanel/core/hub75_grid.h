// A wall of HUB75 panels in a grid, fed as one chain, drawn as one canvas.
//
// The chain's first panel is the wall's top left; the chain runs along the top row of panels
// to the right, then row by row downwards. Zig-zag: every row runs left to right, all panels
// upright. Serpentine: every other row (the second, fourth, ...) runs right to left with its
// panels mounted upside down, so that short cables join the rows' ends. The canvas the
// program draws on is the wall turned by `rotation` quarter turns clockwise.
#pragma once
#include <stdint.h>

namespace upanel::core {

struct Hub75Grid {
    uint32_t panel_width = 64, panel_height = 32;
    uint32_t rows = 1, cols = 1;  // panels; the chain is rows * cols long
    bool serpentine = false;
    uint32_t rotation = 0;  // quarter turns clockwise, 0..3

    uint32_t wall_width() const { return cols * panel_width; }
    uint32_t wall_height() const { return rows * panel_height; }
    uint32_t canvas_width() const { return rotation & 1 ? wall_height() : wall_width(); }
    uint32_t canvas_height() const { return rotation & 1 ? wall_width() : wall_height(); }
    bool identity() const { return rows == 1 && rotation == 0; }
    // The canvas pixel (v * canvas_width() + u) of the chain's pixel (y * chain width + x).
    uint32_t canvas_index(uint32_t chain_index) const;
};

bool hub75_grid_valid(const Hub75Grid &g);

}  // namespace upanel::core
