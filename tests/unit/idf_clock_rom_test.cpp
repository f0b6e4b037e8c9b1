// The RTC slow clock and the ROM's GPIO interrupt handler through the idf shim on the
// emulated board, and heap_caps' _prefer forms. Expected figures: 150 kHz is a period of
// 1e6 / 150000 us = 6.666.. us, 3495253 in Q13.19 (6.666.. * 2^19, rounded down); times are
// the board's own run lengths.
#include <cstdint>
#include <vector>

#include "esp_clk.h"
#include "esp_heap_caps.h"
#include "idf_board_fixture.h"
#include "rom/ets_sys.h"
#include "rom/gpio.h"
#include "soc/soc.h"

using namespace idf_test;
using upanel::emu::kPicosPerMs;

namespace upanel::idf {
void intr_alloc_reset();
}

namespace {

constexpr uint32_t RTC_CNTL_STORE1 = 0x3FF48050;

class IdfClockRom : public IdfBoard {
  protected:
    void TearDown() override {
        gpio_intr_handler_register(nullptr, nullptr);
        upanel::idf::intr_alloc_reset();
        IdfBoard::TearDown();
    }
};

TEST_F(IdfClockRom, SlowClockCalibrationInRtcStore1) {
    EXPECT_EQ(board.read32(RTC_CNTL_STORE1), 0u) << "nothing stored at reset";
    EXPECT_EQ(esp_clk_slowclk_cal_get(), 3495253u);
    EXPECT_EQ(board.read32(RTC_CNTL_STORE1), 3495253u) << "kept where ESP-IDF keeps it";
    esp_clk_slowclk_cal_set(3500000);
    EXPECT_EQ(esp_clk_slowclk_cal_get(), 3500000u);
    EXPECT_EQ(board.read32(RTC_CNTL_STORE1), 3500000u);
}

TEST_F(IdfClockRom, RtcTimeFollowsTheSlowClock) {
    board.run_for(1000 * kPicosPerMs);
    // 1 s is 150000 slow cycles; times 3495253 >> 19 = 999999.9 us, rounded down.
    const uint64_t t1 = esp_clk_rtc_time();
    EXPECT_GE(t1, 999'990u);
    EXPECT_LE(t1, 1'000'010u);
    board.run_for(500 * kPicosPerMs);
    const uint64_t t2 = esp_clk_rtc_time();
    EXPECT_GE(t2 - t1, 499'990u);
    EXPECT_LE(t2 - t1, 500'010u);
    // A calibration twice as long makes the same count twice the time.
    esp_clk_slowclk_cal_set(2 * 3495253);
    const uint64_t t3 = esp_clk_rtc_time();
    EXPECT_GE(t3, 2 * t2 - 20);
    EXPECT_LE(t3, 2 * t2 + 20);
}

TEST(IdfRom, XtalScaleIsCrystalOverTheEightMegahertzRc) { EXPECT_EQ(ets_get_xtal_scale(), 40u * 256 / 8); }

struct RomCalls {
    std::vector<std::pair<uint32_t, bool>> calls;
};

void rom_handler(uint32_t mask, bool high, void *arg) {
    static_cast<RomCalls *>(arg)->calls.push_back({mask, high});
}

TEST_F(IdfClockRom, RomGpioHandlerOnCpuInterruptFour) {
    RomCalls seen;
    constexpr uint32_t GPIO_PIN26 = 0x3FF44088 + 4 * 26, GPIO_PIN34 = 0x3FF44088 + 4 * 34;
    gpio_pad_select_gpio(26);
    gpio_pad_select_gpio(34);
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_26, GPIO_MODE_INPUT), ESP_OK);
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_34, GPIO_MODE_INPUT), ESP_OK);
    // Rising edges, enabled for the PRO CPU (INT_ENA bit 2 of bits 13..17), as the ROM's users set them.
    board.write32(GPIO_PIN26, (1u << 7) | (4u << 13));
    board.write32(GPIO_PIN34, (1u << 7) | (4u << 13));
    board.set_pad(26, 0);
    board.set_pad(34, 0);
    gpio_intr_handler_register(rom_handler, &seen);
    intr_matrix_set(0, ETS_GPIO_INTR_SOURCE, ETS_GPIO_INUM);
    ets_isr_unmask(1u << ETS_GPIO_INUM);
    board.set_pad(26, 1);
    board.set_pad(34, 1);
    board.run_for(kPicosPerMs);
    ASSERT_EQ(seen.calls.size(), 2u);
    EXPECT_EQ(seen.calls[0], std::make_pair(uint32_t(1) << 26, false));
    EXPECT_EQ(seen.calls[1], std::make_pair(uint32_t(1) << 2, true)) << "pad 34 is bit 2 of the high pads";
    board.run_for(kPicosPerMs);
    EXPECT_EQ(seen.calls.size(), 2u) << "not again before the acknowledgement";
    gpio_intr_ack(1u << 26);
    board.run_for(kPicosPerMs);
    ASSERT_EQ(seen.calls.size(), 3u) << "pad 34 still pending";
    EXPECT_EQ(seen.calls[2], std::make_pair(uint32_t(1) << 2, true));
    gpio_intr_ack_high(1u << 2);
    board.run_for(kPicosPerMs);
    EXPECT_EQ(seen.calls.size(), 3u) << "nothing pending";
    board.set_pad(26, 0);
    board.set_pad(26, 1);
    board.run_for(kPicosPerMs);
    EXPECT_EQ(seen.calls.size(), 4u) << "the next edge";
    gpio_intr_ack(1u << 26);
    board.set_pad(26, -1);
    board.set_pad(34, -1);
}

TEST_F(IdfClockRom, PreferTriesEachCapabilitySetInTurn) {
    const size_t dma_free = heap_caps_get_free_size(MALLOC_CAP_DMA);
    // No PSRAM: the first choice fails, the second gives DMA-capable RAM.
    void *p = heap_caps_malloc_prefer(100, 2, uint32_t(MALLOC_CAP_SPIRAM), uint32_t(MALLOC_CAP_DMA));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), dma_free - 100) << "from the DMA heap";
    EXPECT_EQ(heap_caps_malloc_prefer(100, 1, uint32_t(MALLOC_CAP_SPIRAM)), nullptr);
    EXPECT_EQ(heap_caps_malloc_prefer(100, 0), nullptr);
    void *q = heap_caps_realloc_prefer(p, 300, 2, uint32_t(MALLOC_CAP_SPIRAM), uint32_t(MALLOC_CAP_DMA));
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), dma_free - 300);
    auto *c = static_cast<uint8_t *>(
        heap_caps_calloc_prefer(4, 8, 2, uint32_t(MALLOC_CAP_EXEC), uint32_t(MALLOC_CAP_DMA)));
    ASSERT_NE(c, nullptr);
    for (int i = 0; i < 32; i++) EXPECT_EQ(c[i], 0) << i;
    EXPECT_EQ(heap_caps_realloc_prefer(q, 0, 2, uint32_t(MALLOC_CAP_DMA), uint32_t(MALLOC_CAP_DMA)), nullptr)
        << "size 0 frees once";
    heap_caps_free(c);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), dma_free);
}

}  // namespace
