// An emulated board with an ILI9341 wired as in ESP-IDF's spi_master "lcd" example, for tests
// that drive it through the idf shim only. TearDown frees what a test left (devices, buses)
// and checks that all DMA-capable RAM came back.
#pragma once
#include <gtest/gtest.h>

#include <vector>

#include "driver/gpio.h"
#include "driver/spi_master.h"
#include "upanel/emu/board.h"

namespace idf_test {

// The example's ESP32 wiring.
constexpr int kMosi = 23, kClk = 19, kCs = 22, kDc = 21, kRst = 18, kBacklight = 5, kMiso = 25;

class IdfBoard : public ::testing::Test {
  protected:
    void SetUp() override {
        upanel::emu::Ili9341Pins pins;
        pins.pad = {kMosi, kClk, kCs, kDc, kRst, kBacklight, kMiso};
        board.attach_ili9341(pins);
        upanel_host_bus_current = board.host_bus();
        dma_free_at_start = board.dram().heap_free();
    }
    void TearDown() override {
        for (spi_device_handle_t &d : devices) {
            spi_transaction_t *t;
            while (d && spi_device_get_trans_result(d, &t, 0) == ESP_OK) {}
            if (d) spi_bus_remove_device(d);
        }
        spi_bus_free(SPI2_HOST);
        spi_bus_free(SPI3_HOST);
        EXPECT_EQ(board.dram().heap_free(), dma_free_at_start) << "DMA-capable RAM leaked";
        upanel_host_bus_current = nullptr;
    }

    // A bus on SPI2 with the example's pins.
    esp_err_t init_bus(int max_transfer_sz = 4092, spi_dma_chan_t dma = SPI_DMA_CH_AUTO,
                       spi_host_device_t host = SPI2_HOST) {
        spi_bus_config_t bus = {};
        bus.mosi_io_num = kMosi;
        bus.miso_io_num = kMiso;
        bus.sclk_io_num = kClk;
        bus.quadwp_io_num = -1;
        bus.quadhd_io_num = -1;
        bus.max_transfer_sz = max_transfer_sz;
        return spi_bus_initialize(host, &bus, dma);
    }

    // A device; its handle is kept for TearDown.
    spi_device_handle_t add_device(spi_device_interface_config_t cfg, spi_host_device_t host = SPI2_HOST) {
        spi_device_handle_t h = nullptr;
        EXPECT_EQ(spi_bus_add_device(host, &cfg, &h), ESP_OK);
        devices.push_back(h);
        return h;
    }
    void forget_device(spi_device_handle_t h) {
        for (auto &d : devices)
            if (d == h) d = nullptr;
    }

    static spi_device_interface_config_t device_config(int cs = kCs, int queue_size = 7,
                                                       int hz = 26'000'000) {
        spi_device_interface_config_t c = {};
        c.clock_speed_hz = hz;
        c.mode = 0;
        c.spics_io_num = cs;
        c.queue_size = queue_size;
        return c;
    }

    upanel::emu::Board board{320 * 1024};
    size_t dma_free_at_start = 0;
    std::vector<spi_device_handle_t> devices;
};

}  // namespace idf_test
