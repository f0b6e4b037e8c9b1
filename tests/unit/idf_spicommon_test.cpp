// ESP-IDF's spicommon_* layer, its SPI clock and timing arithmetic and the polling
// transaction in two halves, through the idf shim on the emulated board. Register addresses
// and signal numbers are the TRM's (GPIO matrix table, DPORT, IO_MUX); the clock and timing
// figures are worked by hand from ESP-IDF's published formulas in the comments.
#include <cstring>

#include "driver/spi_common.h"
#include "esp_heap_caps.h"
#include "idf_board_fixture.h"

using namespace idf_test;

namespace {

constexpr uint32_t DPORT_PERIP_CLK_EN = 0x3FF000C0, DPORT_SPI_DMA_CHAN_SEL = 0x3FF005A8;
constexpr uint32_t GPIO_FUNC_OUT_SEL0 = 0x3FF44530, GPIO_FUNC_IN_SEL0 = 0x3FF44130;
constexpr uint32_t HSPICLK = 8, HSPIQ = 9, HSPID = 10, HSPICS0 = 11, HSPIHD = 12, HSPIWP = 13;
constexpr uint32_t HSPICS1 = 61, VSPICS2 = 70;

class IdfSpiCommon : public IdfBoard {
  protected:
    uint32_t out_sel(int pad) { return board.read32(GPIO_FUNC_OUT_SEL0 + 4 * pad) & 0x1FF; }
    uint32_t in_sel(uint32_t signal) { return board.read32(GPIO_FUNC_IN_SEL0 + 4 * signal); }
    uint32_t iomux_func(uint32_t reg) { return (board.read32(reg) >> 12) & 7; }
};

TEST_F(IdfSpiCommon, UnitClaimsAreSpiBusInitializesBooks) {
    EXPECT_FALSE(spicommon_periph_in_use(SPI2_HOST));
    EXPECT_TRUE(spicommon_periph_in_use(SPI1_HOST)) << "the flash has SPI1";
    ASSERT_TRUE(spicommon_periph_claim(SPI2_HOST, "test"));
    EXPECT_TRUE(board.read32(DPORT_PERIP_CLK_EN) & (1u << 6)) << "HSPI's clock on";
    EXPECT_TRUE(spicommon_periph_in_use(SPI2_HOST));
    EXPECT_FALSE(spicommon_periph_claim(SPI2_HOST, "again"));
    EXPECT_EQ(init_bus(), ESP_ERR_INVALID_STATE) << "a claimed unit has no room for a bus";
    EXPECT_TRUE(spicommon_periph_free(SPI2_HOST));
    EXPECT_FALSE(board.read32(DPORT_PERIP_CLK_EN) & (1u << 6));
    EXPECT_FALSE(spicommon_periph_free(SPI2_HOST)) << "not claimed";
    ASSERT_EQ(init_bus(), ESP_OK);
    EXPECT_TRUE(spicommon_periph_in_use(SPI2_HOST)) << "the bus has it";
    EXPECT_FALSE(spicommon_periph_claim(SPI2_HOST, "test"));
    EXPECT_FALSE(spicommon_periph_free(SPI2_HOST)) << "spi_bus_free frees a bus's unit";
    EXPECT_FALSE(spicommon_periph_claim(SPI1_HOST, "test"));
    EXPECT_FALSE(spicommon_periph_claim(spi_host_device_t(7), "test"));
}

TEST_F(IdfSpiCommon, DmaChannelClaimsAreSpiBusInitializesBooks) {
    ASSERT_TRUE(spicommon_dma_chan_claim(1));
    EXPECT_TRUE(board.read32(DPORT_PERIP_CLK_EN) & (1u << 22)) << "SPI DMA clock on";
    EXPECT_TRUE(spicommon_dma_chan_in_use(1));
    EXPECT_FALSE(spicommon_dma_chan_in_use(2));
    EXPECT_FALSE(spicommon_dma_chan_claim(1));
    EXPECT_EQ(init_bus(4092, SPI_DMA_CH1), ESP_ERR_INVALID_STATE) << "channel 1 is claimed";
    ASSERT_EQ(init_bus(4092, SPI_DMA_CH_AUTO), ESP_OK);
    EXPECT_EQ((board.read32(DPORT_SPI_DMA_CHAN_SEL) >> 2) & 3, 2u) << "the bus got channel 2";
    EXPECT_TRUE(spicommon_dma_chan_in_use(2));
    EXPECT_FALSE(spicommon_dma_chan_claim(2)) << "the bus has it";
    EXPECT_FALSE(spicommon_dma_chan_free(2)) << "the bus's channel is the bus's to free";
    EXPECT_TRUE(spicommon_dma_chan_free(1));
    EXPECT_FALSE(spicommon_dma_chan_free(1)) << "freed twice";
    EXPECT_TRUE(board.read32(DPORT_PERIP_CLK_EN) & (1u << 22)) << "the bus's channel keeps the clock on";
    EXPECT_EQ(spi_bus_free(SPI2_HOST), ESP_OK);
    EXPECT_FALSE(spicommon_dma_chan_in_use(2)) << "spi_bus_free gives its channel back";
    EXPECT_FALSE(board.read32(DPORT_PERIP_CLK_EN) & (1u << 22)) << "no channel: clock off";
    EXPECT_FALSE(spicommon_dma_chan_claim(3));
    EXPECT_FALSE(spicommon_dma_chan_in_use(0));
}

TEST_F(IdfSpiCommon, BusPinsThroughTheGpioMatrix) {
    spi_bus_config_t cfg = {};
    cfg.mosi_io_num = 13, cfg.miso_io_num = 12, cfg.sclk_io_num = 14;  // HSPI's native pins
    cfg.quadwp_io_num = 2, cfg.quadhd_io_num = 4;
    uint32_t flags = 0;
    ASSERT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 1, SPICOMMON_BUSFLAG_MASTER, &flags), ESP_OK);
    EXPECT_EQ(flags, uint32_t(SPICOMMON_BUSFLAG_MASTER | SPICOMMON_BUSFLAG_SCLK | SPICOMMON_BUSFLAG_MOSI |
                              SPICOMMON_BUSFLAG_MISO | SPICOMMON_BUSFLAG_WPHD | SPICOMMON_BUSFLAG_DUAL |
                              SPICOMMON_BUSFLAG_IOMUX_PINS));
    EXPECT_EQ(out_sel(13), HSPID);
    EXPECT_EQ(out_sel(14), HSPICLK);
    EXPECT_EQ(out_sel(2), HSPIWP);
    EXPECT_EQ(out_sel(4), HSPIHD);
    EXPECT_EQ(in_sel(HSPIQ), (1u << 7) | 12) << "MISO pad 12 to HSPIQ's input through the matrix";
    EXPECT_EQ(in_sel(HSPID), (1u << 7) | 13);
    EXPECT_EQ((board.read32(DPORT_SPI_DMA_CHAN_SEL) >> 2) & 3, 1u) << "DMA channel 1 selected for SPI2";
    ASSERT_EQ(spicommon_bus_free_io_cfg(&cfg), ESP_OK);
    for (int pad : {13, 14, 2, 4}) EXPECT_EQ(out_sel(pad), 256u) << "pad " << pad << " back to GPIO";
    board.write32(DPORT_SPI_DMA_CHAN_SEL, 0);

    cfg.quadwp_io_num = cfg.quadhd_io_num = -1;
    cfg.mosi_io_num = 23;  // not native
    ASSERT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 0, SPICOMMON_BUSFLAG_MASTER, &flags), ESP_OK);
    EXPECT_TRUE(flags & SPICOMMON_BUSFLAG_GPIO_PINS);
    EXPECT_FALSE(flags & (SPICOMMON_BUSFLAG_IOMUX_PINS | SPICOMMON_BUSFLAG_WPHD));
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 0,
                                          SPICOMMON_BUSFLAG_MASTER | SPICOMMON_BUSFLAG_IOMUX_PINS, nullptr),
              ESP_ERR_INVALID_ARG)
        << "IO_MUX pins asked for, pad 23 is not one";
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 0,
                                          SPICOMMON_BUSFLAG_MASTER | SPICOMMON_BUSFLAG_QUAD, nullptr),
              ESP_ERR_INVALID_ARG)
        << "quad without WP/HD";
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 0, 0, nullptr), ESP_ERR_NOT_SUPPORTED) << "slave";
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 3, SPICOMMON_BUSFLAG_MASTER, nullptr),
              ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, nullptr, 0, SPICOMMON_BUSFLAG_MASTER, nullptr),
              ESP_ERR_INVALID_ARG);
    cfg.sclk_io_num = 34;  // input only
    EXPECT_EQ(spicommon_bus_initialize_io(SPI2_HOST, &cfg, 0, SPICOMMON_BUSFLAG_MASTER, nullptr),
              ESP_ERR_INVALID_ARG);
    cfg.sclk_io_num = 14;
    EXPECT_EQ(spicommon_bus_free_io_cfg(&cfg), ESP_OK);
    EXPECT_EQ(spicommon_bus_free_io_cfg(nullptr), ESP_ERR_INVALID_ARG);
}

TEST_F(IdfSpiCommon, NativePinsLeaveTheSpiFunction) {
    constexpr uint32_t IO_MUX_MTMS = 0x3FF49030, IO_MUX_MTCK = 0x3FF49038,
                       IO_MUX_MTDO = 0x3FF4903C;  // 14, 13, 15
    board.write32(IO_MUX_MTMS, 1u << 12);         // function 1: HSPICLK
    board.write32(IO_MUX_MTCK, 3u << 12);         // function 3: not SPI, left alone
    ASSERT_EQ(spicommon_bus_free_io(SPI2_HOST), ESP_OK);
    EXPECT_EQ(iomux_func(IO_MUX_MTMS), 2u) << "GPIO";
    EXPECT_EQ(iomux_func(IO_MUX_MTCK), 3u);
    board.write32(IO_MUX_MTDO, 1u << 12);  // HSPICS0
    spicommon_cs_free(SPI2_HOST, 0);
    EXPECT_EQ(iomux_func(IO_MUX_MTDO), 2u);
    EXPECT_EQ(spicommon_bus_free_io(SPI1_HOST), ESP_ERR_INVALID_ARG);
}

TEST_F(IdfSpiCommon, CsLinesThroughTheGpioMatrix) {
    spicommon_cs_initialize(SPI2_HOST, 26, 1, 0);
    EXPECT_EQ(out_sel(26), HSPICS1);
    spicommon_cs_initialize(SPI2_HOST, 27, 0, 1);
    EXPECT_EQ(out_sel(27), HSPICS0);
    EXPECT_EQ(in_sel(HSPICS0), (1u << 7) | 27) << "CS0 is also the unit's CS input";
    spicommon_cs_initialize(SPI3_HOST, 32, 2, 0);
    EXPECT_EQ(out_sel(32), VSPICS2);
    spicommon_cs_free(SPI2_HOST, 1);
    EXPECT_EQ(out_sel(26), 256u) << "line 1's pad back to GPIO";
    EXPECT_EQ(out_sel(27), HSPICS0) << "line 0 untouched";
    spicommon_cs_free_io(27);
    EXPECT_EQ(out_sel(27), 256u);
    spicommon_cs_free_io(32);
    spicommon_cs_initialize(SPI2_HOST, 33, 3, 0);  // no line 3: logged, nothing routed
    EXPECT_EQ(out_sel(33), 256u);
}

// A descriptor's first word as the DMA engine reads it (the bitfields' layout is under test).
static uint32_t word0(const lldesc_t &d) {
    uint32_t w;
    std::memcpy(&w, &d, sizeof w);
    return w;
}

TEST_F(IdfSpiCommon, DescriptorLinksInDmaMemory) {
    constexpr int kLen = 4092 + 10;
    auto *data = static_cast<uint8_t *>(heap_caps_malloc(kLen, MALLOC_CAP_DMA));
    auto *desc = static_cast<lldesc_t *>(heap_caps_malloc(2 * sizeof(lldesc_t), MALLOC_CAP_DMA));
    ASSERT_TRUE(data && desc);
    const uint32_t data_at = board.host_bus()->dma_addr(board.host_bus()->ctx, data);
    const uint32_t desc_at = board.host_bus()->dma_addr(board.host_bus()->ctx, desc);
    spicommon_setup_dma_desc_links(desc, kLen, data, false);
    // word0: size 0..11, length 12..23, eof 30, owner 31.
    EXPECT_EQ(word0(desc[0]), 4092u | 4092u << 12 | 1u << 31);
    EXPECT_EQ(desc[0].buf, data_at);
    EXPECT_EQ(desc[0].qe.stqe_next, desc_at + 12);
    EXPECT_EQ(word0(desc[1]), 12u | 10u << 12 | 1u << 30 | 1u << 31) << "10 bytes in a 12-byte buffer, EOF";
    EXPECT_EQ(desc[1].buf, data_at + 4092);
    EXPECT_EQ(desc[1].qe.stqe_next, 0u);
    EXPECT_EQ(desc[1].size, 12u);
    EXPECT_EQ(desc[1].length, 10u);
    EXPECT_TRUE(desc[1].eof && desc[1].owner);
    spicommon_setup_dma_desc_links(desc, 10, data, true);
    EXPECT_EQ(word0(desc[0]), 12u | 12u << 12 | 1u << 30 | 1u << 31) << "reception in whole words";
    std::memset(desc, 0x55, 2 * sizeof(lldesc_t));
    uint8_t host_buf[16];
    spicommon_setup_dma_desc_links(desc, 16, host_buf, false);  // not DMA memory: nothing written
    EXPECT_EQ(word0(desc[0]), 0x55555555u);
    heap_caps_free(desc);
    heap_caps_free(data);
}

TEST_F(IdfSpiCommon, RegisterBlocksAndInterruptSources) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(spicommon_hw_for_host(SPI1_HOST)), 0x3FF42000u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(spicommon_hw_for_host(SPI2_HOST)), 0x3FF64000u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(spicommon_hw_for_host(SPI3_HOST)), 0x3FF65000u);
    EXPECT_EQ(spicommon_hw_for_host(spi_host_device_t(3)), nullptr);
    EXPECT_EQ(spicommon_irqsource_for_host(SPI1_HOST), 29);
    EXPECT_EQ(spicommon_irqsource_for_host(SPI2_HOST), 30);
    EXPECT_EQ(spicommon_irqsource_for_host(SPI3_HOST), 31);
    EXPECT_EQ(spicommon_irqsource_for_host(spi_host_device_t(-1)), -1);
}

int g_resets_called = 0;
void reset_done(void *arg) { g_resets_called += *static_cast<int *>(arg); }

TEST_F(IdfSpiCommon, DmaResetWaitsForTheOtherChannel) {
    int one = 1;
    EXPECT_TRUE(spicommon_dmaworkaround_req_reset(1, reset_done, &one)) << "channel 2 idle: at once";
    EXPECT_FALSE(spicommon_dmaworkaround_reset_in_progress());
    spicommon_dmaworkaround_transfer_active(2);
    EXPECT_FALSE(spicommon_dmaworkaround_req_reset(1, reset_done, &one)) << "channel 2 busy";
    EXPECT_TRUE(spicommon_dmaworkaround_reset_in_progress());
    spicommon_dmaworkaround_idle(1);
    EXPECT_EQ(g_resets_called, 0) << "waits for channel 2, not 1";
    spicommon_dmaworkaround_idle(2);
    EXPECT_EQ(g_resets_called, 1);
    EXPECT_FALSE(spicommon_dmaworkaround_reset_in_progress());
    spicommon_dmaworkaround_idle(2);
    EXPECT_EQ(g_resets_called, 1) << "once";
}

TEST(IdfSpiTiming, ClockRegisterAsEspIdfWorksItOut) {
    uint32_t reg = 0;
    // 10 MHz from 80: n * pre = 8 exactly for n = 2, 4, 8; ESP-IDF keeps the largest n (8,
    // pre 1). High for round(128 * 8 / 256) = 4. CLOCK: pre-1 <<18, n-1 <<12, h-1 <<6, l-1.
    EXPECT_EQ(spi_cal_clock(80'000'000, 10'000'000, 128, &reg), 10'000'000);
    EXPECT_EQ(reg, (7u << 12) | (3u << 6) | 7u);
    // 40 MHz: n 2, pre 1, h round(256/256) = 1.
    EXPECT_EQ(spi_cal_clock(80'000'000, 40'000'000, 128, &reg), 40'000'000);
    EXPECT_EQ(reg, (1u << 12) | (0u << 6) | 1u);
    // 26 MHz: n 3 gives 26.67 (err 0.67 MHz), n 2 gives 40; with pre 1 that is best of all n;
    // h = round(128 * 3 / 256) = round(1.5): (384 + 127) / 256 = 1.
    EXPECT_EQ(spi_cal_clock(80'000'000, 26'000'000, 128, &reg), 26'666'666);
    EXPECT_EQ(reg, (2u << 12) | (0u << 6) | 2u);
    // Above 3/4 of APB: APB itself (CLK_EQU_SYSCLK, bit 31).
    EXPECT_EQ(spi_cal_clock(80'000'000, 61'000'000, 128, &reg), 80'000'000);
    EXPECT_EQ(reg, 1u << 31);
    EXPECT_EQ(spi_cal_clock(80'000'000, 0, 128, &reg), 0);
}

TEST(IdfSpiTiming, MisoTimingAndFrequencyLimit) {
    // Through the GPIO matrix: (1 + 25) ns at 80 MHz is 2 APB cycles (2.08 rounded down).
    EXPECT_EQ(spi_get_freq_limit(true, 0), 80'000'000 / 3);
    EXPECT_EQ(spi_get_freq_limit(false, 0), 80'000'000) << "1 ns is no whole APB cycle";
    EXPECT_EQ(spi_get_freq_limit(false, 50), 80'000'000 / 5) << "51 ns: 4 cycles";
    int dummy = -9, remain = -9;
    // 40 MHz is 2 APB cycles a clock; 2 cycles of delay need 1 dummy clock, and sampling
    // (1 + 1) * 2 - 2 - 1 = 1 cycle later.
    spi_get_timing(true, 0, 40'000'000, &dummy, &remain);
    EXPECT_EQ(dummy, 1);
    EXPECT_EQ(remain, 1);
    // 10 MHz: 8 cycles a clock, 2 of delay: no dummy; 2 * 4 <= 8, so half a clock early (-1).
    spi_get_timing(true, 0, 10'000'000, &dummy, &remain);
    EXPECT_EQ(dummy, 0);
    EXPECT_EQ(remain, -1);
    // 10 MHz, a 50 ns device through the matrix: 76 ns is 6 cycles; 6 * 4 > 8: no change.
    spi_get_timing(true, 50, 10'000'000, &dummy, &remain);
    EXPECT_EQ(dummy, 0);
    EXPECT_EQ(remain, 0);
    dummy = remain = 7;
    spi_get_timing(true, 0, 100'000'000, &dummy, &remain);  // faster than APB: no such clock
    EXPECT_EQ(dummy, 0);
    EXPECT_EQ(remain, 0);
}

TEST_F(IdfSpiCommon, PollingInTwoHalves) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_handle_t a = add_device(device_config(kCs, 3, 1'000'000));
    spi_device_handle_t b = add_device(device_config(26, 3, 1'000'000));
    spi_transaction_t t = {};
    t.flags = SPI_TRANS_USE_TXDATA;
    t.length = 32;
    std::memcpy(t.tx_data, "\x2A\0\0\0", 4);
    const auto start = board.now();
    ASSERT_EQ(spi_device_polling_start(a, &t, portMAX_DELAY), ESP_OK);
    EXPECT_LT(board.now() - start, 32 * upanel::emu::kPicosPerUs) << "returns while the 32 us transfer runs";
    spi_transaction_t t2 = t;
    EXPECT_EQ(spi_device_polling_start(a, &t2, portMAX_DELAY), ESP_ERR_INVALID_STATE) << "one in flight";
    EXPECT_EQ(spi_device_polling_start(b, &t2, portMAX_DELAY), ESP_ERR_INVALID_STATE) << "the bus's one";
    EXPECT_EQ(spi_device_polling_end(b, portMAX_DELAY), ESP_ERR_INVALID_STATE) << "b started none";
    EXPECT_EQ(spi_bus_remove_device(a), ESP_ERR_INVALID_STATE);
    ASSERT_EQ(spi_device_queue_trans(b, &t2, 0), ESP_OK);  // waits for the polling one
    EXPECT_EQ(spi_device_polling_end(a, 0), ESP_ERR_TIMEOUT) << "not done yet, no wait";
    ASSERT_EQ(spi_device_polling_end(a, portMAX_DELAY), ESP_OK);
    EXPECT_GE(board.now() - start, 32 * upanel::emu::kPicosPerUs) << "32 bits at 1 MHz";
    EXPECT_EQ(spi_device_polling_end(a, portMAX_DELAY), ESP_ERR_INVALID_STATE) << "ended already";
    spi_transaction_t *r = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(b, &r, 100), ESP_OK) << "b's queued one ran after";
    EXPECT_EQ(r, &t2);
    EXPECT_EQ(spi_device_polling_transmit(a, &t), ESP_OK);
}

}  // namespace
