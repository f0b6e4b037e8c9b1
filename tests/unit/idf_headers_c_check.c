/* The idf shim's headers compiled as C (gnu99, as ESP-IDF code is): code written for
 * ESP-IDF, using designated initializers and the anonymous unions, builds against them. */
#include <stddef.h>

#include "driver/gpio.h"
#include "driver/spi_master.h"
#include "esp_clk.h"
#include "esp_err.h"
#include "esp_heap_caps.h"
#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "rom/ets_sys.h"

static void pre_cb(spi_transaction_t *t) { gpio_set_level(GPIO_NUM_21, (int)(intptr_t)t->user); }

/* Sizes and offsets as C sees them, for the C++ test to compare with its own. */
size_t idf_c_layout(int what) {
    switch (what) {
        case 0:
            return sizeof(spi_transaction_t);
        case 1:
            return offsetof(spi_transaction_t, tx_buffer);
        case 2:
            return offsetof(spi_transaction_t, rx_data);
        case 3:
            return sizeof(spi_device_interface_config_t);
        case 4:
            return offsetof(spi_device_interface_config_t, post_cb);
        case 5:
            return sizeof(spi_bus_config_t);
        case 6:
            return offsetof(spi_bus_config_t, intr_flags);
        case 7:
            return sizeof(gpio_config_t);
        default:
            return 0;
    }
}

/* Configurations written the way ESP-IDF examples write them; returns ESP_OK when they pass. */
esp_err_t idf_c_example_configs(void) {
    gpio_config_t io = {.pin_bit_mask = 1ULL << GPIO_NUM_21,
                        .mode = GPIO_MODE_OUTPUT,
                        .pull_up_en = GPIO_PULLUP_DISABLE,
                        .pull_down_en = GPIO_PULLDOWN_DISABLE,
                        .intr_type = GPIO_INTR_DISABLE};
    spi_bus_config_t bus = {.mosi_io_num = 23,
                            .miso_io_num = -1,
                            .sclk_io_num = 19,
                            .quadwp_io_num = -1,
                            .quadhd_io_num = -1,
                            .max_transfer_sz = 4096};
    spi_device_interface_config_t dev = {
        .clock_speed_hz = 10 * 1000 * 1000, .mode = 0, .spics_io_num = 22, .queue_size = 7, .pre_cb = pre_cb};
    spi_transaction_t t = {.length = 8, .flags = SPI_TRANS_USE_TXDATA, .tx_data = {0x29}, .user = (void *)0};
    spi_device_handle_t spi;
    esp_err_t err = gpio_config(&io);
    if (err == ESP_OK) err = spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO);
    if (err != ESP_OK) return err;
    err = spi_bus_add_device(HSPI_HOST, &dev, &spi);
    if (err == ESP_OK) {
        err = spi_device_polling_transmit(spi, &t);
        spi_bus_remove_device(spi);
    }
    spi_bus_free(HSPI_HOST);
    vTaskDelay(pdMS_TO_TICKS(10));
    ets_delay_us(10);
    ESP_LOGD("c", "%d", esp_clk_cpu_freq());
    return err;
}
