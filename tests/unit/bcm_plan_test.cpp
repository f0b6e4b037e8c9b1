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
