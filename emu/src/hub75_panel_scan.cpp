// Four-scan outdoor panels (32x16 at 1/4 scan, 64x32 at 1/8): each row address lights four
// rows, two in each half. A half's shift register is twice the panel's width long and runs
// through its two row blocks (rows 0..scan-1 and scan..2*scan-1 of the half) in runs of
// `block` columns: the first `block` positions of a run reach the second row block, the next
// `block` the same columns of the first row block. The leading ESP32 HUB75 library's
// four-scan mappings describe these panels so (a panel-width run on most, 8 or 16 columns on
// others). Written from the LED's side, the panel's own view, independent of the driver's.
#include "upanel/emu/hub75_panel.h"

namespace upanel::emu {

std::vector<float> Hub75Panel::as_seen(const std::vector<float> &by_position) const {
    const int w = g_.width, h = g_.height, cols = g_.cols(), scan = g_.scan;
    const int block = g_.scan_block ? g_.scan_block : w;
    const int half_rows = h / 2, shift = g_.shift_cols();
    std::vector<float> out(size_t(h) * cols * 3, 0.0f);
    for (int y = 0; y < h; y++) {
        const int half = y / half_rows, in_half = y % half_rows;
        const int row_block = in_half / scan, address = in_half % scan;
        const int line = address + half * scan;  // the register row of this LED
        for (int x = 0; x < cols; x++) {
            const int panel = x / w, col = x % w;
            const int pos =
                panel * 2 * w + (col / block) * 2 * block + (row_block == 0 ? block : 0) + col % block;
            for (int c = 0; c < 3; c++)
                out[(size_t(y) * cols + x) * 3 + c] = by_position[(size_t(line) * shift + pos) * 3 + c];
        }
    }
    return out;
}

}  // namespace upanel::emu
