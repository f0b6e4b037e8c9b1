// The looping descriptor chain of one HUB75 frame (core/hub75_chain.h), checked against what
// the I2S DMA needs, computed here from the plan: every descriptor owned by the DMA, none with
// EOF (the driver puts the one EOF that marks a frame boundary where it wants it), each linked
// to the next and the last back to the first, and the bytes of one refresh in all.
#include <gtest/gtest.h>

#include <vector>

#include "upanel/core/hub75_chain.h"

using namespace upanel;

TEST(Hub75Chain, LoopsOverOneRefreshOwnedByTheDmaWithoutEof) {
    for (uint32_t depth : {1u, 8u, 12u}) {
        for (uint32_t brightness : {255u, 40u}) {
            const core::BcmPlan full = core::plan_bcm(64, 16, depth);
            const core::BcmPlan plan = core::plan_brightness(full, brightness);
            const core::Hub75ChainNeeds needs = core::hub75_chain_needs(full);
            core::Hub75ChainLayout l{};
            l.data_addr = 0x3FFB0000, l.pad_addr = 0x3FFA0000, l.desc_addr = 0x3FFC0000;
            l.dither_addr = 0x3FFA8000, l.gap_addr = 0x3FFA9000;
            l.pad_chunk = needs.pad_chunk, l.gap_chunk = needs.gap_chunk;
            const uint32_t n = core::hub75_build_chain(plan, l, nullptr);
            ASSERT_GT(n, 0u);
            ASSERT_LE(n, needs.descriptors);
            std::vector<core::LlDesc> d(n);
            ASSERT_EQ(core::hub75_build_chain(plan, l, d.data()), n);
            uint64_t bytes = 0;
            for (uint32_t i = 0; i < n; i++) {
                const uint32_t w = d[i].word0;
                EXPECT_TRUE(w >> 31) << "descriptor " << i << " is the CPU's";  // owner: DMA
                EXPECT_FALSE((w >> 30) & 1) << "descriptor " << i << " has EOF";
                const uint32_t len = (w >> 12) & 0xFFF;
                EXPECT_EQ(len % 4, 0u) << "descriptor " << i;
                bytes += len;
                const uint32_t next = i + 1 < n ? l.desc_addr + 12 * (i + 1) : l.desc_addr;
                ASSERT_EQ(d[i].next, next) << "descriptor " << i << " of " << n;
            }
            // Two bytes a clock: every window of every row and the gap, once per refresh of
            // the dither cycle.
            EXPECT_EQ(bytes, 2ull * plan.clocks_per_refresh() * plan.refreshes()) << "depth " << depth;
        }
    }
}
