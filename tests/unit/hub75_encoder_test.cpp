#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "../reference/naive_hub75_encoder.h"
#include "upanel/core/hub75_encoder.h"

using namespace upanel;

TEST(Hub75Encoder, MatchesThePlainEncoderWordForWord) {
    std::mt19937 rng(7);
    for (uint32_t depth : {1u, 5u, 8u, 9u, 12u}) {
        for (uint32_t brightness : {255u, 90u}) {
            core::BcmPlan plan = core::plan_bcm(64, 16, depth);
            core::Hub75Encoder enc;
            enc.configure(plan, false, brightness);
            std::vector<uint16_t> px(64 * 32);
            for (auto &v : px) v = uint16_t(rng());
            std::vector<uint16_t> fast(enc.frame_words()), plain(enc.frame_words());
            enc.encode(reinterpret_cast<const uint8_t *>(px.data()), core::PixelFormat::kRgb565, fast.data());
            reference::naive_encode_rgb565(plan, px.data(), uint16_t(brightness), plain.data());
            ASSERT_EQ(fast, plain) << "depth " << depth << " brightness " << brightness;
        }
    }
}

TEST(Hub75Encoder, RestampKeepsColourAndSetsTheNewLight) {
    core::BcmPlan plan = core::plan_bcm(64, 16, 8);
    core::Hub75Encoder enc;
    enc.configure(plan, false, 255);
    std::vector<uint16_t> px(64 * 32, 0xF81F);
    std::vector<uint16_t> frame(enc.frame_words()), plain(enc.frame_words());
    enc.encode(reinterpret_cast<const uint8_t *>(px.data()), core::PixelFormat::kRgb565, frame.data());
    enc.configure(plan, false, 40);
    enc.restamp(frame.data());
    reference::naive_encode_rgb565(plan, px.data(), 40, plain.data());
    EXPECT_EQ(frame, plain);
}
