// The FM6126A panel model fed words directly: commands by LAT clock count, the register bit
// order, outputs off until register 2 bit 6, and register 1's current, with the values worked
// out here from the chip's public facts.
#include <gtest/gtest.h>

#include <vector>

#include "upanel/emu/hub75_panel.h"

using namespace upanel::emu;

class Fm6126aPanel : public ::testing::Test {
  protected:
    static constexpr int kCols = 32;         // two chips a colour line
    static constexpr Picos kClock = 50'000;  // 20 MHz

    // Shifts one 16-bit value per chip (bit 15 first) onto the lines in `lines`, LAT high
    // across the last `lat` clocks, then drops LAT.
    void send(uint16_t chip0, uint16_t chip1, uint8_t lines, int lat) {
        std::vector<uint16_t> w;
        for (int x = 0; x < kCols; x++) {
            uint16_t v = x < 16 ? chip0 : chip1;
            bool bit = (v >> (15 - x % 16)) & 1;
            w.push_back(
                uint16_t(Hub75Panel::kOe | (bit ? lines : 0) | (x >= kCols - lat ? Hub75Panel::kLat : 0)));
        }
        w.push_back(Hub75Panel::kOe);
        feed(w);
    }
    void feed(const std::vector<uint16_t> &w) {
        panel.feed(w.data(), w.size(), t, kClock, Hub75Panel::Clocking::kEveryWord);
        t += kClock * w.size();
    }
    // Latches white on every column under row address 0 and lights it for `clocks`, then a
    // second refresh so that light() reports a complete one.
    std::vector<float> white_light() {
        for (int refresh = 0; refresh < 2; refresh++) {
            for (uint32_t a = 0; a < 2; a++) {
                std::vector<uint16_t> w(kCols, uint16_t(Hub75Panel::kOe | 0x3F | a << 8));
                w.back() |= Hub75Panel::kLat;
                w.push_back(uint16_t(Hub75Panel::kOe | a << 8));
                feed(w);
                feed(std::vector<uint16_t>(100, uint16_t(a << 8)));  // OE low: lit
            }
        }
        return panel.light(false, t);
    }

    Hub75Panel panel{Hub75Geometry{kCols, 4, 1, 2}, Hub75Electrical{Hub75Chip::kFm6126a}};
    Picos t = 0;
};

TEST_F(Fm6126aPanel, ElevenLatClocksWriteRegister1BitFifteenFirst) {
    send(0x8001, 0x07E0, 0x01, 11);  // R1 only
    const Hub75DriverChips &c = *panel.driver_chips();
    EXPECT_EQ(c.reg1(0, 0), 0x8001);
    EXPECT_EQ(c.reg1(0, 1), 0x07E0);
    EXPECT_EQ(c.reg1(1, 0), 0);  // G1 got zeros
    EXPECT_EQ(c.reg2(0, 0), 0);
}

TEST_F(Fm6126aPanel, TwelveWriteRegister2OtherCountsNoRegister) {
    send(0x0040, 0x0041, 0x3F, 12);
    const Hub75DriverChips &c = *panel.driver_chips();
    for (uint32_t line = 0; line < 6; line++) {
        EXPECT_EQ(c.reg2(line, 0), 0x0040);
        EXPECT_EQ(c.reg2(line, 1), 0x0041);
        EXPECT_EQ(c.reg1(line, 0), 0);
    }
    for (int lat : {1, 3, 10, 13}) {
        send(0xFFFF, 0xFFFF, 0x3F, lat);
        EXPECT_EQ(c.reg1(0, 0), 0) << lat;
        EXPECT_EQ(c.reg2(0, 0), 0x0040) << lat;
    }
}

TEST_F(Fm6126aPanel, DarkUntilOutputsOnThenLightFollowsTheCurrent) {
    std::vector<float> l = white_light();
    for (float v : l) ASSERT_EQ(v, 0.0f);
    send(0x0040, 0x0040, 0x3F, 12);  // outputs on, current field 0: 1/64
    l = white_light();
    ASSERT_GT(l[0], 0.0f);
    const float unit = l[0] * 64;    // what a plain panel would give
    send(0x07E0, 0x03E0, 0x3F, 11);  // chip 0 current 63 (64/64), chip 1 current 31 (32/64)
    l = white_light();
    for (int c = 0; c < 3; c++) {
        EXPECT_NEAR(l[0 * 3 + c], unit, unit * 1e-5);
        EXPECT_NEAR(l[16 * 3 + c], unit / 2, unit * 1e-5);
        EXPECT_NEAR(l[(kCols * 2 + 31) * 3 + c], unit / 2, unit * 1e-5);  // lower half, R2 G2 B2
    }
}

TEST(Hub75PanelElectrical, OutputsThatTurnOffSlowlyLightTheNextLatchUnderTheOldRow) {
    constexpr Picos kClock = 50'000;
    Hub75Panel panel{Hub75Geometry{8, 4, 1, 2}, Hub75Electrical{Hub75Chip::kGeneric, false, 3 * kClock}};
    Picos t = 0;
    auto feed = [&](const std::vector<uint16_t> &w) {
        panel.feed(w.data(), w.size(), t, kClock, Hub75Panel::Clocking::kEveryWord);
        t += kClock * w.size();
    };
    for (int refresh = 0; refresh < 3; refresh++) {
        // Row 0 lit black for 10 clocks; OE up; one clock later LAT latches white in column 7
        // (every word is a clock); the address moves to row 1 the clock after, still within
        // the 3 clocks the outputs take to go dark: row 0 glows 1 clock, row 1 one more.
        std::vector<uint16_t> w(8, Hub75Panel::kOe);
        w.back() |= Hub75Panel::kLat;
        feed(w);
        feed(std::vector<uint16_t>(10, 0));
        feed({uint16_t(Hub75Panel::kOe)});
        feed({uint16_t(Hub75Panel::kOe | 0x3F | Hub75Panel::kLat)});  // column 7 gets white
        feed(std::vector<uint16_t>(20, uint16_t(Hub75Panel::kOe | 1u << 8)));
    }
    std::vector<float> on = panel.light(false, t);
    // The refresh: 8 + 10 + 1 + 1 + 20 = 40 clocks, two rows: one row's share is 20 clocks.
    // Column 7 of row 0 (LAT clock, tail from OE's rise at clock 18 to 21 covers clock 19):
    // 1 clock of 20; of row 1: clock 20 = 1 of 20.
    EXPECT_NEAR(on[(0 * 8 + 7) * 3], 1.0f / 20, 1e-6);
    EXPECT_NEAR(on[(1 * 8 + 7) * 3], 1.0f / 20, 1e-6);
    EXPECT_EQ(on[(0 * 8 + 6) * 3], 0.0f);
    EXPECT_GT(panel.stats().ghost, 0.0);
}
