// Bad arguments through the idf shim return the documented esp_err_t and leave nothing
// behind (TearDown checks the DMA-capable RAM; ASan the host heap).
#include <cstring>

#include "esp_heap_caps.h"
#include "idf_board_fixture.h"

using namespace idf_test;

namespace {
class IdfErrors : public IdfBoard {};
}  // namespace

TEST_F(IdfErrors, GpioRefusesPadsThatDoNotExistOrCannotDriveAnOutput) {
    for (int pad : {-1, 20, 24, 28, 31, 40, 1000}) {
        EXPECT_EQ(gpio_set_direction(gpio_num_t(pad), GPIO_MODE_INPUT), ESP_ERR_INVALID_ARG) << pad;
        EXPECT_EQ(gpio_set_level(gpio_num_t(pad), 1), ESP_ERR_INVALID_ARG) << pad;
        EXPECT_EQ(gpio_reset_pin(gpio_num_t(pad)), ESP_ERR_INVALID_ARG) << pad;
        EXPECT_EQ(gpio_get_level(gpio_num_t(pad)), 0) << pad;
    }
    for (int pad = 34; pad <= 39; pad++) {
        EXPECT_EQ(gpio_set_direction(gpio_num_t(pad), GPIO_MODE_OUTPUT), ESP_ERR_INVALID_ARG);
        EXPECT_EQ(gpio_set_direction(gpio_num_t(pad), GPIO_MODE_INPUT), ESP_OK);
        EXPECT_EQ(gpio_set_level(gpio_num_t(pad), 1), ESP_ERR_INVALID_ARG);
        EXPECT_EQ(gpio_set_pull_mode(gpio_num_t(pad), GPIO_PULLUP_ONLY), ESP_ERR_INVALID_ARG);
    }
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_2, gpio_mode_t(8)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_pull_mode(GPIO_NUM_2, gpio_pull_mode_t(9)), ESP_ERR_INVALID_ARG);

    gpio_config_t c = {};
    c.mode = GPIO_MODE_OUTPUT;
    EXPECT_EQ(gpio_config(nullptr), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG) << "empty mask";
    c.pin_bit_mask = 1ull << 40;
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG);
    // One bad pad in the mask: none of the others is touched.
    c.pin_bit_mask = (1ull << 2) | (1ull << 20);
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG);
    c.pin_bit_mask = (1ull << 2) | (1ull << 35);
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(board.gpio().route(2).kind, upanel::emu::PadRoute::kFloating);
    c.pin_bit_mask = 1ull << 2;
    c.intr_type = GPIO_INTR_MAX;
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(board.gpio().route(2).kind, upanel::emu::PadRoute::kFloating);
    c.intr_type = GPIO_INTR_DISABLE;
    c.pin_bit_mask = (1ull << 2) | (1ull << 36);
    c.mode = GPIO_MODE_INPUT;
    c.pull_up_en = GPIO_PULLUP_ENABLE;
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG) << "36 has no pull-up";
    EXPECT_FALSE(board.gpio().input_enabled(2));
}

TEST_F(IdfErrors, BusInitializeRefusesBadHostsPinsChannelsAndASecondInit) {
    spi_bus_config_t bus = {};
    bus.mosi_io_num = kMosi, bus.miso_io_num = -1, bus.sclk_io_num = kClk;
    bus.quadwp_io_num = bus.quadhd_io_num = -1;
    EXPECT_EQ(spi_bus_initialize(SPI1_HOST, &bus, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(spi_host_device_t(3), &bus, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(spi_host_device_t(-1), &bus, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, nullptr, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bus, spi_dma_chan_t(4)), ESP_ERR_INVALID_ARG);
    spi_bus_config_t bad = bus;
    bad.mosi_io_num = 34;  // input only
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bad, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    bad = bus;
    bad.sclk_io_num = 24;  // no such pad
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bad, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    bad = bus;
    bad.flags = SPICOMMON_BUSFLAG_MISO;  // asks for a MISO pin it does not have
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bad, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(board.gpio().route(kMosi).kind, upanel::emu::PadRoute::kFloating) << "nothing routed";

    ASSERT_EQ(spi_bus_initialize(SPI2_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bus, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_bus_free(SPI2_HOST), ESP_OK);
    EXPECT_EQ(spi_bus_free(SPI2_HOST), ESP_ERR_INVALID_STATE) << "freed already";
    EXPECT_EQ(spi_bus_free(SPI1_HOST), ESP_ERR_INVALID_ARG);
    // No DMA-capable RAM left for the descriptors: no memory, nothing kept.
    void *all = heap_caps_malloc(heap_caps_get_largest_free_block(MALLOC_CAP_DMA), MALLOC_CAP_DMA);
    ASSERT_NE(all, nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), 0u);
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bus, SPI_DMA_CH_AUTO), ESP_ERR_NO_MEM);
    EXPECT_EQ(board.gpio().route(kMosi).kind, upanel::emu::PadRoute::kFloating);
    heap_caps_free(all);
    EXPECT_EQ(spi_bus_initialize(SPI2_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
}

TEST_F(IdfErrors, AddDeviceRefusesBadConfigs) {
    spi_device_interface_config_t c = device_config();
    spi_device_handle_t h = nullptr;
    EXPECT_EQ(spi_bus_add_device(SPI2_HOST, &c, &h), ESP_ERR_INVALID_STATE) << "no bus yet";
    ASSERT_EQ(init_bus(), ESP_OK);
    EXPECT_EQ(spi_bus_add_device(SPI1_HOST, &c, &h), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_add_device(SPI2_HOST, nullptr, &h), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_add_device(SPI2_HOST, &c, nullptr), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_add_device(SPI3_HOST, &c, &h), ESP_ERR_INVALID_STATE);
    auto refused = [&](auto change, esp_err_t want) {
        spi_device_interface_config_t bad = device_config();
        change(bad);
        spi_device_handle_t none = nullptr;
        EXPECT_EQ(spi_bus_add_device(SPI2_HOST, &bad, &none), want);
        EXPECT_EQ(none, nullptr);
    };
    refused([](auto &b) { b.clock_speed_hz = 0; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.clock_speed_hz = -5; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.mode = 4; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.queue_size = 0; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.spics_io_num = 36; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.spics_io_num = 28; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.command_bits = 17; }, ESP_ERR_INVALID_ARG);  // USER2 has 4 bits
    // ESP-IDF on the ESP32: no command phase on a full-duplex device whose CS leads by 2 clocks.
    refused([](auto &b) { b.command_bits = 8, b.cs_ena_pretrans = 2; }, ESP_ERR_INVALID_ARG);
    refused([](auto &b) { b.address_bits = 24; }, ESP_ERR_NOT_SUPPORTED);
    refused([](auto &b) { b.dummy_bits = 1; }, ESP_ERR_NOT_SUPPORTED);
    refused([](auto &b) { b.flags = SPI_DEVICE_3WIRE; }, ESP_ERR_NOT_SUPPORTED);
    // Three CS lines: a fourth device finds none.
    add_device(device_config(kCs));
    add_device(device_config(15));
    add_device(device_config(-1));
    EXPECT_EQ(spi_bus_add_device(SPI2_HOST, &c, &h), ESP_ERR_NOT_FOUND);
    EXPECT_EQ(spi_bus_free(SPI2_HOST), ESP_ERR_INVALID_STATE) << "devices still on it";
}

TEST_F(IdfErrors, TransactionsAreCheckedBeforeTheyAreQueued) {
    ASSERT_EQ(init_bus(1000), ESP_OK);
    spi_device_handle_t dev = add_device(device_config());
    uint8_t *dma = static_cast<uint8_t *>(heap_caps_malloc(2000, MALLOC_CAP_DMA));
    ASSERT_NE(dma, nullptr);
    std::vector<uint8_t> host_memory(100);
    spi_transaction_t t = {};
    t.tx_buffer = dma;
    t.length = 8 * 100;
    spi_transaction_t *got = nullptr;

    EXPECT_EQ(spi_device_queue_trans(nullptr, &t, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_queue_trans(dev, nullptr, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_get_trans_result(nullptr, &got, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_get_trans_result(dev, nullptr, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_transmit(nullptr, &t), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_polling_transmit(nullptr, &t), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_polling_transmit(dev, nullptr), ESP_ERR_INVALID_ARG);
    // A handle that is no device: a pointer to something else.
    int not_a_device = 0;
    auto *fake = reinterpret_cast<spi_device_handle_t>(&not_a_device);
    EXPECT_EQ(spi_device_queue_trans(fake, &t, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_remove_device(fake), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_remove_device(nullptr), ESP_ERR_INVALID_ARG);

    auto refused = [&](auto change, esp_err_t want) {
        spi_transaction_t bad = {};
        bad.tx_buffer = dma;
        bad.length = 8 * 100;
        change(bad);
        EXPECT_EQ(spi_device_queue_trans(dev, &bad, 0), want);
        EXPECT_EQ(spi_device_polling_transmit(dev, &bad), want);
    };
    refused([&](auto &b) { b.tx_buffer = host_memory.data(); }, ESP_ERR_INVALID_ARG);  // not DMA RAM
    refused([&](auto &b) { b.tx_buffer = dma + 1; }, ESP_ERR_INVALID_ARG);             // not aligned
    refused([&](auto &b) { b.tx_buffer = nullptr; }, ESP_ERR_INVALID_ARG);
    refused([&](auto &b) { b.length = 0; }, ESP_ERR_INVALID_ARG);
    refused([&](auto &b) { b.length = 8 * 1001; }, ESP_ERR_INVALID_ARG);  // over max_transfer_sz
    // Receiving: ESP-IDF's rules, and what the data buffer holds (64 bytes; more is DMA).
    refused([&](auto &b) { b.rxlength = 8 * 101; }, ESP_ERR_INVALID_ARG);   // rx longer than tx (full duplex)
    refused([&](auto &b) { b.rxlength = 8 * 1001; }, ESP_ERR_INVALID_ARG);  // over max_transfer_sz
    refused([&](auto &b) { b.rx_buffer = dma; }, ESP_ERR_NOT_SUPPORTED);    // rxlength = length: 100 bytes
    refused([&](auto &b) { b.flags = SPI_TRANS_USE_RXDATA; }, ESP_ERR_NOT_SUPPORTED);
    refused([&](auto &b) { b.flags = SPI_TRANS_USE_RXDATA, b.rxlength = 40; }, ESP_ERR_INVALID_ARG);
    refused([&](auto &b) { b.flags = SPI_TRANS_MODE_QIO; }, ESP_ERR_NOT_SUPPORTED);
    refused([&](auto &b) { b.flags = SPI_TRANS_VARIABLE_ADDR; }, ESP_ERR_NOT_SUPPORTED);
    refused([&](auto &b) { b.flags = SPI_TRANS_USE_TXDATA, b.length = 40; }, ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_get_trans_result(dev, &got, 0), ESP_ERR_TIMEOUT) << "nothing was queued";

    // A device with a transaction out cannot be removed; once it is returned, it can.
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_ERR_INVALID_STATE);
    ASSERT_EQ(spi_device_get_trans_result(dev, &got, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_OK);
    forget_device(dev);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_ERR_INVALID_ARG) << "removed already";
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    heap_caps_free(dma);
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
}
