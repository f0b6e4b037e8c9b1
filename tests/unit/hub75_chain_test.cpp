// The looping descriptor chain of one HUB75 frame (core/hub75_chain.h), checked against what
// the I2S DMA needs, computed here from the plan: every descriptor owned by the DMA, none with
// EOF (the driver puts the one EOF that marks a frame boundary where it wants it), each linked
// to the next and the last back to the first, and the bytes of one refresh in all.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "upanel/core/hub75_chain.h"

using namespace upanel;

TEST(Hub75Chain, LoopsOverOneRefreshOwnedByTheDmaWithoutEof) {
    for (uint32_t depth : {1u, 8u, 12u}) {
        for (uint32_t brightness : {255u, 40u}) {
            const core::BcmPlan full = core::plan_bcm(64, 16, depth);
            const core::BcmPlan plan = core::plan_brightness(full, brightness);
            const core::Hub75ChainNeeds needs = core::hub75_chain_needs(full, 2);
            core::Hub75ChainLayout l{};
            l.data_addr = 0x3FFB0000, l.pad_addr = 0x3FFA0000;
            l.dither_addr = 0x3FFA8000, l.gap_addr = 0x3FFA9000;
            l.pad_chunk = needs.pad_chunk, l.gap_chunk = needs.gap_chunk;
            const uint32_t n = core::hub75_build_chain(plan, l);
            ASSERT_GT(n, 0u);
            ASSERT_LE(n, needs.descriptors);
            // Three blocks at unrelated addresses: one descriptor, a third, the rest.
            std::vector<core::LlDesc> d(n);
            const uint32_t first = 1, second = n / 3;
            const core::Hub75DescBlock blocks[] = {{&d[0], 0x3FFC0000, first},
                                                   {&d[first], 0x3FFD0000, second},
                                                   {&d[first + second], 0x3FFC8000, n - first - second}};
            auto addr = [&](uint32_t i) {
                return i < first            ? 0x3FFC0000 + 12 * i
                       : i < first + second ? 0x3FFD0000 + 12 * (i - first)
                                            : 0x3FFC8000 + 12 * (i - first - second);
            };
            if (n - first - second) EXPECT_EQ(core::hub75_build_chain(plan, l, blocks, 2), 0u) << "too few";
            ASSERT_EQ(core::hub75_build_chain(plan, l, blocks, 3), n);
            uint64_t bytes = 0;
            for (uint32_t i = 0; i < n; i++) {
                const uint32_t w = d[i].word0;
                EXPECT_TRUE(w >> 31) << "descriptor " << i << " is the CPU's";  // owner: DMA
                EXPECT_FALSE((w >> 30) & 1) << "descriptor " << i << " has EOF";
                const uint32_t len = (w >> 12) & 0xFFF;
                EXPECT_EQ(len % 4, 0u) << "descriptor " << i;
                bytes += len;
                ASSERT_EQ(d[i].next, addr((i + 1) % n)) << "descriptor " << i << " of " << n;
            }
            // Two bytes a clock: every window of every row and the gap, once per refresh of
            // the dither cycle.
            EXPECT_EQ(bytes, 2ull * plan.clocks_per_refresh() * plan.refreshes()) << "depth " << depth;
        }
    }
}

// The idle words' chunk is chosen for the fewest bytes at the worst brightness: never more than
// with one chunk as long as the longest padding, and room for every brightness's chain.
TEST(Hub75Chain, NeedsHoldEveryBrightnessInNoMoreBytesThanTheLongestPadding) {
    for (uint32_t depth : {4u, 8u, 12u}) {
        for (uint32_t cols : {64u, 128u}) {
            const core::BcmPlan full = core::plan_bcm(cols, 16, depth);
            const core::Hub75ChainNeeds needs = core::hub75_chain_needs(full, 2);
            uint32_t longest = 0;
            for (uint32_t b = 0; b <= 255; b++) {
                const core::BcmPlan plan = core::plan_brightness(full, b);
                for (uint32_t p = 0; p < depth; p++)
                    longest = std::max(longest, plan.padding(p) - plan.dither_slot(p));
            }
            core::Hub75ChainLayout chosen{0x10000000, 0x20000000, needs.pad_chunk,
                                          0x40000000, 0x50000000, needs.gap_chunk};
            core::Hub75ChainLayout plain = chosen;
            plain.pad_chunk = std::min(longest, 512u);
            uint32_t worst_plain = 0;
            for (uint32_t b = 0; b <= 255; b++) {
                const core::BcmPlan plan = core::plan_brightness(full, b);
                EXPECT_LE(core::hub75_build_chain(plan, chosen), needs.descriptors) << "brightness " << b;
                worst_plain = std::max(worst_plain, core::hub75_build_chain(plan, plain));
            }
            const uint32_t bytes = 16 * 4 * needs.pad_chunk + 2 * 12 * needs.descriptors;
            EXPECT_LE(bytes, 16 * 4 * plain.pad_chunk + 2 * 12 * worst_plain)
                << cols << " columns, depth " << depth;
        }
    }
}
