// The emulated DMA-capable heap's own books: free memory holds 0xFE (ESP-IDF's poisoning
// fill), check() finds a write into it, the low mark of free memory, block sizes and the walk.
#include <gtest/gtest.h>

#include <vector>

#include "upanel/emu/dram.h"

using upanel::emu::Dram;

TEST(DramHeap, FreeMemoryHoldsTheFreeFillAndCheckFindsWritesIntoIt) {
    Dram d(4096);
    EXPECT_EQ(*d.host(Dram::kHeapBase), 0xFE);
    EXPECT_EQ(d.min_free(), 4096u);
    auto *a = static_cast<uint8_t *>(d.alloc(10));
    auto *b = static_cast<uint8_t *>(d.alloc(100));
    EXPECT_EQ(a[0], 0) << "blocks come zeroed";
    EXPECT_EQ(d.block_size(a), 12u) << "whole words";
    EXPECT_EQ(d.block_size(a + 4), 0u);
    EXPECT_EQ(d.min_free(), 4096u - 112);
    d.free(a);
    EXPECT_EQ(a[5], 0xFE);
    EXPECT_EQ(d.min_free(), 4096u - 112) << "the low mark stays";
    std::string why;
    EXPECT_TRUE(d.check(&why)) << why;
    a[5] = 1;
    EXPECT_FALSE(d.check(&why));
    EXPECT_EQ(why, "free memory written at 0x3FFB0005");
    a[5] = 0xFE;
    b[99] = 7;  // its own block: fine
    EXPECT_TRUE(d.check());
    std::vector<std::tuple<uint32_t, uint32_t, bool>> blocks;
    d.each_block([&](uint32_t addr, uint32_t size, bool used) { blocks.emplace_back(addr, size, used); });
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[0], std::make_tuple(Dram::kHeapBase, 12u, false));
    EXPECT_EQ(blocks[1], std::make_tuple(Dram::kHeapBase + 12, 100u, true));
    EXPECT_EQ(blocks[2], std::make_tuple(Dram::kHeapBase + 112, 4096u - 112, false));
    EXPECT_EQ(d.used_blocks(), 1u);
    EXPECT_EQ(d.free_blocks(), 2u);
    d.free(b);
    EXPECT_EQ(d.free_blocks(), 1u) << "merged";
    EXPECT_TRUE(d.check());
}
