// The emulated SPI master's command and MISO phases, at register level against a sink that
// records what the unit clocks out and answers on MISO. Register values and expectations come
// from the TRM's register descriptions (ESP32 TRM ch. 7: USER, USER2, MISO_DLEN, CTRL, PIN)
// and ESP-IDF's use of them, written out here, not computed by the code under test.
#include <gtest/gtest.h>

#include <vector>

#include "upanel/emu/spi.h"

using namespace upanel::emu;

namespace {

// Raw register offsets and bits (TRM), independent of ll/ and emu/.
constexpr uint32_t kCmd = 0x00, kCtrl = 0x08, kCtrl2 = 0x14, kClock = 0x18, kUser = 0x1C;
constexpr uint32_t kUser2 = 0x24, kMosiDlen = 0x28, kMisoDlen = 0x2C, kPin = 0x34, kSlave = 0x38;
constexpr uint32_t kW0 = 0x80;
constexpr uint32_t kUsr = 1u << 18;
constexpr uint32_t kDoutdin = 1u << 0, kCsHold = 1u << 4, kCsSetup = 1u << 5;
constexpr uint32_t kMisoHighpart = 1u << 24, kUsrMosi = 1u << 27, kUsrMiso = 1u << 28;
constexpr uint32_t kUsrCommand = 1u << 31;
constexpr uint32_t kRdBitOrder = 1u << 25, kWrBitOrder = 1u << 26;
// CLOCK: pre = 0, n = 15 (16 APB cycles a bit: 5 MHz, 200 ns), h = 7, l = 15.
constexpr uint32_t kClock5MHz = (15u << 12) | (7u << 6) | 15u;
constexpr Picos kBit = 200'000;

struct Recorder : SpiSink {
    struct Select {
        int line;
        bool active;
        Picos t;
    };
    std::vector<Select> selects;
    std::vector<int> mosi;       // every clocked bit, in order
    std::vector<Picos> times;    // each bit's sampling edge
    std::vector<int> answer;     // MISO level at each clock (0 past its end)
    std::vector<uint8_t> bytes;  // whole bytes handed on the fast path
    std::vector<std::string> faults;

    void spi_select(const Spi &, int line, bool active, Picos t) override {
        selects.push_back({line, active, t});
    }
    void spi_bytes(const Spi &, const uint8_t *b, size_t n, Picos, Picos) override {
        bytes.insert(bytes.end(), b, b + n);
    }
    void spi_bits(const Spi &, const uint8_t *out, uint8_t *in, size_t n, Picos t0, Picos bit) override {
        for (size_t i = 0; i < n; i++) {
            mosi.push_back((out[i / 8] >> (7 - i % 8)) & 1);
            times.push_back(t0 + Picos(i + 1) * bit);
            if (i < answer.size() && answer[i]) in[i / 8] |= uint8_t(0x80 >> (i % 8));
        }
    }
    void fault(const std::string &what) override { faults.push_back(what); }
};

std::vector<int> bits_of(uint32_t v, int n) {  // MSB first
    std::vector<int> b;
    for (int i = n - 1; i >= 0; i--) b.push_back((v >> i) & 1);
    return b;
}

class SpiPhases : public ::testing::Test {
  protected:
    Dram dram;
    Dport dport;
    Picos now = 0;
    Spi spi{2, dram, dport, now};
    Recorder sink;

    void SetUp() override {
        dport.write(Dport::kPeripClkEn, 1u << Dport::kBitSpi2);
        dport.write(Dport::kPeripRstEn, 0);
        spi.write(kSlave, 0);
        spi.write(kPin, 0x6);  // CS0 only, active low
        spi.write(kCtrl, 0);
        spi.write(kCtrl2, 0);  // one clock of CS setup and hold
        spi.write(kClock, kClock5MHz);
    }
    // Runs the transaction to its end; returns when it ended.
    Picos run() {
        spi.write(kCmd, kUsr);
        Picos t = spi.run(now + kPicosPerMs, sink);
        EXPECT_TRUE(spi.finished());
        EXPECT_EQ(spi.read(kCmd) & kUsr, 0u);
        EXPECT_TRUE(spi.read(kSlave) & (1u << 4)) << "trans_done";
        return t;
    }
};

// xpt2046.py's read: command_bits 9 with cmd 0b1_0010_0000 (0x120), ESP-IDF writes USER2 with
// (9 - 1) << 28 and the command aligned to the top and byte-swapped: 0x120 << 7 = 0x9000,
// swapped 0x0090. The unit sends bits 7..0 of that, then bit 15: 1001 0000 0. Then 16 bits of
// MISO land in W0's two low bytes, first bit in bit 7.
TEST_F(SpiPhases, HalfDuplexCommandThenMiso) {
    spi.write(kUser, kCsSetup | kCsHold | kUsrCommand | kUsrMiso);
    spi.write(kUser2, (8u << 28) | 0x0090);
    spi.write(kMisoDlen, 15);
    spi.write(kW0, 0xFFFFFFFF);  // received bits replace these; the others stay
    // The answer: 9 command clocks of anything, then 0xA5 0x3C.
    sink.answer = std::vector<int>(9, 1);
    for (int b : bits_of(0xA53C, 16)) sink.answer.push_back(b);
    Picos end = run();

    std::vector<int> want = {1, 0, 0, 1, 0, 0, 0, 0, 0};
    for (int i = 0; i < 16; i++) want.push_back(0);  // MOSI low in the MISO phase
    EXPECT_EQ(sink.mosi, want);
    EXPECT_EQ(spi.read(kW0), 0xFFFF3CA5u) << "byte 0 = first 8 MISO bits";
    // Time: 1 setup + 9 command + 16 MISO + 1 hold clocks.
    EXPECT_EQ(end, Picos(1 + 9 + 16 + 1) * kBit);
    ASSERT_EQ(sink.times.size(), 25u);
    EXPECT_EQ(sink.times[0], 2 * kBit) << "first bit sampled one bit after the setup clock";
    EXPECT_EQ(sink.times[24], 26 * kBit);
    ASSERT_EQ(sink.selects.size(), 2u);
    EXPECT_EQ(sink.selects[0].line, 0);
    EXPECT_TRUE(sink.selects[0].active);
    EXPECT_EQ(sink.selects[1].t, end);
    EXPECT_TRUE(sink.bytes.empty());
}

// A 16-bit command 0xABCD sent MSB first: ESP-IDF's register value is 0xCDAB (swapped), the
// wire carries 1010 1011 1100 1101. LSB first (wr_bit_order) the register holds the command as
// it is and bits go from bit 0 up.
TEST_F(SpiPhases, CommandBitOrder) {
    spi.write(kUser, kUsrCommand);
    spi.write(kUser2, (15u << 28) | 0xCDAB);
    run();
    EXPECT_EQ(sink.mosi, bits_of(0xABCD, 16));

    sink.mosi.clear();
    spi.write(kCtrl, kWrBitOrder);
    spi.write(kUser2, (8u << 28) | 0x0120);
    run();
    EXPECT_EQ(sink.mosi, (std::vector<int>{0, 0, 0, 0, 0, 1, 0, 0, 1}));
}

// Full duplex: MOSI and MISO share the clocks. W0 holds what goes out; what comes back
// replaces it, byte by byte.
TEST_F(SpiPhases, FullDuplexSharesTheClocks) {
    spi.write(kUser, kDoutdin | kUsrMosi | kUsrMiso);
    spi.write(kMosiDlen, 23);
    spi.write(kMisoDlen, 23);
    spi.write(kW0, 0x00C3A581);  // bytes 81 A5 C3 go out in that order
    for (int b : bits_of(0x123456, 24)) sink.answer.push_back(b);
    Picos end = run();
    std::vector<int> want = bits_of(0x81, 8), b2 = bits_of(0xA5, 8), b3 = bits_of(0xC3, 8);
    want.insert(want.end(), b2.begin(), b2.end());
    want.insert(want.end(), b3.begin(), b3.end());
    EXPECT_EQ(sink.mosi, want);
    EXPECT_EQ(spi.read(kW0) & 0xFFFFFF, 0x563412u);
    EXPECT_EQ(end, Picos(24) * kBit) << "no CS setup or hold asked: only the data clocks";
}

// Half duplex with both data phases: MOSI first, then MISO; MISO in W8 with usr_miso_highpart
// and LSB first with rd_bit_order; a 12-bit reception leaves the last byte's other bits.
TEST_F(SpiPhases, HalfDuplexMosiThenMisoHighpartLsbFirst) {
    spi.write(kUser, kUsrMosi | kUsrMiso | kMisoHighpart);
    spi.write(kCtrl, kRdBitOrder);
    spi.write(kMosiDlen, 7);
    spi.write(kMisoDlen, 11);
    spi.write(kW0, 0x000000F0);
    spi.write(kW0 + 32, 0xFFFF0000);
    sink.answer = std::vector<int>(8, 0);
    // 12 bits received: 1,0,0,0, 0,0,0,0 then 1,1,0,1.
    for (int b : {1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1}) sink.answer.push_back(b);
    Picos end = run();
    EXPECT_EQ(end, Picos(8 + 12) * kBit);
    std::vector<int> want = bits_of(0xF0, 8);
    for (int i = 0; i < 12; i++) want.push_back(0);
    EXPECT_EQ(sink.mosi, want);
    // LSB first: byte 0 = 0b00000001; byte 1's low bits 0..3 = 1,1,0,1 -> 0xB, high bits kept 0.
    EXPECT_EQ(spi.read(kW0 + 32), 0xFFFF0B01u);
    EXPECT_EQ(spi.read(kW0), 0x000000F0u) << "W0 untouched";
}

// Every CS line PIN leaves enabled is asserted for the transaction: CS1 alone here.
TEST_F(SpiPhases, TheEnabledCsLineIsAsserted) {
    spi.write(kPin, 0x5);  // cs0 and cs2 disabled
    spi.write(kUser, kUsrMosi);
    spi.write(kMosiDlen, 7);
    run();
    ASSERT_EQ(sink.selects.size(), 2u);
    EXPECT_EQ(sink.selects[0].line, 1);
    EXPECT_TRUE(sink.selects[0].active);
    EXPECT_FALSE(sink.selects[1].active);
    EXPECT_EQ(sink.bytes.size(), 1u) << "whole MOSI bytes only: the byte path";
}

}  // namespace
