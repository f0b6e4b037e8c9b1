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

static BcmPlan plan_with_unit(uint32_t cols, uint32_t rows, uint32_t depth, uint32_t unit, uint32_t blank) {
    BcmPlan plan;
    plan.blank = blank;
    plan.cols = cols;
    plan.rows = rows;
    plan.depth = depth;
    plan.unit = unit;
    for (uint32_t p = 0; p < depth; p++) {
        // The blanking after the window's start rounded up: the light starts on an even clock.
        uint32_t need = round_up_even(blank) + plan.lit(plan.shown_plane(p)) + blank;
        plan.window[p] = round_up_even(need > cols ? need : cols);
    }
    return plan;
}

BcmPlan plan_bcm(uint32_t cols, uint32_t rows, uint32_t depth, uint32_t min_duty_percent, uint32_t blank) {
    BcmPlan plan = plan_with_unit(cols, rows, depth, 1, blank);
    for (uint32_t unit = 2; unit <= cols; unit++) {
        if (uint64_t(plan.lit_clocks_per_row()) * 100 >= uint64_t(plan.clocks_per_row()) * min_duty_percent) {
            break;
        }
        plan = plan_with_unit(cols, rows, depth, unit, blank);
    }
    return plan;
}

WindowLight window_light(const BcmPlan &plan, uint32_t p, uint32_t brightness) {
    uint32_t full = plan.lit(plan.shown_plane(p));
    uint32_t lit = (full * brightness + 127) / 255;
    uint32_t end = plan.window[p] - plan.blank;
    uint32_t start = (end - lit) & ~1u;
    return {start, start + lit};
}

}  // namespace upanel::core
