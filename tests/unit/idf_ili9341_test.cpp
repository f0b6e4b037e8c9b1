// An ILI9341 on the emulated board driven only through the idf shim, the way ESP-IDF's
// spi_master "lcd" example drives it: D/C set by a pre-transfer callback from the
// transaction's user field, commands polled, stripes of pixels queued as six transactions
// each (CASET, PASET, RAMWR and their data, the pixels by DMA). The expected picture is
// computed here from the pixels sent.
#include <cstdint>
#include <cstring>

#include "esp_heap_caps.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "idf_board_fixture.h"

using namespace idf_test;

namespace {

constexpr int kW = 240, kH = 320, kLines = 40;

uint16_t pattern(int x, int y) { return uint16_t((x * 7 + y * 13) * 37 + (x ^ y)); }

struct PostCall {
    spi_transaction_t *trans;
    uint64_t interrupts;  // the board's count of interrupts served when the callback ran
    bool in_isr;
};
upanel::emu::Board *g_board;
std::vector<spi_transaction_t *> g_pre;
std::vector<PostCall> g_post;

void lcd_pre_transfer(spi_transaction_t *t) {
    gpio_set_level(gpio_num_t(kDc), uint32_t(reinterpret_cast<intptr_t>(t->user)));
    g_pre.push_back(t);
}
void lcd_post_transfer(spi_transaction_t *t) {
    g_post.push_back({t, g_board->stats().interrupts, xPortInIsrContext() == pdTRUE});
}

void *dc(int level) { return reinterpret_cast<void *>(intptr_t(level)); }

class IdfIli9341 : public IdfBoard {
  protected:
    void SetUp() override {
        IdfBoard::SetUp();
        g_board = &board;
        g_pre.clear();
        g_post.clear();
    }

    void init_panel(int queue_size = 7) {
        gpio_config_t io = {};
        io.pin_bit_mask = (1ull << kDc) | (1ull << kRst) | (1ull << kBacklight);
        io.mode = GPIO_MODE_OUTPUT;
        ASSERT_EQ(gpio_config(&io), ESP_OK);
        ASSERT_EQ(init_bus(kLines * kW * 2 + 8), ESP_OK);
        spi_device_interface_config_t dev = device_config(kCs, queue_size);
        dev.pre_cb = lcd_pre_transfer;
        dev.post_cb = lcd_post_transfer;
        lcd = add_device(dev);
        ASSERT_NE(lcd, nullptr);
        gpio_set_level(gpio_num_t(kRst), 0);
        vTaskDelay(pdMS_TO_TICKS(100));
        gpio_set_level(gpio_num_t(kRst), 1);
        vTaskDelay(pdMS_TO_TICKS(100));
        command(0x11);  // SLPOUT
        vTaskDelay(pdMS_TO_TICKS(120));
        command(0x3A, {0x55});  // COLMOD: 16-bit pixels
        command(0x36, {0x48});  // MADCTL: MX | BGR, upright portrait on the modules' glass
        command(0x29);          // DISPON
        gpio_set_level(gpio_num_t(kBacklight), 1);
    }

    // A command and up to 4 parameter bytes, polled, from the transaction's own tx_data.
    void command(uint8_t cmd, std::initializer_list<uint8_t> params = {}) {
        spi_transaction_t t = {};
        t.length = 8;
        t.flags = SPI_TRANS_USE_TXDATA;
        t.tx_data[0] = cmd;
        t.user = dc(0);
        ASSERT_EQ(spi_device_polling_transmit(lcd, &t), ESP_OK);
        if (!params.size()) return;
        t = {};
        t.length = 8 * params.size();
        t.flags = SPI_TRANS_USE_TXDATA;
        std::memcpy(t.tx_data, params.begin(), params.size());
        t.user = dc(1);
        ASSERT_EQ(spi_device_polling_transmit(lcd, &t), ESP_OK);
    }

    // The example's send_lines: six transactions for kLines full rows from y.
    void queue_lines(int y, const uint8_t *pixels, spi_transaction_t *trans) {
        for (int i = 0; i < 6; i++) {
            trans[i] = {};
            trans[i].flags = i == 5 ? 0 : SPI_TRANS_USE_TXDATA;
            trans[i].length = i % 2 ? 8 * 4 : 8;
            trans[i].user = dc(i % 2);
        }
        trans[0].tx_data[0] = 0x2A;  // CASET 0..239
        trans[1].tx_data[2] = (kW - 1) >> 8, trans[1].tx_data[3] = (kW - 1) & 0xFF;
        trans[2].tx_data[0] = 0x2B;  // PASET y..y+kLines-1
        trans[3].tx_data[0] = uint8_t(y >> 8), trans[3].tx_data[1] = uint8_t(y);
        trans[3].tx_data[2] = uint8_t((y + kLines - 1) >> 8), trans[3].tx_data[3] = uint8_t(y + kLines - 1);
        trans[4].tx_data[0] = 0x2C;  // RAMWR
        trans[5].tx_buffer = pixels;
        trans[5].length = size_t(kW) * kLines * 2 * 8;
        for (int i = 0; i < 6; i++) ASSERT_EQ(spi_device_queue_trans(lcd, &trans[i], portMAX_DELAY), ESP_OK);
    }

    void finish_lines(spi_transaction_t *trans) {
        for (int i = 0; i < 6; i++) {
            spi_transaction_t *got = nullptr;
            ASSERT_EQ(spi_device_get_trans_result(lcd, &got, portMAX_DELAY), ESP_OK);
            ASSERT_EQ(got, &trans[i]) << "results come back in queue order";
        }
    }

    spi_device_handle_t lcd = nullptr;
    spi_transaction_t trans[12];
};

}  // namespace

TEST_F(IdfIli9341, TheExampleFlowDrawsThePictureItSent) {
    init_panel();
    if (HasFatalFailure()) return;
    uint8_t *lines = static_cast<uint8_t *>(heap_caps_malloc(kW * kLines * 2, MALLOC_CAP_DMA));
    ASSERT_NE(lines, nullptr);
    for (int y0 = 0; y0 < kH; y0 += kLines) {
        for (int y = 0; y < kLines; y++)
            for (int x = 0; x < kW; x++) {
                uint16_t v = pattern(x, y0 + y);
                lines[2 * (y * kW + x)] = uint8_t(v >> 8), lines[2 * (y * kW + x) + 1] = uint8_t(v);
            }
        queue_lines(y0, lines, trans);
        finish_lines(trans);
        if (HasFatalFailure()) break;
    }
    heap_caps_free(lines);

    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
    auto *m = board.ili9341();
    EXPECT_EQ(m->stats().ignored, 0u);
    EXPECT_FALSE(m->sleeping());
    EXPECT_TRUE(m->display_on());
    EXPECT_TRUE(m->backlight());
    const std::vector<uint8_t> pic = m->picture();
    for (int y = 0; y < kH; y++)
        for (int x = 0; x < kW; x++) {
            const uint16_t v = pattern(x, y);
            const double want[3] = {(v >> 11) * 255.0 / 31, ((v >> 5) & 63) * 255.0 / 63,
                                    (v & 31) * 255.0 / 31};
            for (int c = 0; c < 3; c++)
                ASSERT_NEAR(pic[(y * kW + x) * 3 + c], want[c], 3.0) << x << "," << y << " channel " << c;
        }
}

TEST_F(IdfIli9341, PostCallbacksRunFromTheInterruptOncePerTransactionInOrder) {
    init_panel(12);
    if (HasFatalFailure()) return;
    const size_t polled = g_post.size();
    for (const PostCall &p : g_post) EXPECT_FALSE(p.in_isr) << "polled transfers call back in the task";
    uint8_t *lines = static_cast<uint8_t *>(heap_caps_calloc(kW * kLines, 2, MALLOC_CAP_DMA));
    ASSERT_NE(lines, nullptr);
    queue_lines(0, lines, trans);
    queue_lines(kLines, lines, trans + 6);  // a second stripe queued behind the first (7 + 5)
    ASSERT_EQ(g_post.size(), polled) << "nothing runs before emulated time passes";
    finish_lines(trans);
    finish_lines(trans + 6);
    heap_caps_free(lines);

    ASSERT_EQ(g_post.size(), polled + 12);
    uint64_t last_interrupt = g_post[polled - 1].interrupts;
    for (size_t i = polled; i < g_post.size(); i++) {
        const PostCall &p = g_post[i];
        EXPECT_TRUE(p.in_isr) << "call " << i;
        EXPECT_GT(p.interrupts, last_interrupt) << "each from its own interrupt";
        last_interrupt = p.interrupts;
        EXPECT_EQ(p.trans, &trans[i - polled]) << "in queue order";
    }
    // pre_cb ran once per transaction too, before it: the same order.
    ASSERT_EQ(g_pre.size(), g_post.size());
    for (size_t i = 0; i < g_pre.size(); i++) EXPECT_EQ(g_pre[i], g_post[i].trans);
    EXPECT_EQ(xPortInIsrContext(), pdFALSE);
}

TEST_F(IdfIli9341, QueueTransReturnsAtOnceAndTheTransferTakesItsBusTime) {
    init_panel();
    if (HasFatalFailure()) return;
    uint8_t *lines = static_cast<uint8_t *>(heap_caps_malloc(kW * kLines * 2, MALLOC_CAP_DMA));
    ASSERT_NE(lines, nullptr);
    const upanel::emu::Picos t0 = board.now();
    const uint64_t bytes0 = board.ili9341()->stats().bytes;
    queue_lines(0, lines, trans);
    EXPECT_EQ(board.now(), t0);
    EXPECT_EQ(board.ili9341()->stats().bytes, bytes0);
    finish_lines(trans);
    heap_caps_free(lines);
    // 26 MHz asked: 80 MHz / 4 = 20 MHz, the fastest not above it; 50 ns a bit.
    EXPECT_EQ(board.spi(2).bit_time(), 50'000u);
    const uint64_t sent = board.ili9341()->stats().bytes - bytes0;
    EXPECT_EQ(sent, 1u + 4 + 1 + 4 + 1 + kW * kLines * 2);
    EXPECT_GE(board.now() - t0, sent * 8 * 50'000);
}
