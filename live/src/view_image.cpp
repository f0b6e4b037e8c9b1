#include "upanel/live/view_image.h"

#include <algorithm>
#include <cstring>

namespace upanel::live {

emu::Image render_view(const DisplayView &v, int scale, bool leds) {
    scale = std::max(1, scale);
    if (v.leds) return emu::render_light(v.rgb, v.width, v.height, scale, leds);
    emu::Image img{v.width * scale, v.height * scale, {}};
    img.rgb.resize(size_t(img.width) * img.height * 3);
    for (int y = 0; y < img.height; y++)
        for (int x = 0; x < img.width; x++)
            std::memcpy(&img.rgb[(size_t(y) * img.width + x) * 3],
                        &v.rgb[(size_t(y / scale) * v.width + x / scale) * 3], 3);
    return img;
}

}  // namespace upanel::live
