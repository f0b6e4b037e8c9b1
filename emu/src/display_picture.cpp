#include "upanel/emu/display_picture.h"

#include <algorithm>
#include <cstring>

namespace upanel::emu {

Image display_picture(Board &board, Display display, int scale, bool leds) {
    const int k = std::max(1, scale);
    if (display == Display::kHub75) {
        Hub75Panel &panel = *board.hub75();
        const Hub75Geometry &g = panel.geometry();
        return render_light(light_bytes(panel.light(true, board.now())), g.wall_width(), g.wall_height(), k,
                            leds);
    }
    std::vector<uint8_t> rgb = board.ili9341()->picture();
    const int w = Ili9341Model::kWidth, h = Ili9341Model::kHeight;
    Image img{w * k, h * k, std::vector<uint8_t>(size_t(w) * h * k * k * 3)};
    for (int y = 0; y < h * k; y++)
        for (int x = 0; x < w * k; x++)
            std::memcpy(&img.rgb[(size_t(y) * w * k + x) * 3], &rgb[(size_t(y / k) * w + x / k) * 3], 3);
    return img;
}

}  // namespace upanel::emu
