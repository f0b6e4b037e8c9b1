// The idf shim's command phase and reception, end to end on the emulated board: an XPT2046 on
// CS1 of the bus the ILI9341 has on CS0, read as lv_binding_micropython's xpt2046.py reads it
// (command_bits 9, half duplex, rxlength 16). Expected readings come from the calibration and
// the datasheet's rules written out here.
#include <gtest/gtest.h>

#include <cmath>

#include "driver/gpio.h"
#include "driver/spi_master.h"
#include "esp_heap_caps.h"
#include "idf_board_fixture.h"
#include "upanel/ll/bus.h"

using namespace idf_test;

namespace {

constexpr int kTouchCs = 26, kPenirq = 27;

int raw_x(double x) { return int(std::lround(3783 + (242 - 3783) * x / 240)); }
int raw_y(double y) { return int(std::lround(3948 + (423 - 3948) * y / 320)); }

class IdfXpt2046 : public IdfBoard {
  protected:
    void SetUp() override {
        IdfBoard::SetUp();
        upanel::emu::Xpt2046Pins pins;
        pins.pad = {kTouchCs, kPenirq, kClk, kMosi, kMiso};
        board.attach_xpt2046(pins);
        ASSERT_EQ(init_bus(), ESP_OK);
        lcd = add_device(device_config(kCs));  // CS0
        spi_device_interface_config_t c = device_config(kTouchCs, 16, 5'000'000);
        c.command_bits = 9;
        c.flags = SPI_DEVICE_HALFDUPLEX;
        touch = add_device(c);  // CS1
    }
    // xpt2046.py's xpt_cmds: one queued transaction a command, results in order.
    std::vector<int> read(std::vector<uint16_t> cmds) {
        std::vector<spi_transaction_t> t(cmds.size());
        std::vector<std::array<uint8_t, 2>> rx(cmds.size());
        for (size_t i = 0; i < cmds.size(); i++) {
            t[i] = {};
            t[i].cmd = cmds[i];
            t[i].rxlength = 16;
            t[i].rx_buffer = rx[i].data();
            EXPECT_EQ(spi_device_queue_trans(touch, &t[i], portMAX_DELAY), ESP_OK);
        }
        std::vector<int> out;
        for (size_t i = 0; i < cmds.size(); i++) {
            spi_transaction_t *done = nullptr;
            EXPECT_EQ(spi_device_get_trans_result(touch, &done, portMAX_DELAY), ESP_OK);
            EXPECT_EQ(done, &t[i]);
            out.push_back(rx[i][0] << 4 | rx[i][1] >> 4);  // the 12 top bits, network order
        }
        return out;
    }
    spi_device_handle_t lcd = nullptr, touch = nullptr;
};

constexpr uint16_t kReadX = 0b110100000, kReadY = 0b100100000;  // xpt2046.py's names
constexpr uint16_t kReadZ1 = 0b101100000, kReadZ2 = 0b110000000;

TEST_F(IdfXpt2046, HalfDuplexCommandAndReceptionReadTheTouch) {
    board.touch(100.5, 200.5);
    // xpt2046.py's CMD_Y_READ (0xD0) is the datasheet's X-position, CMD_X_READ (0x90) its
    // Y-position: the driver's transpose=True puts them back.
    std::vector<int> v = read({kReadX, kReadY, kReadZ1, kReadZ2});
    EXPECT_EQ(v[0], raw_x(100.5));
    EXPECT_EQ(v[1], raw_y(200.5));
    EXPECT_GT(v[2], 0);
    EXPECT_LT(v[2], v[3]);
    // xpt2046.py's arithmetic maps the readings back to the pixel.
    EXPECT_EQ((v[0] - 3783) * 240 / (242 - 3783), 100);
    EXPECT_EQ((v[1] - 3948) * 320 / (423 - 3948), 200);
    EXPECT_EQ(board.xpt2046()->stats().conversions, 4u);
    EXPECT_EQ(board.ili9341()->stats().bytes, 0u) << "the display on CS0 was never selected";
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
}

TEST_F(IdfXpt2046, UntouchedAndPenirq) {
    EXPECT_EQ(read({kReadX, kReadY}), (std::vector<int>{0, 4095}));
    ASSERT_EQ(gpio_set_direction(gpio_num_t(kPenirq), GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_get_level(gpio_num_t(kPenirq)), 1);
    board.touch(10, 10);
    EXPECT_EQ(gpio_get_level(gpio_num_t(kPenirq)), 0) << "low while touched";
    board.release();
    EXPECT_EQ(gpio_get_level(gpio_num_t(kPenirq)), 1);
}

// The display's transfers on CS0 do not clock the touch controller, and RXDATA, full duplex
// and polling receive the same way.
TEST_F(IdfXpt2046, DevicesOnOneBusStaySeparate) {
    board.touch(50, 60);
    spi_transaction_t t = {};
    t.flags = SPI_TRANS_USE_TXDATA;
    t.length = 8;
    t.tx_data[0] = 0x01;  // ILI9341 SWRESET
    ASSERT_EQ(spi_device_polling_transmit(lcd, &t), ESP_OK);
    EXPECT_EQ(board.ili9341()->stats().bytes, 1u);
    EXPECT_EQ(board.xpt2046()->stats().conversions, 0u);

    spi_transaction_t r = {};
    r.flags = SPI_TRANS_USE_RXDATA;
    r.cmd = kReadX;
    r.rxlength = 16;
    ASSERT_EQ(spi_device_polling_transmit(touch, &r), ESP_OK);
    EXPECT_EQ(r.rx_data[0] << 4 | r.rx_data[1] >> 4, raw_x(50));
    EXPECT_EQ(board.ili9341()->stats().bytes, 1u);

    // A full-duplex device: the control byte as data, the reply in the same clocks. 24 clocks:
    // control byte, busy, 12 bits, 3 zeros.
    spi_bus_remove_device(touch);
    forget_device(touch);
    touch = add_device(device_config(kTouchCs, 4, 2'000'000));
    spi_transaction_t f = {};
    f.flags = SPI_TRANS_USE_TXDATA | SPI_TRANS_USE_RXDATA;
    f.length = 24;
    f.tx_data[0] = 0x90;  // Y-position
    ASSERT_EQ(spi_device_transmit(touch, &f), ESP_OK);
    EXPECT_EQ(f.rxlength, 24u) << "rxlength 0 became length, as in ESP-IDF";
    EXPECT_EQ((f.rx_data[1] << 8 | f.rx_data[2]) >> 3, raw_y(60));
}

TEST_F(IdfXpt2046, ReceptionChecks) {
    uint8_t buf[80];
    spi_transaction_t t = {};
    t.cmd = kReadX;
    t.rx_buffer = buf;
    EXPECT_EQ(spi_device_queue_trans(touch, &t, 0), ESP_ERR_INVALID_ARG) << "half duplex, rxlength 0";
    t.rxlength = 8 * 65;
    EXPECT_EQ(spi_device_queue_trans(touch, &t, 0), ESP_ERR_NOT_SUPPORTED) << "over the 64-byte buffer";
    t.rxlength = 8 * 5000;
    EXPECT_EQ(spi_device_queue_trans(touch, &t, 0), ESP_ERR_INVALID_ARG) << "over max_transfer_sz";
    // Half duplex on a DMA bus cannot both send and receive (ESP-IDF on the ESP32).
    uint8_t *dma = static_cast<uint8_t *>(heap_caps_malloc(4, MALLOC_CAP_DMA));
    t.rxlength = 16;
    t.tx_buffer = dma;
    t.length = 8;
    EXPECT_EQ(spi_device_queue_trans(touch, &t, 0), ESP_ERR_INVALID_ARG);
    heap_caps_free(dma);
    // SPI_TRANS_VARIABLE_CMD: the extended transaction's command_bits.
    spi_transaction_ext_t e = {};
    e.base.flags = SPI_TRANS_VARIABLE_CMD | SPI_TRANS_USE_RXDATA;
    e.base.cmd = 0xD0;  // eight bits: the reply starts with the busy bit
    e.base.rxlength = 16;
    e.command_bits = 8;
    board.touch(200, 20);
    ASSERT_EQ(spi_device_polling_transmit(touch, &e.base), ESP_OK);
    EXPECT_EQ((e.base.rx_data[0] << 8 | e.base.rx_data[1]) >> 3, raw_x(200));
    e.command_bits = 17;
    EXPECT_EQ(spi_device_polling_transmit(touch, &e.base), ESP_ERR_INVALID_ARG);
}

}  // namespace
