// The XPT2046 model clock by clock: the control byte, the busy clock, the result MSB first,
// the channels' readings touched and not. Expected values come from the datasheet's rules and
// the calibration written out here (xpt2046.py's defaults), not from the model.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "upanel/emu/xpt2046_model.h"

using upanel::emu::Xpt2046Model;

namespace {

// xpt2046.py's calibration: X-position 3783 at x = 0, 242 at x = 240; Y-position 3948 at
// y = 0, 423 at y = 320.
int raw_x(double x) { return int(std::lround(3783 + (242 - 3783) * x / 240)); }
int raw_y(double y) { return int(std::lround(3948 + (423 - 3948) * y / 320)); }

// Clocks a control byte and `reply` more clocks (DIN low); returns every DOUT bit.
std::vector<int> exchange(Xpt2046Model &m, uint8_t control, int reply) {
    std::vector<int> out;
    for (int i = 7; i >= 0; i--) out.push_back(m.clock((control >> i) & 1));
    for (int i = 0; i < reply; i++) out.push_back(m.clock(false));
    return out;
}

// The value in `n` bits starting at clock `first` (0-based), MSB first.
int value(const std::vector<int> &bits, int first, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) v = v << 1 | bits[size_t(first + i)];
    return v;
}

TEST(Xpt2046, ResultFollowsOneBusyClockMsbFirst) {
    Xpt2046Model m;
    m.set_selected(true);
    m.touch(100.5, 200.5);
    // 0xD0: S, A = 101 (X-position), 12-bit, differential, PD = 00.
    std::vector<int> bits = exchange(m, 0xD0, 16);
    for (int i = 0; i <= 8; i++) EXPECT_EQ(bits[size_t(i)], 0) << "clock " << i + 1;
    EXPECT_EQ(value(bits, 9, 12), raw_x(100.5)) << "clocks 10..21";
    EXPECT_EQ(value(bits, 21, 3), 0) << "then zeros";
    // 0x90: A = 001, Y-position.
    bits = exchange(m, 0x90, 16);
    EXPECT_EQ(bits[8], 0);
    EXPECT_EQ(value(bits, 9, 12), raw_y(200.5));
}

TEST(Xpt2046, LeadingZerosBeforeTheStartBitAreIgnored) {
    Xpt2046Model m;
    m.set_selected(true);
    m.touch(10, 10);
    for (int i = 0; i < 5; i++) EXPECT_FALSE(m.clock(false));
    std::vector<int> bits = exchange(m, 0xD0, 13);
    EXPECT_EQ(value(bits, 9, 12), raw_x(10));
}

TEST(Xpt2046, EightBitModeGivesTheTopEightBits) {
    Xpt2046Model m;
    m.set_selected(true);
    m.touch(30, 40);
    std::vector<int> bits = exchange(m, 0xD8, 9);  // MODE = 1
    EXPECT_EQ(value(bits, 9, 8), raw_x(30) >> 4);
}

// Z1 and Z2 give back the touch resistance by the datasheet's formula
// R = Rx * X / 4096 * (Z2 / Z1 - 1).
TEST(Xpt2046, PressureGivesTheTouchResistance) {
    Xpt2046Model m;
    m.set_selected(true);
    for (double x : {20.0, 120.0, 220.0}) {
        m.touch(x, 160);
        const int z1 = value(exchange(m, 0xB0, 13), 9, 12);  // A = 011
        const int z2 = value(exchange(m, 0xC0, 13), 9, 12);  // A = 100
        const int xr = value(exchange(m, 0xD0, 13), 9, 12);
        ASSERT_GT(z1, 0);
        const double r = Xpt2046Model::kXPlateOhms * xr / 4096.0 * (double(z2) / z1 - 1);
        EXPECT_NEAR(r, Xpt2046Model::kTouchOhms, 0.02 * Xpt2046Model::kTouchOhms) << "x " << x;
    }
}

// Untouched, as the rest state leaves the plates: X-position and Z1 read 0, Y-position and
// Z2 full scale; xpt2046.py takes 4095 as 0 and 0 as "no touch".
TEST(Xpt2046, UntouchedReadsZeroOrFullScale) {
    Xpt2046Model m;
    m.set_selected(true);
    EXPECT_EQ(value(exchange(m, 0xD0, 13), 9, 12), 0);
    EXPECT_EQ(value(exchange(m, 0x90, 13), 9, 12), 4095);
    EXPECT_EQ(value(exchange(m, 0xB0, 13), 9, 12), 0);
    EXPECT_EQ(value(exchange(m, 0xC0, 13), 9, 12), 4095);
    m.touch(5, 5);
    m.release();
    EXPECT_EQ(value(exchange(m, 0xD0, 13), 9, 12), 0);
}

// The 16-clocks-per-conversion mode: the next control byte starts while the result is still
// going out; its result then follows its own busy clock.
TEST(Xpt2046, OverlappedControlBytes) {
    Xpt2046Model m;
    m.set_selected(true);
    m.touch(60, 70);
    std::vector<int> bits;
    for (int i = 7; i >= 0; i--) bits.push_back(m.clock((0xD0 >> i) & 1));
    for (int i = 0; i < 8; i++) bits.push_back(m.clock(false));             // clocks 9..16
    for (int i = 7; i >= 0; i--) bits.push_back(m.clock((0x90 >> i) & 1));  // clocks 17..24
    for (int i = 0; i < 13; i++) bits.push_back(m.clock(false));
    EXPECT_EQ(value(bits, 9, 12), raw_x(60)) << "the first result, clocks 10..21";
    EXPECT_EQ(bits[24], 0) << "busy";
    EXPECT_EQ(value(bits, 25, 12), raw_y(70));
}

TEST(Xpt2046, SelectingStartsAFreshInterfaceAndPenirqFollowsTheTouch) {
    Xpt2046Model m;
    m.set_selected(true);
    m.touch(1, 1);
    for (int i = 7; i >= 4; i--) m.clock((0xD0 >> i) & 1);  // half a control byte
    m.set_selected(false);
    m.set_selected(true);
    std::vector<int> bits = exchange(m, 0x90, 13);
    EXPECT_EQ(value(bits, 9, 12), raw_y(1));
    EXPECT_FALSE(m.penirq_high()) << "touched, PD0 = 0";
    exchange(m, 0x93, 13);  // PD = 11: pen interrupt off
    EXPECT_TRUE(m.penirq_high());
    exchange(m, 0x90, 13);
    m.release();
    EXPECT_TRUE(m.penirq_high());
}

}  // namespace
