#include "upanel/core/hub75_grid.h"

namespace upanel::core {

bool hub75_grid_valid(const Hub75Grid &g) {
    return g.rows >= 1 && g.cols >= 1 && g.rows * g.cols <= 8 && g.rotation < 4;
}

uint32_t Hub75Grid::canvas_index(uint32_t chain_index) const {
    const uint32_t chain_width = rows * cols * panel_width;
    const uint32_t cx = chain_index % chain_width, cy = chain_index / chain_width;
    const uint32_t panel = cx / panel_width, row = panel / cols, along = panel % cols;
    uint32_t lx = cx % panel_width, ly = cy;
    uint32_t col = along;
    if (serpentine && (row & 1)) {  // runs right to left, upside down
        col = cols - 1 - along;
        lx = panel_width - 1 - lx;
        ly = panel_height - 1 - ly;
    }
    const uint32_t wx = col * panel_width + lx, wy = row * panel_height + ly;
    const uint32_t ww = wall_width(), wh = wall_height();
    uint32_t u = wx, v = wy;
    switch (rotation) {
        case 1:
            u = wy;
            v = ww - 1 - wx;
            break;
        case 2:
            u = ww - 1 - wx;
            v = wh - 1 - wy;
            break;
        case 3:
            u = wh - 1 - wy;
            v = wx;
            break;
        default:
            break;
    }
    return v * canvas_width() + u;
}

}  // namespace upanel::core
