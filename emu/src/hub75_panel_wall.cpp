// A wall of panels fed as one chain: the chain's first panel hangs at the top left and the
// chain runs along the top row to the right, then down row by row. Zig-zag walls run every
// row left to right; serpentine walls run every other row right to left with those panels
// hung upside down. Written from the wall's side: which chain pixel each LED of the wall is.
#include "upanel/emu/hub75_panel.h"

namespace upanel::emu {

std::vector<float> Hub75Panel::as_wall(const std::vector<float> &along_chain) const {
    const int w = g_.width, h = g_.height, per_row = g_.chain / g_.wall_rows();
    const int ww = g_.wall_width(), wh = g_.wall_height(), chain_width = g_.cols();
    std::vector<float> out(size_t(ww) * wh * 3, 0.0f);
    for (int y = 0; y < wh; y++) {
        for (int x = 0; x < ww; x++) {
            const int row = y / h, col = x / w;
            const bool reversed = g_.serpentine && row % 2 == 1;
            const int along = reversed ? per_row - 1 - col : col;
            const int px = reversed ? w - 1 - x % w : x % w;
            const int py = reversed ? h - 1 - y % h : y % h;
            const int cx = (row * per_row + along) * w + px;
            for (int c = 0; c < 3; c++)
                out[(size_t(y) * ww + x) * 3 + c] = along_chain[(size_t(py) * chain_width + cx) * 3 + c];
        }
    }
    return out;
}

}  // namespace upanel::emu
