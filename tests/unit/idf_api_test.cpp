// The small parts of the idf shim: error names, heap capabilities, logging, clocks, ticks,
// GPIO levels on the pads, and the headers as C.
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <string>

#include "esp_clk.h"
#include "esp_heap_caps.h"
#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "idf_board_fixture.h"
#include "rom/ets_sys.h"
#include "upanel/ll/bus.h"

using namespace idf_test;
using upanel::emu::kPicosPerMs;
using upanel::emu::kPicosPerUs;

extern "C" size_t idf_c_layout(int what);
extern "C" esp_err_t idf_c_example_configs(void);

namespace {

class IdfApi : public IdfBoard {};

std::string g_log;
int capture(const char *format, va_list args) {
    char line[256];
    int n = std::vsnprintf(line, sizeof line, format, args);
    g_log += line;
    return n;
}

}  // namespace

TEST_F(IdfApi, ErrorCodesHaveEspIdfsValuesAndNames) {
    EXPECT_EQ(ESP_ERR_NO_MEM, 0x101);
    EXPECT_EQ(ESP_ERR_INVALID_ARG, 0x102);
    EXPECT_EQ(ESP_ERR_INVALID_STATE, 0x103);
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, 0x104);
    EXPECT_EQ(ESP_ERR_NOT_FOUND, 0x105);
    EXPECT_EQ(ESP_ERR_NOT_SUPPORTED, 0x106);
    EXPECT_EQ(ESP_ERR_TIMEOUT, 0x107);
    EXPECT_STREQ(esp_err_to_name(ESP_OK), "ESP_OK");
    EXPECT_STREQ(esp_err_to_name(ESP_FAIL), "ESP_FAIL");
    EXPECT_STREQ(esp_err_to_name(ESP_ERR_TIMEOUT), "ESP_ERR_TIMEOUT");
    EXPECT_STREQ(esp_err_to_name(12345), "UNKNOWN ERROR");
    char buf[40];
    EXPECT_STREQ(esp_err_to_name_r(ESP_ERR_NO_MEM, buf, sizeof buf), "ESP_ERR_NO_MEM");
    EXPECT_STREQ(esp_err_to_name_r(0x3039, buf, sizeof buf), "UNKNOWN ERROR 0x3039(12345)");
    EXPECT_DEATH(ESP_ERROR_CHECK(ESP_ERR_INVALID_ARG), "ESP_ERR_INVALID_ARG");
    // ESP-IDF's _WITHOUT_ABORT variant reports and goes on, giving the code back.
    testing::internal::CaptureStderr();
    EXPECT_EQ(ESP_ERROR_CHECK_WITHOUT_ABORT(ESP_ERR_NO_MEM), ESP_ERR_NO_MEM);
    EXPECT_EQ(ESP_ERROR_CHECK_WITHOUT_ABORT(ESP_OK), ESP_OK);
    const std::string reported = testing::internal::GetCapturedStderr();
    EXPECT_NE(reported.find("ESP_ERROR_CHECK_WITHOUT_ABORT failed: esp_err_t 0x101 (ESP_ERR_NO_MEM)"),
              std::string::npos)
        << reported;
    EXPECT_EQ(reported.find("ESP_OK"), std::string::npos) << "ESP_OK is not reported";
}

TEST_F(IdfApi, DmaMemoryIsInTheChipsDmaCapableRam) {
    const size_t free0 = heap_caps_get_free_size(MALLOC_CAP_DMA);
    EXPECT_EQ(free0, board.dram().heap_free());
    EXPECT_EQ(heap_caps_get_largest_free_block(MALLOC_CAP_DMA), board.dram().largest_free());
    void *a = heap_caps_malloc(1001, MALLOC_CAP_DMA);
    void *b = heap_caps_calloc(10, 10, MALLOC_CAP_DMA | MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    for (void *p : {a, b}) {
        const uint32_t addr = board.dram().chip_addr(p);
        EXPECT_GE(addr, 0x3FFAE000u);
        EXPECT_LE(addr, 0x3FFFFFFFu);
        EXPECT_EQ(addr % 4, 0u);
    }
    for (int i = 0; i < 100; i++) ASSERT_EQ(static_cast<uint8_t *>(b)[i], 0);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), free0 - 1004 - 100);
    EXPECT_EQ(board.dram().heap_free(), free0 - 1004 - 100) << "the query gave back what it took";
    heap_caps_free(a);
    heap_caps_free(b);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), free0);
}

TEST_F(IdfApi, OtherCapabilitiesComeFromTheHostOrNotAtAll) {
    EXPECT_EQ(heap_caps_malloc(100, MALLOC_CAP_SPIRAM), nullptr) << "no PSRAM on the board";
    EXPECT_EQ(heap_caps_malloc(100, MALLOC_CAP_EXEC), nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), 0u);
    EXPECT_EQ(heap_caps_get_largest_free_block(MALLOC_CAP_SPIRAM), 0u);
    EXPECT_EQ(heap_caps_malloc(0, MALLOC_CAP_DMA), nullptr);
    EXPECT_EQ(heap_caps_calloc(SIZE_MAX / 2, 4, MALLOC_CAP_DEFAULT), nullptr) << "overflow";
    const size_t dma_free = board.dram().heap_free();
    void *p = heap_caps_malloc(1 << 20, MALLOC_CAP_DEFAULT | MALLOC_CAP_8BIT);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(board.dram().chip_addr(p), 0u);
    EXPECT_EQ(board.dram().heap_free(), dma_free);
    heap_caps_free(p);
    int not_from_the_heap = 0;
    heap_caps_free(&not_from_the_heap);  // ignored, not passed to free()
    heap_caps_free(nullptr);
}

TEST_F(IdfApi, LogLinesFollowTheLevelOfTheirTag) {
    vprintf_like_t old = esp_log_set_vprintf(capture);
    g_log.clear();
    board.run_for(1234 * kPicosPerMs);
    EXPECT_EQ(esp_log_timestamp(), 1234u);
    EXPECT_EQ(esp_log_level_get("any"), ESP_LOG_INFO);
    ESP_LOGI("lcd", "init %d", 7);
    ESP_LOGD("lcd", "hidden");
    esp_log_level_set("lcd", ESP_LOG_DEBUG);
    ESP_LOGD("lcd", "shown");
    ESP_LOGD("other", "hidden");
    esp_log_level_set("*", ESP_LOG_ERROR);
    EXPECT_EQ(esp_log_level_get("lcd"), ESP_LOG_ERROR) << "\"*\" resets every tag";
    ESP_LOGW("lcd", "hidden");
    esp_log_write(ESP_LOG_ERROR, "raw", "raw %s\n", "line");
    esp_log_level_set("*", ESP_LOG_INFO);
    EXPECT_EQ(esp_log_set_vprintf(old), capture);
    EXPECT_EQ(g_log, "I (1234) lcd: init 7\nD (1234) lcd: shown\nraw line\n");
}

// ESP-IDF's log_buffers.c formats: 16 bytes a line, "%02x " each; the characters; a hex dump
// of address, two groups of eight and the printable characters between bars.
TEST_F(IdfApi, LogBuffersAsEspIdfWritesThem) {
    board.run_for(2 * upanel::emu::kPicosPerMs);
    vprintf_like_t old = esp_log_set_vprintf(capture);
    g_log.clear();
    const uint8_t bytes[18] = {'A', 'b', 0x00, 0xFF, '1', '2', '3', '4', '5',
                               '6', '7', '8',  '9',  'x', 'y', 'z', '~', 0x7F};
    esp_log_buffer_hex_internal("buf", bytes, 18, ESP_LOG_INFO);
    EXPECT_EQ(g_log,
              "I (2) buf: 41 62 00 ff 31 32 33 34 35 36 37 38 39 78 79 7a \n"
              "I (2) buf: 7e 7f \n");
    g_log.clear();
    esp_log_buffer_char_internal("buf", "0123456789abcdefXY", 18, ESP_LOG_WARN);
    EXPECT_EQ(g_log, "W (2) buf: 0123456789abcdef\nW (2) buf: XY\n");
    g_log.clear();
    uint8_t *dma = static_cast<uint8_t *>(heap_caps_malloc(20, MALLOC_CAP_DMA));
    ASSERT_NE(dma, nullptr);
    for (int i = 0; i < 20; i++) dma[i] = uint8_t(0x30 + i);
    char first[12];
    std::snprintf(first, sizeof first, "0x%08x", unsigned(upanel::ll::dma_addr(dma)));
    esp_log_buffer_hexdump_internal("dump", dma, 20, ESP_LOG_ERROR);
    char second[12];
    std::snprintf(second, sizeof second, "0x%08x", unsigned(upanel::ll::dma_addr(dma + 16)));
    EXPECT_EQ(g_log, std::string("E (2) dump: ") + first +
                         "   30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|\n"
                         "E (2) dump: " +
                         second + "   40 41 42 43                                       |@ABC|\n");
    heap_caps_free(dma);
    g_log.clear();
    esp_log_buffer_hex_internal("buf", bytes, 4, ESP_LOG_DEBUG);  // below INFO: nothing
    EXPECT_EQ(g_log, "");
    EXPECT_EQ(esp_log_early_timestamp(), 2u);
    esp_log_set_vprintf(old);
}

TEST_F(IdfApi, ClocksAndTicks) {
    EXPECT_EQ(esp_clk_cpu_freq(), 240'000'000);
    EXPECT_EQ(esp_clk_apb_freq(), 80'000'000);
    EXPECT_EQ(esp_clk_xtal_freq(), 40'000'000);
    EXPECT_EQ(portTICK_PERIOD_MS, 10u);
    EXPECT_EQ(pdMS_TO_TICKS(1000), 100u);
    EXPECT_EQ(portMAX_DELAY, 0xFFFFFFFFu);
    const auto t0 = board.now();
    vTaskDelay(3);
    EXPECT_GE(board.now() - t0, 30 * kPicosPerMs);
    EXPECT_LT(board.now() - t0, 30 * kPicosPerMs + 30 * kPicosPerUs);
    const auto t1 = board.now();
    ets_delay_us(500);
    EXPECT_GE(board.now() - t1, 500 * kPicosPerUs);
    EXPECT_LT(board.now() - t1, 530 * kPicosPerUs);
    EXPECT_EQ(xPortInIsrContext(), pdFALSE);
}

TEST_F(IdfApi, GpioOutputsReachTheEmulatedPads) {
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_21, GPIO_MODE_INPUT_OUTPUT), ESP_OK);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_21, 1), ESP_OK);
    auto r = board.gpio().route(21);
    EXPECT_EQ(r.kind, upanel::emu::PadRoute::kLevel);
    EXPECT_TRUE(r.level);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_21), 1);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_21, 0), ESP_OK);
    EXPECT_FALSE(board.gpio().route(21).level);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_21), 0);
    // The display's backlight and reset inputs follow their pads.
    gpio_config_t c = {};
    c.pin_bit_mask = (1ull << kBacklight) | (1ull << kRst);
    c.mode = GPIO_MODE_OUTPUT;
    ASSERT_EQ(gpio_config(&c), ESP_OK);
    EXPECT_FALSE(board.ili9341()->backlight());
    gpio_set_level(gpio_num_t(kBacklight), 1);
    EXPECT_TRUE(board.ili9341()->backlight());
    // ESP-IDF's reset leaves the pad with its pull-up on, which the backlight input sees.
    EXPECT_EQ(gpio_reset_pin(gpio_num_t(kBacklight)), ESP_OK);
    EXPECT_EQ(board.gpio().route(kBacklight).kind, upanel::emu::PadRoute::kFloating);
    EXPECT_TRUE(board.gpio().pulled_up(kBacklight));
    EXPECT_TRUE(board.ili9341()->backlight());
    EXPECT_EQ(gpio_pullup_dis(gpio_num_t(kBacklight)), ESP_OK);
    EXPECT_FALSE(board.ili9341()->backlight()) << "floating: off";
}

TEST_F(IdfApi, TheHeadersAreCAndAgreeWithCpp) {
    EXPECT_EQ(idf_c_layout(0), sizeof(spi_transaction_t));
    EXPECT_EQ(idf_c_layout(1), offsetof(spi_transaction_t, tx_buffer));
    EXPECT_EQ(idf_c_layout(2), offsetof(spi_transaction_t, rx_data));
    EXPECT_EQ(idf_c_layout(3), sizeof(spi_device_interface_config_t));
    EXPECT_EQ(idf_c_layout(4), offsetof(spi_device_interface_config_t, post_cb));
    EXPECT_EQ(idf_c_layout(5), sizeof(spi_bus_config_t));
    EXPECT_EQ(idf_c_layout(6), offsetof(spi_bus_config_t, intr_flags));
    EXPECT_EQ(idf_c_layout(7), sizeof(gpio_config_t));
    EXPECT_EQ(idf_c_example_configs(), ESP_OK);
}
