#include <gtest/gtest.h>

#include "upanel/core/bcm_plan.h"

using namespace upanel::core;

TEST(BcmPlan, EveryPlaneGetsTwiceTheLightOfThePlaneBelow) {
    BcmPlan p = plan_bcm(64, 16, 8);
    for (uint32_t q = 1; q < p.depth; q++) EXPECT_EQ(p.lit(q), 2 * p.lit(q - 1));
}

TEST(BcmPlan, WindowsHoldTheShiftAndTheLightWithBlanking) {
    for (uint32_t depth = 1; depth <= 12; depth++) {
        BcmPlan p = plan_bcm(64, 16, depth);
        for (uint32_t w = 0; w < depth; w++) {
            EXPECT_GE(p.window[w], p.cols);
            EXPECT_GE(p.window[w], p.lit(p.shown_plane(w)) + 2 + 2);
            EXPECT_EQ(p.window[w] % 2, 0u);
        }
    }
}

TEST(BcmPlan, ReachesSixtyPercentDutyAtDepth8On64Columns) {
    BcmPlan p = plan_bcm(64, 16, 8);
    double duty = double(p.lit_clocks_per_row()) / p.clocks_per_row();
    EXPECT_GE(duty, 0.60);
    // And stays near the bus limit of rows x planes x columns clocks.
    EXPECT_LT(p.clocks_per_refresh(), 16u * 8 * 64 * 16 / 10);
}

TEST(BcmPlan, FullBrightnessLightsExactlyTheUnitTimesTwoToThePlane) {
    BcmPlan p = plan_bcm(64, 16, 6);
    for (uint32_t w = 0; w < p.depth; w++) {
        WindowLight l = window_light(p, w);
        EXPECT_EQ(l.on_end - l.on_start, p.lit(p.shown_plane(w)));
        EXPECT_GE(l.on_start, 2u);
        EXPECT_LE(l.on_end, p.window[w] - 2);
        EXPECT_EQ(l.on_start % 2, 0u);
    }
}

// latch_blanking: OE stays off that many clocks after each window starts and before its LAT
// (LAT included), odd counts too, at any depth and brightness.
TEST(BcmPlan, BlankingKeepsTheLightClearOfLatchAndRowSwitch) {
    for (uint32_t blank : {0u, 1u, 3u, 5u, 16u}) {
        for (uint32_t depth : {1u, 4u, 8u}) {
            BcmPlan p = plan_bcm(32, 8, depth, BcmPlan::kDefaultMinDuty, blank);
            for (uint32_t w = 0; w < depth; w++) {
                for (uint32_t b : {1u, 128u, 255u}) {
                    const BcmPlan at = plan_brightness(p, b);
                    WindowLight l = window_light(at, w);
                    EXPECT_GE(l.on_start, blank) << blank << " " << depth << " " << w;
                    EXPECT_LE(l.on_end + blank, at.window[w]) << blank << " " << depth << " " << w;
                }
                EXPECT_EQ(window_light(p, w).on_end - window_light(p, w).on_start, p.lit(p.shown_plane(w)));
            }
        }
    }
}

TEST(BcmPlan, ZeroBrightnessLightsNothing) {
    BcmPlan p = plan_bcm(64, 16, 8);
    for (uint32_t w = 0; w < p.depth; w++) {
        WindowLight l = window_light(plan_brightness(p, 0), w);
        EXPECT_EQ(l.on_end, l.on_start);
    }
}

// Summed over the dither cycle, every plane gets exactly twice the light of the plane below at
// every brightness, and plane 0 at least a quarter clock a refresh: no level is lost.
TEST(BcmPlan, EveryBrightnessKeepsTheWeightsOverTheDitherCycle) {
    struct Geometry {
        uint32_t cols, rows, depth, blank;
    };
    for (Geometry g :
         {Geometry{64, 16, 8, 2}, Geometry{32, 8, 6, 3}, Geometry{256, 16, 8, 0}, Geometry{64, 32, 12, 2}}) {
        const BcmPlan full = plan_bcm(g.cols, g.rows, g.depth, BcmPlan::kDefaultMinDuty, g.blank);
        for (uint32_t b = 1; b <= 255; b++) {
            const BcmPlan at = plan_brightness(full, b);
            uint32_t below = 0;
            for (uint32_t q = 0; q < g.depth; q++) {
                uint32_t sum = 0;  // clocks over 4 refreshes, whatever the cycle's length
                for (uint32_t k = 0; k < 4; k++) sum += at.lit(q) + at.extra(q, k % at.refreshes());
                if (q == 0) EXPECT_GE(sum, 1u) << "brightness " << b;
                else EXPECT_EQ(sum, 2 * below) << "brightness " << b << " plane " << q;
                below = sum;
            }
            for (uint32_t w = 0; w < g.depth; w++) {
                WindowLight l = window_light(at, w);
                EXPECT_GE(l.on_start, at.dither_slot(w) ? at.dither_slot(w) : g.blank) << b << " " << w;
                EXPECT_LE(l.on_end + g.blank, at.window[w]) << b << " " << w;
                EXPECT_GE(at.window[w], g.cols + at.dither_slot(w));
            }
            EXPECT_EQ(at.gap % 2, 0u);
        }
    }
}

// Full white's duty (lit share of the refresh) falls with every step of brightness, in
// proportion down to the knee (plane 0 at a quarter clock at the full refresh rate); a 64x32
// panel (64 columns, 16 row addresses) at depth 8 keeps 1,000 Hz at 20 MHz (20,000 clocks a
// refresh) down to brightness 16.
TEST(BcmPlan, DutyFollowsBrightnessAndTheRefreshHoldsToSixteen) {
    const BcmPlan full = plan_bcm(64, 16, 8);
    auto duty = [](const BcmPlan &p) {
        return double(p.lit_quarters_per_row()) * p.rows / 4 / p.clocks_per_refresh();
    };
    const double d255 = duty(full);
    const uint32_t knee = 255 / full.quarters + 1;
    double last = 0;
    for (uint32_t b = 1; b <= 255; b++) {
        const BcmPlan at = plan_brightness(full, b);
        EXPECT_GT(duty(at), last) << "brightness " << b;
        last = duty(at);
        if (b >= knee) EXPECT_NEAR(duty(at) / d255, b / 255.0, 0.005) << "brightness " << b;
        if (b >= 16) EXPECT_LE(at.clocks_per_refresh(), 20000u) << "brightness " << b;
    }
}
