#include "upanel/core/bcm_plan.h"

namespace upanel::core {

static uint32_t round_up_even(uint32_t n) { return (n + 1) & ~1u; }

uint32_t BcmPlan::clocks_per_row() const {
    uint32_t n = 0;
    for (uint32_t p = 0; p < depth; p++) n += window[p];
    return n;
}

uint32_t BcmPlan::max_padding() const {
    uint32_t m = 0;
    for (uint32_t p = 0; p < depth; p++) m = padding(p) > m ? padding(p) : m;
    return m;
}

uint64_t bcm_div64(uint64_t n, uint32_t d) {
    // Long division a bit at a time, with constant shifts only (no 64-bit shift helpers).
    uint64_t q = 0, r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | (n >> 63);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
    }
    return q;
}

static BcmPlan plan_with_quarters(const BcmPlan &base, uint32_t unit, uint32_t quarters) {
    BcmPlan plan;
    plan.blank = base.blank;
    plan.cols = base.cols;
    plan.rows = base.rows;
    plan.depth = base.depth;
    plan.unit = unit;
    plan.quarters = quarters;
    for (uint32_t p = 0; p < plan.depth; p++) {
        // The blanking after the window's start (or the dither slot, which holds it) rounded
        // up: the light starts on an even clock.
        uint32_t slot = plan.dither_slot(p);
        uint32_t need =
            (slot ? slot : round_up_even(plan.blank)) + plan.lit(plan.shown_plane(p)) + plan.blank;
        plan.window[p] = round_up_even(need > plan.cols + slot ? need : plan.cols + slot);
    }
    return plan;
}

BcmPlan plan_bcm(uint32_t cols, uint32_t rows, uint32_t depth, uint32_t min_duty_percent, uint32_t blank) {
    BcmPlan base;
    base.cols = cols;
    base.rows = rows;
    base.depth = depth;
    base.blank = blank;
    BcmPlan plan = plan_with_quarters(base, 1, 4);
    for (uint32_t unit = 2; unit <= cols; unit++) {
        if (uint64_t(plan.lit_clocks_per_row()) * 100 >= uint64_t(plan.clocks_per_row()) * min_duty_percent) {
            break;
        }
        plan = plan_with_quarters(base, unit, 4 * unit);
    }
    return plan;
}

BcmPlan plan_brightness(const BcmPlan &full, uint32_t brightness) {
    if (brightness >= 255) return full;
    if (brightness == 0) return plan_with_quarters(full, full.unit, 0);
    const uint32_t q0 = full.quarters;
    const uint64_t r0 = full.clocks_per_refresh();
    BcmPlan plan;
    uint64_t refresh;
    if (uint64_t(q0) * brightness < 255) {
        // Below the knee: a quarter clock, and the smallest refresh (even clocks) with
        // refresh^2 * q0 * b >= r0^2 * 255, so light and refresh rate go with sqrt(b).
        plan = plan_with_quarters(full, full.unit, 1);
        const uint64_t target = r0 * r0 * 255;
        uint64_t lo = r0, hi = r0 * 16;  // b >= 1 and q0 * b < 255 keep sqrt(255 / (q0 b)) below 16
        while (lo < hi) {
            uint64_t mid = (lo + hi) / 2;
            if (mid * mid * q0 * brightness >= target) hi = mid;
            else lo = mid + 1;
        }
        refresh = lo;
    } else {
        for (uint32_t q = 1;; q++) {
            plan = plan_with_quarters(full, full.unit, q);
            refresh = bcm_div64(r0 * q * 255 + uint64_t(q0) * brightness / 2, q0 * brightness);
            if (refresh >= plan.clocks_per_refresh() || q >= q0) break;
        }
    }
    refresh = (refresh + 1) & ~uint64_t(1);
    const uint32_t bare = plan.clocks_per_refresh();
    plan.gap = refresh > bare ? uint32_t(refresh - bare) : 0;
    return plan;
}

WindowLight window_light(const BcmPlan &plan, uint32_t p) {
    uint32_t lit = plan.lit(plan.shown_plane(p));
    uint32_t end = plan.window[p] - plan.blank;
    uint32_t start = (end - lit) & ~1u;
    return {start, start + lit};
}

}  // namespace upanel::core
