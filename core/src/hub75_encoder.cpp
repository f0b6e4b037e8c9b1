#include "upanel/core/hub75_encoder.h"

namespace upanel::core {

using namespace hub75_word;

// Gamma in integers only (Q30 fixed point, 64-bit products, no division), so that the core
// needs neither libm nor the soft-float helpers a native module cannot link.
static constexpr uint64_t kOne = uint64_t(1) << 30;

static uint64_t mul_q30(uint64_t a, uint64_t b) { return (a * b) >> 30; }

// The y in [0, 1] with y^5 = x, by bisection.
static uint64_t fifth_root_q30(uint64_t x) {
    uint64_t lo = 0, hi = kOne;
    for (int i = 0; i < 31; i++) {
        uint64_t mid = (lo + hi) >> 1, sq = mul_q30(mid, mid);
        if (mul_q30(mul_q30(sq, sq), mid) <= x) lo = mid;
        else hi = mid;
    }
    return lo;
}

static uint32_t gamma_code(uint32_t v, uint32_t max_code) {
    uint64_t x = v == 255 ? kOne : uint64_t(v) * 4210752u;       // v / 255 in Q30
    uint64_t light = mul_q30(mul_q30(x, x), fifth_root_q30(x));  // x^2.2
    return uint32_t((light * max_code + (kOne >> 1)) >> 30);
}

void Hub75Encoder::configure(const BcmPlan &plan, bool gamma, uint32_t brightness) {
    plan_ = plan;
    uint32_t max_code = (1u << plan.depth) - 1;
    for (uint32_t v = 0; v < 256; v++) {
        uint32_t code = gamma ? gamma_code(v, max_code) : (v * max_code + 127) / 255;
        PlaneSpread s{{0, 0, 0}};
        for (uint32_t p = 0; p < plan.depth; p++)
            if ((code >> p) & 1) s.w[p >> 2] |= 1u << (8 * (p & 3));
        for (uint32_t c = 0; c < 3; c++) spread_[c][v] = {{s.w[0] << c, s.w[1] << c, s.w[2] << c}};
    }
    const BcmPlan lit = plan_brightness(plan, brightness);
    for (uint32_t p = 0; p < plan.depth; p++) {
        WindowLight light = window_light(lit, p);
        uint32_t pad = lit.padding(p);
        on_first_[p] = light.on_start > pad ? light.on_start - pad : 0;
        on_last_[p] = light.on_end > pad ? light.on_end - pad : 0;
    }
}

// Window 0 of row r still shows the last plane of row r - 1, so it keeps that row's address.
uint16_t Hub75Encoder::address_bits(uint32_t r, uint32_t p) const {
    uint32_t a = p == 0 ? (r + plan_.rows - 1) % plan_.rows : r;
    return uint16_t(a << kAddrShift);
}

uint16_t Hub75Encoder::control(uint32_t r, uint32_t p, uint32_t x) const {
    uint16_t w = address_bits(r, p);
    if (x < on_first_[p] || x >= on_last_[p]) w |= kOe;
    if (x == plan_.cols - 1) w |= kLat;
    return w;
}

static inline void channels(const uint8_t *px, PixelFormat f, uint32_t &r, uint32_t &g, uint32_t &b) {
    if (f == PixelFormat::kRgb565) {
        uint32_t v = uint32_t(px[0]) | uint32_t(px[1]) << 8;
        uint32_t r5 = v >> 11, g6 = (v >> 5) & 0x3F, b5 = v & 0x1F;
        r = (r5 << 3) | (r5 >> 2);
        g = (g6 << 2) | (g6 >> 4);
        b = (b5 << 3) | (b5 >> 2);
    } else {
        r = px[0];
        g = px[1];
        b = px[2];
    }
}

void Hub75Encoder::encode(const uint8_t *pixels, PixelFormat format, uint16_t *frame) const {
    const uint32_t cols = plan_.cols, rows = plan_.rows, depth = plan_.depth;
    const uint32_t bpp = bytes_per_pixel(format);
    const uint32_t max_code = (1u << depth) - 1;
    const bool identity = scan_.identity() && grid_.identity();
    const uint8_t black[6] = {0, 0, 0, 0, 0, 0};  // for lines no LED is wired to
    for (uint32_t r = 0; r < rows; r++) {
        const uint8_t *upper = pixels + size_t(r) * cols * bpp;
        const uint8_t *lower = pixels + size_t(r + rows) * cols * bpp;
        uint16_t *row = frame + size_t(r) * depth * cols;
        uint16_t ctrl[BcmPlan::kMaxDepth];
        for (uint32_t p = 0; p < depth; p++) ctrl[p] = address_bits(r, p);
        for (uint32_t x = 0; x < cols; x++) {
            const uint8_t *up = upper + x * bpp, *lo = lower + x * bpp;
            if (!identity) {
                const uint32_t u = scan_.source(r, 0, x), l = scan_.source(r, 1, x);
                up = u == uint32_t(Hub75Scan::kNone) ? black : pixels + size_t(grid_.canvas_index(u)) * bpp;
                lo = l == uint32_t(Hub75Scan::kNone) ? black : pixels + size_t(grid_.canvas_index(l)) * bpp;
            }
            uint32_t planes[3];  // as PlaneSpread: plane p in byte p & 3 of planes[p >> 2]
            if (format == PixelFormat::kRgb48) {
                // Linear 16-bit light: the code is the value scaled to the depth.
                uint32_t c[6];
                for (int i = 0; i < 3; i++) {
                    const uint8_t *u = up + 2 * i, *l = lo + 2 * i;
                    c[i] = ((uint32_t(u[0]) | uint32_t(u[1]) << 8) * max_code + 32767) / 65535;
                    c[i + 3] = ((uint32_t(l[0]) | uint32_t(l[1]) << 8) * max_code + 32767) / 65535;
                }
                planes[0] = planes[1] = planes[2] = 0;
                for (uint32_t p = 0; p < depth; p++) {
                    uint32_t bits = 0;
                    for (int i = 0; i < 6; i++) bits |= ((c[i] >> p) & 1u) << i;
                    planes[p >> 2] |= bits << (8 * (p & 3));
                }
            } else {
                uint32_t r1, g1, b1, r2, g2, b2;
                channels(up, format, r1, g1, b1);
                channels(lo, format, r2, g2, b2);
                const PlaneSpread &a = spread_[0][r1], &b = spread_[1][g1], &c = spread_[2][b1];
                const PlaneSpread &d = spread_[0][r2], &e = spread_[1][g2], &f = spread_[2][b2];
                for (int k = 0; k < 3; k++)
                    planes[k] = a.w[k] | b.w[k] | c.w[k] | (d.w[k] | e.w[k] | f.w[k]) << 3;
            }
            const uint32_t i = x ^ 1u;
            for (uint32_t p = 0; p < depth; p++) {
                uint16_t rgb = uint16_t(planes[p >> 2] >> (8 * (p & 3))) & kRgbMask;
                uint16_t w = ctrl[p] | rgb;
                if (x < on_first_[p] || x >= on_last_[p]) w |= kOe;
                if (x == cols - 1) w |= kLat;
                row[p * cols + i] = w;
            }
        }
    }
}

void Hub75Encoder::restamp(uint16_t *frame) const {
    const uint32_t cols = plan_.cols;
    for (uint32_t r = 0; r < plan_.rows; r++)
        for (uint32_t p = 0; p < plan_.depth; p++) {
            uint16_t *w = frame + (size_t(r) * plan_.depth + p) * cols;
            for (uint32_t x = 0; x < cols; x++)
                w[x ^ 1u] = uint16_t((w[x ^ 1u] & kRgbMask) | control(r, p, x));
        }
}

}  // namespace upanel::core
