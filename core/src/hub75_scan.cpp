#include "upanel/core/hub75_scan.h"

namespace upanel::core {

bool hub75_scan_valid(const Hub75Scan &s) {
    if (s.single()) return s.scan <= 32;
    if (s.scan == 0 || (s.scan * 2 != s.panel_height && s.scan * 4 != s.panel_height)) return false;
    if (s.fold() == 1) return true;
    return s.block > 0 && s.block <= s.panel_width && s.panel_width % s.block == 0;
}

uint32_t Hub75Scan::source(uint32_t a, uint32_t h, uint32_t s) const {
    if (single()) return h ? uint32_t(kNone) : a * width() + s;
    const uint32_t half_rows = panel_height / 2;
    if (fold() == 1) return (h * half_rows + a) * width() + s;
    const uint32_t span = 2 * panel_width;  // one panel's positions
    const uint32_t panel = s / span, in_panel = s % span;
    const uint32_t run = in_panel / (2 * block), in_run = in_panel % (2 * block);
    // The first `block` positions of a run show the second row block, the rest the first.
    const uint32_t row_block = in_run < block ? 1 : 0;
    const uint32_t x = panel * panel_width + run * block + in_run % block;
    const uint32_t y = h * half_rows + row_block * scan + a;
    return y * width() + x;
}

}  // namespace upanel::core
