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
            EXPECT_GE(p.window[w], p.lit(p.shown_plane(w)) + BcmPlan::kBlankAfterLatch +
                                       BcmPlan::kBlankBeforeLatch);
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
        WindowLight l = window_light(p, w, 255);
        EXPECT_EQ(l.on_end - l.on_start, p.lit(p.shown_plane(w)));
        EXPECT_GE(l.on_start, BcmPlan::kBlankAfterLatch);
        EXPECT_LE(l.on_end, p.window[w] - BcmPlan::kBlankBeforeLatch);
        EXPECT_EQ(l.on_start % 2, 0u);
    }
}

TEST(BcmPlan, ZeroBrightnessLightsNothing) {
    BcmPlan p = plan_bcm(64, 16, 8);
    for (uint32_t w = 0; w < p.depth; w++) {
        WindowLight l = window_light(p, w, 0);
        EXPECT_EQ(l.on_end, l.on_start);
    }
}
