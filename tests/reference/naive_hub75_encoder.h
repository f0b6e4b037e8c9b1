// A deliberately plain HUB75 encoder: one pixel, one plane, one bit at a time, straight from
// the word format in hub75_encoder.h. The reference the optimised encoder is checked and
// measured against.
#pragma once
#include <cstdint>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/hub75_encoder.h"

namespace upanel::reference {

inline void naive_encode_rgb565(const core::BcmPlan &plan, const uint16_t *px, uint16_t brightness,
                                uint16_t *frame) {
    using namespace core::hub75_word;
    const uint32_t max_code = (1u << plan.depth) - 1;
    auto code = [&](uint32_t v, uint32_t bits) {
        uint32_t v8 = bits == 5 ? (v << 3 | v >> 2) : (v << 2 | v >> 4);
        return (v8 * max_code + 127) / 255;  // no gamma
    };
    for (uint32_t r = 0; r < plan.rows; r++)
        for (uint32_t p = 0; p < plan.depth; p++) {
            const core::BcmPlan lit = core::plan_brightness(plan, brightness);
            core::WindowLight light = core::window_light(lit, p);
            uint32_t pad = lit.padding(p);
            uint32_t a = p == 0 ? (r + plan.rows - 1) % plan.rows : r;
            for (uint32_t x = 0; x < plan.cols; x++) {
                uint16_t w = uint16_t(a << kAddrShift);
                uint32_t t = pad + x;  // clock within the window
                if (t < light.on_start || t >= light.on_end) w |= kOe;
                if (x == plan.cols - 1) w |= kLat;
                for (int half = 0; half < 2; half++) {
                    uint16_t v = px[(r + half * plan.rows) * plan.cols + x];
                    uint32_t c[3] = {code(v >> 11, 5), code((v >> 5) & 63, 6), code(v & 31, 5)};
                    for (int ch = 0; ch < 3; ch++)
                        if ((c[ch] >> p) & 1) w |= uint16_t(1u << (half * 3 + ch));
                }
                frame[(r * plan.depth + p) * plan.cols + (x ^ 1u)] = w;
            }
        }
}

}  // namespace upanel::reference
