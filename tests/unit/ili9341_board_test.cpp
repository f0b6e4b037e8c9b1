// The ILI9341 driver on the emulated board, and the display model's datasheet rules. Expected
// pictures are computed here from the pixels sent, not by the code under test.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "ili9341_display.h"
#include "upanel/emu/board.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;
using emu::kPicosPerMs;
using emu::kPicosPerUs;

namespace {

constexpr int kW = 240, kH = 320;

// What an RGB565 value looks like: each channel scaled to 0..255.
void expect_rgb(const uint8_t *got, uint16_t v, const char *where, int x, int y) {
    const double want[3] = {(v >> 11) * 255.0 / 31, ((v >> 5) & 63) * 255.0 / 63, (v & 31) * 255.0 / 31};
    for (int c = 0; c < 3; c++)
        ASSERT_NEAR(got[c], want[c], 3.0) << where << " at " << x << "," << y << " channel " << c;
}

// A picture where every pixel differs from its neighbours, so misplacement shows.
uint16_t pattern(int x, int y) { return uint16_t((x * 7 + y * 13) * 37 + (x ^ y)); }

void put_be(uint8_t *p, uint16_t v) {
    p[0] = uint8_t(v >> 8);
    p[1] = uint8_t(v);
}

// Where logical pixel (x, y) of a picture turned `rot` quarter turns clockwise lands on the
// portrait panel.
void to_panel(int rot, int x, int y, int &px, int &py) {
    switch (rot) {
        case 0:
            px = x, py = y;
            break;
        case 1:
            px = kW - 1 - y, py = x;
            break;
        case 2:
            px = kW - 1 - x, py = kH - 1 - y;
            break;
        default:
            px = y, py = kH - 1 - x;
            break;
    }
}

}  // namespace

class Ili9341OnBoard : public ::testing::Test {
  protected:
    void SetUp() override { upanel_host_bus_current = board.host_bus(); }
    void TearDown() override {
        display.deinit();
        upanel_host_bus_current = nullptr;
    }
    std::vector<uint8_t> picture() { return board.ili9341()->picture(); }
    const uint8_t *at(const std::vector<uint8_t> &pic, int x, int y) { return &pic[(y * kW + x) * 3]; }
    ili9341::Status init(ili9341::Config c = {}) {
        if (!c.buffer_count) c.buffer_count = 2, c.buffer_pixels = kW * kH / 4;
        return display.init(c);
    }

    emu::Board board{320 * 1024};
    ili9341::Display display;
};

TEST_F(Ili9341OnBoard, InitLeavesABlackScreenWithTheBacklightOn) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
    auto *m = board.ili9341();
    EXPECT_FALSE(m->sleeping());
    EXPECT_TRUE(m->display_on());
    EXPECT_TRUE(m->backlight());
    EXPECT_EQ(m->stats().ignored, 0u);
    EXPECT_EQ(m->colmod() & 7, 5);
    auto pic = picture();
    for (uint8_t v : pic) ASSERT_EQ(v, 0);
    // The waits the datasheet asks for: 120 ms after the reset, 5 ms after SWRESET, 120 ms
    // after SLPOUT, and the clearing of GRAM.
    EXPECT_GE(board.now(), 245 * kPicosPerMs);
    EXPECT_LT(board.now(), 290 * kPicosPerMs);
}

TEST_F(Ili9341OnBoard, PartialFlushShowsEachPixelAtItsPlaceInEveryRotation) {
    for (uint8_t rot = 0; rot < 4; rot++) {
        ili9341::Config c;
        c.rotation = rot;
        ASSERT_EQ(init(c), ili9341::Status::kOk);
        const int w = int(display.width()), h = int(display.height());
        ASSERT_EQ(w, rot & 1 ? kH : kW);
        // A 50x30 area near the logical bottom right, and a full-width strip at the top.
        const int x1 = w - 60, y1 = h - 40, aw = 50, ah = 30;
        uint8_t *buf = display.buffer(0);
        for (int y = 0; y < ah; y++)
            for (int x = 0; x < aw; x++) put_be(buf + 2 * (y * aw + x), pattern(x1 + x, y1 + y));
        ASSERT_EQ(display.flush(x1, y1, x1 + aw - 1, y1 + ah - 1, buf, display.buffer_bytes()),
                  ili9341::Status::kOk);
        uint8_t *strip = display.buffer(1);
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < w; x++) put_be(strip + 2 * (y * w + x), pattern(x, y));
        ASSERT_EQ(display.flush(0, 0, w - 1, 2, strip, display.buffer_bytes()), ili9341::Status::kOk);
        display.wait();
        auto pic = picture();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                bool in_area = x >= x1 && x < x1 + aw && y >= y1 && y < y1 + ah;
                uint16_t v = in_area || y < 3 ? pattern(x, y) : 0;
                int px, py;
                to_panel(rot, x, y, px, py);
                expect_rgb(at(pic, px, py), v, "rotation", x, y);
                if (HasFatalFailure()) return;
            }
        EXPECT_TRUE(board.faults().empty()) << board.faults().front();
        display.deinit();
    }
}

TEST_F(Ili9341OnBoard, RgbOrderSwapsRedAndBlueOnTheBgrGlassAndInvertInverts) {
    ili9341::Config c;
    c.bgr = false;
    c.invert = true;
    ASSERT_EQ(init(c), ili9341::Status::kOk);
    ASSERT_EQ(display.fill_rect(10, 20, 30, 40, 0xF800), ili9341::Status::kOk);  // red
    display.wait();
    auto pic = picture();
    // Red with R and B swapped is blue; inverted, blue becomes yellow (255, 255, 0).
    const uint8_t *p = at(pic, 15, 25);
    EXPECT_EQ(p[0], 255);
    EXPECT_EQ(p[1], 255);
    EXPECT_EQ(p[2], 0);
    // Black inverted is white.
    p = at(pic, 0, 0);
    EXPECT_EQ(p[0] + p[1] + p[2], 3 * 255);
}

TEST_F(Ili9341OnBoard, BlitCopiesFromAnyMemoryInParts) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    const int w = 100, h = 90;  // 18000 bytes: five parts of the driver's scratch size
    std::vector<uint8_t> src(w * h * 2);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) put_be(&src[2 * (y * w + x)], pattern(x, y));
    ASSERT_EQ(display.blit(src.data(), uint32_t(src.size()), 7, 11, w, h), ili9341::Status::kOk);
    display.wait();
    auto pic = picture();
    for (int y = 0; y < kH; y++)
        for (int x = 0; x < kW; x++) {
            bool in = x >= 7 && x < 7 + w && y >= 11 && y < 11 + h;
            expect_rgb(at(pic, x, y), in ? pattern(x - 7, y - 11) : 0, "blit", x, y);
            if (HasFatalFailure()) return;
        }
}

TEST_F(Ili9341OnBoard, AFullScreenAt40MHzTakesTheBusTimeOfItsBytes) {
    ili9341::Config c;
    c.buffer_count = 1;
    c.buffer_pixels = kW * kH;
    ASSERT_EQ(init(c), ili9341::Status::kOk);
    const emu::Picos t0 = board.now();
    const uint64_t frames0 = board.ili9341()->stats().frames;
    for (int i = 0; i < 3; i++) {
        ASSERT_EQ(display.flush(0, 0, kW - 1, kH - 1, display.buffer(0), display.buffer_bytes()),
                  ili9341::Status::kOk);
    }
    display.wait();
    const double ms = double(board.now() - t0) / kPicosPerMs;
    EXPECT_EQ(board.ili9341()->stats().frames - frames0, 3u);
    EXPECT_GE(ms, 3 * 30.72);
    EXPECT_LT(ms, 3 * 30.72 * 1.01);
}

TEST_F(Ili9341OnBoard, FlushReturnsAtOnceAndWaitsOnlyForTheSameBuffer) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    uint8_t *a = display.buffer(0), *b = display.buffer(1);
    const uint32_t rows = display.buffer_bytes() / (kW * 2);  // 80 rows a buffer
    for (uint32_t i = 0; i < display.buffer_bytes(); i += 2) put_be(a + i, 0xF800), put_be(b + i, 0x001F);
    emu::Picos t0 = board.now();
    ASSERT_EQ(display.flush(0, 0, kW - 1, rows - 1, a, display.buffer_bytes()), ili9341::Status::kOk);
    EXPECT_EQ(board.now(), t0);  // queued, on the bus, and back at once
    EXPECT_TRUE(display.in_flight(a));
    ASSERT_EQ(display.flush(0, rows, kW - 1, 2 * rows - 1, b, display.buffer_bytes()), ili9341::Status::kOk);
    EXPECT_EQ(board.now(), t0);  // B is queued behind A
    // A again: waits until A is off the bus, not for B.
    ASSERT_EQ(display.flush(0, 2 * rows, kW - 1, 3 * rows - 1, a, display.buffer_bytes()),
              ili9341::Status::kOk);
    const double waited_ms = double(board.now() - t0) / kPicosPerMs;
    const double a_ms = rows * kW * 2 * 8 * 25e-6;  // 7.68 ms at 40 MHz
    EXPECT_GE(waited_ms, a_ms);
    EXPECT_LT(waited_ms, a_ms + 0.5);
    display.wait();
    auto pic = picture();
    expect_rgb(at(pic, 5, 5), 0xF800, "A", 5, 5);
    expect_rgb(at(pic, 5, rows + 5), 0x001F, "B", 5, int(rows) + 5);
    expect_rgb(at(pic, 5, 2 * rows + 5), 0xF800, "A again", 5, int(2 * rows) + 5);
    EXPECT_EQ(board.spi(2).stats().written_on_bus, 0u);
}

TEST_F(Ili9341OnBoard, TheEmulatorSeesABufferRewrittenWhileOnTheBus) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    uint8_t *a = display.buffer(0);
    ASSERT_EQ(display.flush(0, 0, kW - 1, 79, a, display.buffer_bytes()), ili9341::Status::kOk);
    board.run_for(kPicosPerMs);
    std::memset(a, 0xFF, display.buffer_bytes());  // the script draws into A too soon
    display.wait();
    EXPECT_EQ(board.spi(2).stats().written_on_bus, 1u);
}

TEST_F(Ili9341OnBoard, TheDoneCallbackRunsOncePerFlushWithItsTag) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    static std::vector<uint32_t> tags;
    tags.clear();
    display.set_done_callback([](void *, uint32_t tag) { tags.push_back(tag); }, nullptr);
    display.flush(0, 0, 9, 9, display.buffer(0), display.buffer_bytes(), 11);
    display.flush(0, 0, 9, 9, display.buffer(1), display.buffer_bytes(), 22);
    EXPECT_TRUE(tags.empty());
    display.wait();
    EXPECT_EQ(tags, (std::vector<uint32_t>{11, 22}));
}

// What LVGL does with flush_ready: the buffer is free again, and the next band is drawn into it
// at once, from inside the callback. A driver that calls back before the pixels are out (when
// the DMA starts, say) sends part of the new drawing instead: a wrong picture, and a write
// into a buffer on the bus.
TEST_F(Ili9341OnBoard, TheDoneCallbackComesOnlyOnceTheBufferMayBeRewritten) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    static uint8_t *bufs[2];
    static uint32_t bytes;
    bufs[0] = display.buffer(0), bufs[1] = display.buffer(1), bytes = display.buffer_bytes();
    const uint32_t rows = bytes / (kW * 2);
    for (uint32_t i = 0; i < bytes; i += 2) put_be(bufs[0] + i, 0xF800), put_be(bufs[1] + i, 0x07E0);
    // The tag says which buffer is free: draw the next band (white) into it.
    display.set_done_callback([](void *, uint32_t tag) { std::memset(bufs[tag], 0xFF, bytes); }, nullptr);
    ASSERT_EQ(display.flush(0, 0, kW - 1, rows - 1, bufs[0], bytes, 0), ili9341::Status::kOk);
    ASSERT_EQ(display.flush(0, rows, kW - 1, 2 * rows - 1, bufs[1], bytes, 1), ili9341::Status::kOk);
    ASSERT_EQ(display.wait(), ili9341::Status::kOk);
    EXPECT_EQ(board.spi(2).stats().written_on_bus, 0u);
    auto pic = picture();
    for (uint32_t y = 0; y < 2 * rows; y += 7)
        for (int x = 0; x < kW; x += 13) {
            expect_rgb(at(pic, x, int(y)), y < rows ? 0xF800 : 0x07E0, "band", x, int(y));
            if (testing::Test::HasFatalFailure()) return;
        }
}

TEST_F(Ili9341OnBoard, BadInputIsRefusedAndLeavesNothingBehind) {
    const size_t free0 = board.dram().heap_free();
    auto clean = [&] {
        return board.dram().heap_free() == free0 && !(board.read32(0x3FF000C0) & (1u << 6)) &&
               board.read32(0x3FF005A8) == 0;
    };
    ili9341::Config c;
    c.spi = 1;
    EXPECT_EQ(init(c), ili9341::Status::kBadSpi);
    c = {};
    c.hz = 80'000'001;
    EXPECT_EQ(init(c), ili9341::Status::kBadClock);
    c = {};
    c.pins[ili9341::kDc] = 18;  // MOSI's pad
    EXPECT_EQ(init(c), ili9341::Status::kPinTwice);
    EXPECT_EQ(display.error_pin(), ili9341::kDc);
    EXPECT_EQ(display.error_other_pin(), ili9341::kMosi);
    c = {};
    c.pins[ili9341::kClk] = 34;  // input only
    EXPECT_EQ(init(c), ili9341::Status::kBadPin);
    c = {};
    c.buffer_count = 2;
    c.buffer_pixels = 100'000;  // 400 kB: more than the board's DMA heap
    EXPECT_EQ(init(c), ili9341::Status::kNoDmaMemory);
    EXPECT_GT(display.dma_needed(), 400'000u);
    EXPECT_TRUE(clean());

    ASSERT_EQ(init(), ili9341::Status::kOk);
    uint8_t *a = display.buffer(0);
    EXPECT_EQ(display.flush(0, 0, kW, 0, a, 10000), ili9341::Status::kBadArea);
    EXPECT_EQ(display.flush(5, 0, 4, 0, a, 10000), ili9341::Status::kBadArea);
    EXPECT_EQ(display.flush(0, 0, 99, 99, a, 100 * 100 * 2 - 1), ili9341::Status::kBufferTooSmall);
    std::vector<uint8_t> plain(1000);
    EXPECT_EQ(display.flush(0, 0, 9, 9, plain.data(), 1000), ili9341::Status::kNotDmaMemory);
    EXPECT_EQ(display.flush(0, 0, 9, 9, a + 2, 1000), ili9341::Status::kNotDmaMemory);
    EXPECT_EQ(display.fill_rect(230, 0, 11, 1, 0), ili9341::Status::kBadArea);
    ili9341::Display second;
    EXPECT_EQ(second.init(ili9341::Config{}), ili9341::Status::kBusy);  // SPI2 is taken
    display.deinit();
    EXPECT_TRUE(clean());
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
}

// The ILI9341 samples on the clock's rising edge: SPI modes 0 and 3. With SPI_CK_OUT_EDGE set
// in SPI_USER_REG (mode 1; with SPI_CK_IDLE_EDGE in SPI_PIN_REG too, mode 2) MOSI changes on
// that edge and the picture is wrong; with the clock idling high alone (mode 3) it is right.
TEST_F(Ili9341OnBoard, OnlySpiModes0And3ShowThePicture) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    constexpr uint32_t kPinReg = 0x3FF64034, kUserReg = 0x3FF6401C;  // SPI2 (TRM)
    constexpr uint32_t kCkIdleEdge = 1u << 29, kCkOutEdge = 1u << 7;
    uint8_t *a = display.buffer(0);
    const uint32_t rows = display.buffer_bytes() / (kW * 2);
    // Shares of the band's pixels the panel shows right with the clock edges set so.
    auto shown_right = [&](bool idle_high, bool out_edge, int k) {
        const uint32_t pin = board.read32(kPinReg) & ~kCkIdleEdge;
        board.write32(kPinReg, idle_high ? pin | kCkIdleEdge : pin);
        const uint32_t user = board.read32(kUserReg) & ~kCkOutEdge;
        board.write32(kUserReg, out_edge ? user | kCkOutEdge : user);
        for (uint32_t y = 0; y < rows; y++)
            for (int x = 0; x < kW; x++) put_be(a + (y * kW + x) * 2, uint16_t(pattern(x, int(y)) + k));
        EXPECT_EQ(display.flush(0, 0, kW - 1, rows - 1, a, display.buffer_bytes()), ili9341::Status::kOk);
        EXPECT_EQ(display.wait(), ili9341::Status::kOk);
        auto pic = picture();
        int right = 0, all = 0;
        for (uint32_t y = 0; y < rows; y += 3)
            for (int x = 0; x < kW; x += 5, all++) {
                const uint16_t v = uint16_t(pattern(x, int(y)) + k);
                const uint8_t *got = at(pic, x, int(y));
                const int want[3] = {(v >> 11) * 255 / 31, ((v >> 5) & 63) * 255 / 63, (v & 31) * 255 / 31};
                bool ok = true;
                for (int c = 0; c < 3; c++) ok = ok && std::abs(got[c] - want[c]) <= 3;
                right += ok;
            }
        return double(right) / all;
    };
    EXPECT_EQ(shown_right(false, false, 1), 1.0);  // mode 0
    EXPECT_LT(shown_right(false, true, 2), 0.05);  // mode 1
    EXPECT_LT(shown_right(true, true, 3), 0.05);   // mode 2
    EXPECT_EQ(shown_right(true, false, 4), 1.0);   // mode 3
    EXPECT_GT(board.ili9341()->stats().skewed, 0u);
}

// A gated SPI clock: the transfer never ends. The wait gives up after a few of that
// transfer's own times in virtual time, not at once and not never, and leaves the board as a
// failed init() does.
TEST_F(Ili9341OnBoard, AGatedClockFailsTheWaitInAFewTransferTimesAndShutsDown) {
    const size_t free0 = board.dram().heap_free();
    ASSERT_EQ(init(), ili9341::Status::kOk);
    uint8_t *a = display.buffer(0);
    const uint32_t bytes = display.buffer_bytes();
    board.write32(0x3FF000C0, board.read32(0x3FF000C0) & ~(1u << 6));  // SPI2 (TRM)
    const emu::Picos t0 = board.now();
    ASSERT_EQ(display.flush(0, 0, kW - 1, 79, a, bytes), ili9341::Status::kOk);  // queued
    EXPECT_EQ(display.wait(), ili9341::Status::kNoTransferDone);
    const double waited_ms = double(board.now() - t0) / kPicosPerMs;
    const double job_ms = bytes * 8 / 40e6 * 1e3;  // 7.68 ms at 40 MHz
    EXPECT_GE(waited_ms, 2 * job_ms);              // a few transfer times: latency may delay a good one
    EXPECT_LT(waited_ms, 4 * job_ms + 5);
    EXPECT_FALSE(display.active());
    EXPECT_EQ(board.dram().heap_free(), free0);
    EXPECT_EQ(board.read32(0x3FF005A8), 0u);              // no DMA channel selected
    EXPECT_FALSE(board.read32(0x3FF000C0) & (1u << 22));  // the SPI DMA clock off
    EXPECT_TRUE(board.attach_isr(
        30, [](void *) {}, nullptr));  // the SPI2 source is free
    board.detach_isr(30);
    EXPECT_EQ(display.flush(0, 0, 9, 9, a, bytes), ili9341::Status::kNotActive);
    ASSERT_EQ(init(), ili9341::Status::kOk);  // and the unit can be had again
}

// Gated while init() waits after the reset: init() fails in bounded time and leaves
// nothing behind.
TEST_F(Ili9341OnBoard, InitOnAUnitThatStopsFailsAndLeavesNothingBehind) {
    const size_t free0 = board.dram().heap_free();
    board.call_at(board.now() + kPicosPerMs, [&] {
        board.dport().write(0x0C0, board.dport().read(0x0C0) & ~(1u << 6));  // SPI2 (TRM)
    });
    EXPECT_EQ(init(), ili9341::Status::kNoTransferDone);
    // The datasheet waits (120 + 5 + 120 ms), then a few times the clearing of the screen.
    const double clear_ms = kW * kH * 2 * 8 / 40e6 * 1e3;  // 30.72 ms at 40 MHz
    EXPECT_LT(double(board.now()) / kPicosPerMs, 245 + 4 * clear_ms + 5);
    EXPECT_FALSE(display.active());
    EXPECT_EQ(board.dram().heap_free(), free0);
    EXPECT_EQ(board.read32(0x3FF005A8), 0u);
    EXPECT_FALSE(board.ili9341()->backlight());
}

TEST_F(Ili9341OnBoard, BothSpiUnitsGetTheirOwnDmaChannel) {
    ASSERT_EQ(init(), ili9341::Status::kOk);
    emu::Ili9341Pins pins;
    pins.pad = {23, 22, 21, 17, 16, 15, -1};
    ili9341::Display other;
    ili9341::Config c;
    c.spi = 3;
    for (int i = 0; i < 6; i++) c.pins[i] = int8_t(pins.pad[i]);
    c.pins[ili9341::kMiso] = -1;
    ASSERT_EQ(other.init(c), ili9341::Status::kOk);
    EXPECT_EQ(board.read32(0x3FF005A8), (1u << 2) | (2u << 4));
    other.deinit();
    EXPECT_EQ(board.read32(0x3FF005A8), 1u << 2);
    EXPECT_TRUE(board.read32(0x3FF000C0) & (1u << 22));  // SPI2 still needs the DMA clock
}

// The display model and the SPI master, driven through the register layer directly.
class Ili9341Timing : public ::testing::Test {
  protected:
    void SetUp() override {
        upanel_host_bus_current = board.host_bus();
        ll::dport_periph_enable(ll::spi_dport_bit(2));
        ll::dport_periph_enable(ll::kDportBitSpiDma);
        ll::spi_ll_select_dma(2, 1);
        ll::spi_ll_master_init(2, ll::spi_ll_clock_reg(40'000'000));
        ll::gpio_output(2, true);  // backlight
        ll::gpio_output(4, true);  // RST
        ll::gpio_output(12, true);
        ll::gpio_matrix_out(13, ll::spi_sig_cs0(2), false);
        ll::gpio_matrix_out(19, ll::spi_sig_clk(2), false);
        ll::gpio_matrix_out(18, ll::spi_sig_mosi(2), false);
        buf = static_cast<uint8_t *>(ll::dma_alloc(4096));
        desc = static_cast<core::LlDesc *>(ll::dma_alloc(12));
    }
    void TearDown() override { upanel_host_bus_current = nullptr; }
    void send(bool dc, std::initializer_list<uint8_t> bytes) {
        std::vector<uint8_t> v(bytes);
        while (ll::spi_ll_busy(2)) ll::cpu_relax();
        ll::gpio_set_level(12, dc);
        ll::spi_ll_start_bytes(2, v.data(), uint32_t(v.size()));
        while (ll::spi_ll_busy(2)) ll::cpu_relax();
    }
    void wait_ms(double ms) { board.run_for(emu::Picos(ms * kPicosPerMs)); }
    // SWRESET, SLPOUT, COLMOD 16 bit, MADCTL upright on the modules' glass (MX | BGR), DISPON,
    // then a red 4x4 square at the origin by DMA.
    void bring_up(double after_reset_ms, double after_sleep_out_ms) {
        send(false, {0x01});
        wait_ms(after_reset_ms);
        send(false, {0x11});
        wait_ms(after_sleep_out_ms);
        send(false, {0x3A});
        send(true, {0x55});
        send(false, {0x36});
        send(true, {0x48});
        send(false, {0x29});
        send(false, {0x2A});
        send(true, {0, 0, 0, 3});
        send(false, {0x2B});
        send(true, {0, 0, 0, 3});
        send(false, {0x2C});
        for (int i = 0; i < 32; i += 2) buf[i] = 0xF8, buf[i + 1] = 0;
        desc->word0 = core::lldesc_word0(32, 32, true, true);
        desc->buf = ll::dma_addr(buf);
        desc->next = 0;
        ll::gpio_set_level(12, true);
        ll::spi_ll_start_dma(2, ll::dma_addr(desc), 32);
        while (ll::spi_ll_busy(2)) ll::cpu_relax();
    }
    bool red_square() {
        auto pic = board.ili9341()->picture();
        return pic[0] == 255 && pic[1] == 0 && pic[2] == 0;
    }

    emu::Board board;
    uint8_t *buf = nullptr;
    core::LlDesc *desc = nullptr;
};

TEST_F(Ili9341Timing, WithTheDatasheetWaitsThePictureShows) {
    bring_up(5, 5);
    EXPECT_TRUE(red_square());
    EXPECT_EQ(board.ili9341()->stats().ignored, 0u);
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
}

TEST_F(Ili9341Timing, WithoutTheWaitsTheScreenStaysBlank) {
    bring_up(0, 0);
    auto pic = board.ili9341()->picture();
    for (uint8_t v : pic) ASSERT_EQ(v, 255);  // asleep: the normally-white panel, lit
    EXPECT_GT(board.ili9341()->stats().ignored, 0u);
    EXPECT_TRUE(board.ili9341()->sleeping());
}

TEST_F(Ili9341Timing, SleepOutWaitIsNeededToo) {
    bring_up(5, 1);  // SLPOUT taken, but COLMOD and DISPON sent within its 5 ms
    EXPECT_FALSE(board.ili9341()->display_on());
    EXPECT_FALSE(red_square());
}

TEST_F(Ili9341Timing, AResetWhileAwakeTakesCommandsAfter5msButSleepOutOnlyAfter120ms) {
    bring_up(5, 5);
    ll::gpio_set_level(4, false);
    board.run_for(20 * kPicosPerUs);
    ll::gpio_set_level(4, true);
    wait_ms(6);
    const uint64_t ignored = board.ili9341()->stats().ignored;
    send(false, {0x36});  // MADCTL: taken
    send(true, {0x48});
    EXPECT_EQ(board.ili9341()->madctl(), 0x48);
    send(false, {0x11});  // SLPOUT within 120 ms of a reset that found it awake: lost
    EXPECT_EQ(board.ili9341()->stats().ignored, ignored + 1);
    EXPECT_TRUE(board.ili9341()->sleeping());
    wait_ms(115);
    send(false, {0x11});
    EXPECT_FALSE(board.ili9341()->sleeping());
}

TEST_F(Ili9341Timing, AResetPulseShorterThan10usResetsNothing) {
    bring_up(5, 5);
    ll::gpio_set_level(4, false);
    board.run_for(5 * kPicosPerUs);
    ll::gpio_set_level(4, true);
    EXPECT_TRUE(board.ili9341()->display_on());
    ll::gpio_set_level(4, false);
    board.run_for(10 * kPicosPerUs);
    ll::gpio_set_level(4, true);
    EXPECT_FALSE(board.ili9341()->display_on());
    EXPECT_TRUE(board.ili9341()->sleeping());
}

TEST_F(Ili9341Timing, BacklightOffIsBlack) {
    bring_up(5, 5);
    ll::gpio_set_level(2, false);
    auto pic = board.ili9341()->picture();
    for (uint8_t v : pic) ASSERT_EQ(v, 0);
}

TEST_F(Ili9341Timing, DmaNeedsAChannelSelectedInDport) {
    ll::spi_ll_select_dma(2, 0);
    bring_up(5, 5);
    EXPECT_FALSE(red_square());
    ASSERT_FALSE(board.faults().empty());
    EXPECT_NE(board.faults().front().find("SPI_DMA_CHAN_SEL"), std::string::npos) << board.faults().front();
}

TEST_F(Ili9341Timing, DmaRefusesBuffersOutsideDmaRam) {
    send(false, {0x01});
    wait_ms(5);
    desc->word0 = core::lldesc_word0(32, 32, true, true);
    desc->buf = uint32_t(0x3F400000);  // flash cache: not DMA-capable
    desc->next = 0;
    ll::spi_ll_start_dma(2, ll::dma_addr(desc), 32);
    while (ll::spi_ll_busy(2)) ll::cpu_relax();
    ASSERT_FALSE(board.faults().empty());
    EXPECT_NE(board.faults().front().find("DMA-capable"), std::string::npos) << board.faults().front();
}

TEST_F(Ili9341Timing, TheClockRegisterSetsTheBitTime) {
    EXPECT_EQ(board.spi(2).bit_time(), 25'000u);  // 40 MHz
    ll::spi_ll_set_clock(2, ll::spi_ll_clock_reg(10'000'000));
    EXPECT_EQ(board.spi(2).bit_time(), 100'000u);
    ll::spi_ll_set_clock(2, ll::spi_ll_clock_reg(80'000'000));
    EXPECT_EQ(board.spi(2).bit_time(), 12'500u);
    const emu::Picos t0 = board.now();
    send(false, {0x00});  // one byte, with one clock of CS setup and one of hold
    EXPECT_EQ(board.now() - t0, 10 * 12'500u);
}

// The SPI DMA has no switch for an owner check: the emulated one always checks, so a
// descriptor the CPU owns stops the transfer (out_dscr_err) and nothing reaches the panel.
TEST_F(Ili9341Timing, DmaRefusesADescriptorTheCpuOwns) {
    bring_up(5, 5);
    ASSERT_TRUE(red_square());
    const size_t faults_before = board.faults().size();
    send(false, {0x2C});
    for (int i = 0; i < 32; i += 2) buf[i] = 0x07, buf[i + 1] = 0xE0;  // green
    desc->word0 = core::lldesc_word0(32, 32, true, false);
    ll::gpio_set_level(12, true);
    ll::spi_ll_start_dma(2, ll::dma_addr(desc), 32);
    while (ll::spi_ll_busy(2)) ll::cpu_relax();
    ASSERT_GT(board.faults().size(), faults_before);
    EXPECT_NE(board.faults()[faults_before].find("owned by the CPU"), std::string::npos)
        << board.faults()[faults_before];
    EXPECT_TRUE(board.read32(0x3FF64114) & (1u << 1));  // SPI2 DMA_INT_RAW out_dscr_err
    EXPECT_TRUE(red_square());
}
