// The HUB75 driver on the emulated board: pictures compared with what the panel should show,
// computed here from the pixels, not by the code under test.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hub75_matrix.h"
#include "upanel/emu/board.h"

using namespace upanel;

class Hub75OnBoard : public ::testing::Test {
  protected:
    void SetUp() override { upanel_host_bus_current = board.host_bus(); }
    void TearDown() override {
        matrix.deinit();
        upanel_host_bus_current = nullptr;
    }
    std::vector<float> light() { return board.hub75()->light(true, board.now()); }

    emu::Board board;
    hub75::Matrix matrix;
};

// The register layer never picks a board: with none handed to it, a driver says it is not
// active and no board appears behind the test's back.
TEST(Hub75WithoutBoard, InitSaysNotActive) {
    ASSERT_EQ(upanel_host_bus_current, nullptr);
    hub75::Matrix m;
    EXPECT_EQ(m.init(hub75::Config{}), hub75::Status::kNotActive);
    EXPECT_EQ(upanel_host_bus_current, nullptr);
}

static uint16_t rgb565(int r, int g, int b) { return uint16_t((r >> 3) << 11 | (g >> 2) << 5 | (b >> 3)); }

TEST_F(Hub75OnBoard, ShowsEachPixelAtItsPlaceAndColour) {
    hub75::Config cfg;
    cfg.gamma = false;
    ASSERT_EQ(matrix.init(cfg), hub75::Status::kOk);
    std::vector<uint16_t> px(64 * 32, 0);
    px[0] = rgb565(255, 0, 0);  // upper half
    px[5 * 64 + 7] = rgb565(0, 255, 0);
    px[20 * 64 + 63] = rgb565(0, 0, 255);  // lower half
    px[31 * 64 + 1] = rgb565(255, 255, 255);
    ASSERT_EQ(matrix.show(reinterpret_cast<uint8_t *>(px.data()), 64 * 32 * 2, core::PixelFormat::kRgb565),
              hub75::Status::kOk);
    board.run_for(20 * emu::kPicosPerMs);
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
    std::vector<float> l = light();
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < 64; x++) {
            uint16_t v = px[y * 64 + x];
            float want[3] = {(v >> 11) ? 1.0f : 0.0f, ((v >> 5) & 63) ? 1.0f : 0.0f, (v & 31) ? 1.0f : 0.0f};
            for (int c = 0; c < 3; c++)
                ASSERT_NEAR(l[(y * 64 + x) * 3 + c], want[c], 0.01) << x << "," << y << " c" << c;
        }
    auto st = board.hub75()->stats();
    EXPECT_GT(st.refresh_hz, 1500);
    EXPECT_GT(st.oe_duty, 0.6);
    EXPECT_EQ(st.ghost, 0.0);
}

TEST_F(Hub75OnBoard, GammaLightFollowsTheCurveWithinHalfALevel) {
    // RGB888 red ramps, gamma on: each LED's light (relative to full red) must be within half
    // a level of (v / 255)^2.2 at depth 8, computed here in floating point.
    hub75::Config cfg;
    cfg.gamma = true;
    ASSERT_EQ(matrix.init(cfg), hub75::Status::kOk);
    std::vector<uint8_t> px(64 * 32 * 3, 0);
    for (int i = 0; i < 64 * 32; i++) px[i * 3] = uint8_t(i % 256);  // every value, 8 times
    ASSERT_EQ(matrix.show(px.data(), uint32_t(px.size()), core::PixelFormat::kRgb888), hub75::Status::kOk);
    board.run_for(20 * emu::kPicosPerMs);
    std::vector<float> l = light();
    const float full = l[255 * 3];
    ASSERT_GT(full, 0.5f);
    for (int v = 0; v < 256; v++) {
        const double want = std::pow(v / 255.0, 2.2) * 255.0;  // in levels of depth 8
        const double got = double(l[v * 3]) / double(full) * 255.0;
        ASSERT_NEAR(got, want, 0.5 + 1e-3) << "v " << v;
    }
}

TEST_F(Hub75OnBoard, WithoutTheI2sClockInDportThePanelStaysDark) {
    hub75::Config cfg;
    ASSERT_EQ(matrix.init(cfg), hub75::Status::kOk);
    // Gate I2S1 again behind the driver's back, as a driver that forgot the clock would.
    board.write32(0x3FF000C0, board.read32(0x3FF000C0) & ~(1u << 21));
    std::vector<uint16_t> px(64 * 32, 0xFFFF);
    matrix.show(reinterpret_cast<uint8_t *>(px.data()), 64 * 32 * 2, core::PixelFormat::kRgb565);
    board.run_for(20 * emu::kPicosPerMs);
    std::vector<float> l = board.hub75()->light(false, board.now());
    float sum = 0;
    for (float v : l) sum += v;
    EXPECT_EQ(sum, 0.0f);
}

// A gated I2S clock: no end-of-frame ever comes. The next show() gives up after a few
// refresh periods of virtual time, not at once and not never, and leaves the board as a
// failed init() does: nothing allocated, no interrupt, the unit's clock off, OE high.
TEST_F(Hub75OnBoard, AGatedClockFailsTheNextShowInAFewRefreshPeriodsAndShutsDown) {
    const size_t free0 = board.dram().heap_free();
    hub75::Config cfg;
    ASSERT_EQ(matrix.init(cfg), hub75::Status::kOk);
    board.run_for(20 * emu::kPicosPerMs);
    const double period_ms = 1e3 / board.hub75()->stats().refresh_hz;  // as the panel sees it
    ASSERT_GT(period_ms, 0.1);
    board.write32(0x3FF000C0, board.read32(0x3FF000C0) & ~(1u << 21));  // I2S1 (TRM)
    std::vector<uint16_t> px(64 * 32, 0xFFFF);
    const auto *p = reinterpret_cast<const uint8_t *>(px.data());
    ASSERT_EQ(matrix.show(p, 64 * 32 * 2, core::PixelFormat::kRgb565), hub75::Status::kOk);
    const emu::Picos t0 = board.now();
    EXPECT_EQ(matrix.show(p, 64 * 32 * 2, core::PixelFormat::kRgb565), hub75::Status::kNoEndOfFrame);
    const double waited_ms = double(board.now() - t0) / emu::kPicosPerMs;
    EXPECT_GE(waited_ms, 2 * period_ms);  // a few periods: latency may delay a good swap
    EXPECT_LT(waited_ms, 4 * period_ms + 5);
    EXPECT_FALSE(matrix.active());
    EXPECT_EQ(board.dram().heap_free(), free0);
    EXPECT_FALSE(board.read32(0x3FF000C0) & (1u << 21));
    EXPECT_TRUE(board.attach_isr(
        33, [](void *) {}, nullptr));  // the I2S1 source is free
    board.detach_isr(33);
    EXPECT_TRUE(board.gpio().route(15).kind == emu::PadRoute::kLevel && board.gpio().route(15).level);
    EXPECT_EQ(matrix.show(p, 64 * 32 * 2, core::PixelFormat::kRgb565), hub75::Status::kNotActive);
    ASSERT_EQ(matrix.init(cfg), hub75::Status::kOk);  // and the unit can be had again
}

// The owner bit, both sides. The driver leaves the DMA's owner check off: a descriptor the CPU
// owns is sent like any other. With the check on (I2S_LC_CONF bit 12, TRM), the DMA stops at
// it with out_dscr_err, as the chip does, and the scan stops: the picture is gone, at most the
// row pair latched last stays as the pads left it.
class Hub75OwnerBit : public Hub75OnBoard {
  protected:
    static constexpr uint32_t kI2s1 = 0x3FF6D000, kIntRaw = 0x0C, kLcConf = 0x60, kOutlinkDscr = 0x54;
    // Hands the descriptor the DMA is at back to the CPU; the DMA reads it on its next pass.
    void give_current_descriptor_to_cpu() {
        const uint32_t at = board.read32(kI2s1 + kOutlinkDscr);
        ASSERT_TRUE(at);
        uint32_t *w0 = reinterpret_cast<uint32_t *>(board.dram().host(at));
        *w0 &= ~(1u << 31);
    }
    int lit_rows() {
        std::vector<float> l = board.hub75()->light(false, board.now());
        int rows = 0;
        for (int y = 0; y < 32; y++) {
            bool any = false;
            for (int i = 0; i < 64 * 3; i++) any = any || l[size_t(y * 64 * 3 + i)] > 0;
            rows += any;
        }
        return rows;
    }
    void show_white() {
        std::vector<uint16_t> px(64 * 32, 0xFFFF);
        ASSERT_EQ(
            matrix.show(reinterpret_cast<uint8_t *>(px.data()), 64 * 32 * 2, core::PixelFormat::kRgb565),
            hub75::Status::kOk);
        board.run_for(20 * emu::kPicosPerMs);
    }
};

TEST_F(Hub75OwnerBit, WithTheCheckOffACpuOwnedDescriptorIsSent) {
    ASSERT_EQ(matrix.init(hub75::Config{}), hub75::Status::kOk);
    show_white();
    EXPECT_FALSE(board.read32(kI2s1 + kLcConf) & (1u << 12));  // the driver's choice
    give_current_descriptor_to_cpu();
    const uint64_t before = board.hub75()->stats().refreshes;
    board.run_for(20 * emu::kPicosPerMs);
    EXPECT_GT(board.hub75()->stats().refreshes, before + 5);
    EXPECT_FALSE(board.read32(kI2s1 + kIntRaw) & (1u << 14));
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
    EXPECT_EQ(lit_rows(), 32);
}

TEST_F(Hub75OwnerBit, WithTheCheckOnACpuOwnedDescriptorStopsTheDma) {
    ASSERT_EQ(matrix.init(hub75::Config{}), hub75::Status::kOk);
    show_white();
    board.write32(kI2s1 + kLcConf, board.read32(kI2s1 + kLcConf) | (1u << 12));
    board.run_for(20 * emu::kPicosPerMs);
    EXPECT_TRUE(board.faults().empty()) << "the driver's descriptors are DMA-owned";
    EXPECT_EQ(lit_rows(), 32);
    give_current_descriptor_to_cpu();
    board.run_for(20 * emu::kPicosPerMs);
    const uint64_t stopped = board.hub75()->stats().refreshes;
    board.run_for(20 * emu::kPicosPerMs);
    EXPECT_EQ(board.hub75()->stats().refreshes, stopped);
    EXPECT_TRUE(board.read32(kI2s1 + kIntRaw) & (1u << 14));  // out_dscr_err
    ASSERT_FALSE(board.faults().empty());
    EXPECT_NE(board.faults().front().find("owned by the CPU"), std::string::npos);
    EXPECT_LE(lit_rows(), 2);
}
