// The emulated I2S DMA engine keeps the rules of the TRM: descriptors word aligned in DMA RAM,
// lengths in whole words, CPU-owned descriptors refused when owner checking is on, EOF
// reported with the descriptor's address, a chain ending at next = 0 stops.
#include <gtest/gtest.h>

#include <cstring>

#include "upanel/core/lldesc.h"
#include "upanel/emu/board.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/i2s_ll.h"

using namespace upanel;

namespace {
// I2S1's clock and reset, as the TRM numbers them (DPORT_PERIP_CLK_EN_REG and
// DPORT_PERIP_RST_EN_REG, bit 21): written here by number, not through the register layer's
// constant, so that a wrong constant there fails these tests too.
constexpr uint32_t kPeripClkEn = 0x3FF000C0, kPeripRstEn = 0x3FF000C4, kI2s1Bit = 1u << 21;

void i2s1_clock(emu::Board &board, bool on) {
    board.write32(kPeripClkEn,
                  on ? board.read32(kPeripClkEn) | kI2s1Bit : board.read32(kPeripClkEn) & ~kI2s1Bit);
    board.write32(kPeripRstEn,
                  on ? board.read32(kPeripRstEn) & ~kI2s1Bit : board.read32(kPeripRstEn) | kI2s1Bit);
}
}  // namespace

class I2sDma : public ::testing::Test {
  protected:
    void SetUp() override {
        upanel_host_bus_current = board.host_bus();
        i2s1_clock(board, true);
        ll::i2s_ll_reset(1);
        ll::i2s_ll_lcd_tx_16bit(1);
        ll::i2s_ll_set_clock(1, 2, 0, 1, 2);
        buf = static_cast<uint8_t *>(board.dram().alloc(64));
        desc = static_cast<core::LlDesc *>(board.dram().alloc(2 * sizeof(core::LlDesc)));
    }
    void TearDown() override { upanel_host_bus_current = nullptr; }
    uint32_t addr(const void *p) { return board.dram().chip_addr(p); }
    void start() {
        ll::i2s_ll_start_out_link(1, addr(desc));
        ll::i2s_ll_tx_start(1);
        board.run_for(100 * emu::kPicosPerUs);
    }
    uint32_t raw() { return ll::i2s_ll_read(1, ll::detail::i2s_reg::kIntRaw); }

    emu::Board board;
    uint8_t *buf = nullptr;
    core::LlDesc *desc = nullptr;
};

TEST_F(I2sDma, EofReportsTheDescriptorAndAChainEndingInNullStops) {
    desc[0] = {core::lldesc_word0(64, 64, true, true), addr(buf), 0};
    start();
    EXPECT_TRUE(raw() & ll::detail::i2s_reg::kIntOutEof);
    EXPECT_TRUE(raw() & (1u << 16));  // out_total_eof
    EXPECT_EQ(ll::i2s_ll_out_eof_desc(1), addr(desc));
    EXPECT_TRUE(board.faults().empty());
}

TEST_F(I2sDma, ALengthThatIsNotWholeWordsIsRefused) {
    desc[0] = {core::lldesc_word0(64, 62, true, true), addr(buf), 0};
    start();
    EXPECT_TRUE(raw() & (1u << 14));  // out_dscr_err
    EXPECT_FALSE(raw() & ll::detail::i2s_reg::kIntOutEof);
    ASSERT_FALSE(board.faults().empty());
}

TEST_F(I2sDma, ABufferOutsideDmaRamIsRefused) {
    desc[0] = {core::lldesc_word0(64, 64, true, true), 0x3F800000, 0};  // PSRAM
    start();
    EXPECT_TRUE(raw() & (1u << 14));
    EXPECT_NE(board.faults().front().find("outside"), std::string::npos);
}

TEST_F(I2sDma, CpuOwnedDescriptorsAreRefusedWhenOwnerIsChecked) {
    desc[0] = {core::lldesc_word0(64, 64, true, false), addr(buf), 0};
    ll::i2s_ll_write(1, ll::detail::i2s_reg::kLcConf,
                     ll::i2s_ll_read(1, ll::detail::i2s_reg::kLcConf) | (1u << 12));
    start();
    EXPECT_TRUE(raw() & (1u << 14));
}

TEST_F(I2sDma, AutoWritebackHandsALoopingChainBackToTheCpu) {
    // With out_auto_wrback the engine clears owner after use, so a loop dies on its second
    // pass when owner checking is on: why the HUB75 driver leaves write-back off.
    desc[0] = {core::lldesc_word0(64, 64, false, true), addr(buf), addr(desc)};
    ll::i2s_ll_write(1, ll::detail::i2s_reg::kLcConf,
                     ll::i2s_ll_read(1, ll::detail::i2s_reg::kLcConf) | (1u << 12) | (1u << 6));
    start();
    EXPECT_FALSE(core::lldesc_owner_dma(desc[0].word0));
    EXPECT_TRUE(raw() & (1u << 14));
}

TEST(DportBits, TheRegisterLayerAndTheEmulatorAgreeWithTheTrm) {
    // DPORT_PERIP_CLK_EN_REG: I2S0 bit 4, I2S1 bit 21, SPI2 (HSPI) bit 6, SPI3 (VSPI) bit 16,
    // SPI_DMA bit 22.
    EXPECT_EQ(ll::kDportBitI2s[0], 4u);
    EXPECT_EQ(ll::kDportBitI2s[1], 21u);
    EXPECT_EQ(emu::Dport::kBitI2s0, 4u);
    EXPECT_EQ(emu::Dport::kBitI2s1, 21u);
    EXPECT_EQ(emu::Dport::kBitSpi2, 6u);
    EXPECT_EQ(emu::Dport::kBitSpi3, 16u);
    EXPECT_EQ(emu::Dport::kBitSpiDma, 22u);
    EXPECT_EQ(ll::kDportPeripClkEn, kPeripClkEn);
    EXPECT_EQ(ll::kDportPeripRstEn, kPeripRstEn);
}

TEST_F(I2sDma, RegistersIgnoreWritesWhileTheClockIsGated) {
    i2s1_clock(board, false);
    ll::i2s_ll_write(1, ll::detail::i2s_reg::kClkmConf, 0x123);
    i2s1_clock(board, true);
    EXPECT_NE(ll::i2s_ll_read(1, ll::detail::i2s_reg::kClkmConf), 0x123u);
}

TEST_F(I2sDma, PixelClockFollowsTheDividers) {
    EXPECT_EQ(board.i2s(1).sample_period(), 50'000u);  // 160 MHz / 2 / 2 / 2 = 20 MHz
    ll::i2s_ll_set_clock(1, 4, 1, 2, 3);               // 160 MHz / 4.5 / 3 / 2
    EXPECT_EQ(board.i2s(1).sample_period(), 168'750u);
    ll::i2s_ll_set_clock(1, 1, 0, 1, 2);  // N below 2: no clock
    EXPECT_EQ(board.i2s(1).sample_period(), 0u);
}

// The dividers for a pixel clock, worked by hand from 40 MHz / (N + b/a), a = 63.
TEST(I2sLcdClock, DividersForAPixelClock) {
    constexpr ll::I2sClock c20 = ll::i2s_ll_lcd_clock(20'000'000);
    EXPECT_EQ(c20.n, 2u);
    EXPECT_EQ(c20.b, 0u);
    // 16 MHz: 40 / 16 = 2.5, b = round(0.5 * 63) = 32 (of 31.5): 40 MHz * 63 / 158.
    constexpr ll::I2sClock c16 = ll::i2s_ll_lcd_clock(16'000'000);
    EXPECT_EQ(c16.n, 2u);
    EXPECT_EQ(c16.b, 32u);
    EXPECT_EQ(ll::i2s_ll_lcd_clock_hz(c16), 15'949'367u);
    // 13.4 MHz: 2.985..., b = round(0.985 * 63) = 62.06 -> 62, not yet the next whole N.
    EXPECT_EQ(ll::i2s_ll_lcd_clock(13'400'000).n, 2u);
    EXPECT_EQ(ll::i2s_ll_lcd_clock(13'400'000).b, 62u);
    // 13.35 MHz: b rounds to 63: N = 3, b = 0.
    EXPECT_EQ(ll::i2s_ll_lcd_clock(13'350'000).n, 3u);
    EXPECT_EQ(ll::i2s_ll_lcd_clock(13'350'000).b, 0u);
    // N outside 2..255: no dividers.
    EXPECT_EQ(ll::i2s_ll_lcd_clock(25'000'000).n, 0u);
    EXPECT_EQ(ll::i2s_ll_lcd_clock(150'000).n, 0u);
    EXPECT_EQ(ll::i2s_ll_lcd_clock(0).n, 0u);
}

TEST_F(I2sDma, TheLcdClockReachesThePixelRate) {
    ll::i2s_ll_set_lcd_clock(1, ll::i2s_ll_lcd_clock(10'000'000));
    EXPECT_EQ(board.i2s(1).sample_period(), 100'000u);  // ps: 10 MHz
}
