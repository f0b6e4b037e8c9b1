// Linear descriptor chains (core/lldesc.h) against the lldesc_t layout worked by hand: word 0
// is size:12 | length:12 << 12 | eof << 30 | owner << 31.
#include <gtest/gtest.h>

#include "upanel/core/lldesc.h"

using upanel::core::LlDesc;
using upanel::core::lldesc_chain;
using upanel::core::lldesc_count;
using upanel::core::LlDescChain;

TEST(LlDescChain, SplitsAtFourThousandNinetyTwoBytesAndEndsWithEof) {
    LlDesc d[4] = {};
    // 10,000 bytes: 4092 + 4092 + 1816; the descriptors at 0x3FFB0000, the data at 0x3FFC0000.
    ASSERT_EQ(lldesc_chain(d, 0x3FFB0000, 0x3FFC0000, 10000, LlDescChain::kSend), 3u);
    EXPECT_EQ(lldesc_count(10000), 3u);
    EXPECT_EQ(d[0].word0, 0x80000000u | (4092u << 12) | 4092u);
    EXPECT_EQ(d[1].word0, 0x80000000u | (4092u << 12) | 4092u);
    EXPECT_EQ(d[2].word0, 0xC0000000u | (1816u << 12) | 1816u);
    EXPECT_EQ(d[0].buf, 0x3FFC0000u);
    EXPECT_EQ(d[1].buf, 0x3FFC0FFCu);
    EXPECT_EQ(d[2].buf, 0x3FFC1FF8u);
    EXPECT_EQ(d[0].next, 0x3FFB000Cu);
    EXPECT_EQ(d[1].next, 0x3FFB0018u);
    EXPECT_EQ(d[2].next, 0u);
    EXPECT_EQ(d[3].word0, 0u);  // nothing written past the chain
}

TEST(LlDescChain, OddLengthsRoundTheSizeUpToAWordAndRepeatSendsTheSameBytes) {
    LlDesc d[3] = {};
    ASSERT_EQ(lldesc_chain(d, 0x3FFB0100, 0x3FFC0000, 8190, LlDescChain::kSendRepeat), 3u);
    EXPECT_EQ(d[2].word0, 0xC0000000u | (6u << 12) | 8u);  // 6 bytes in an 8-byte buffer
    for (const LlDesc &x : d) EXPECT_EQ(x.buf, 0x3FFC0000u);
    EXPECT_EQ(lldesc_chain(d, 0x3FFB0100, 0x3FFC0000, 0, LlDescChain::kSend), 0u);
    EXPECT_EQ(lldesc_count(4092), 1u);
    EXPECT_EQ(lldesc_count(4093), 2u);
    // Receiving 6 bytes: the engine writes whole words, so the length is 8 as well.
    ASSERT_EQ(lldesc_chain(d, 0x3FFB0100, 0x3FFC0000, 6, LlDescChain::kReceive), 1u);
    EXPECT_EQ(d[0].word0, 0xC0000000u | (8u << 12) | 8u);
}
