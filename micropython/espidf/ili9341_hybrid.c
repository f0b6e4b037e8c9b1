// The C half of the hybrid ILI9341 driver (micropython/espidf/espidf.h): plain ESP-IDF code,
// the same on the chip and, through the idf shim, on the emulated board.
#include "espidf.h"

#include <stddef.h>

#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

void task_delay_ms(int ms) { vTaskDelay(pdMS_TO_TICKS(ms < 0 ? 0 : ms)); }

enum { CASET = 0x2A, PASET = 0x2B, RAMWR = 0x2C };

// A transaction's place in its flush (trans->user is the flush), or -1 for one that is not
// part of a flush (set-up commands, whose D/C the caller sets).
static int index_in(const ili9341_flush_t *f, const spi_transaction_t *t) {
    if (f == NULL || t < f->trans || t >= f->trans + ILI9341_FLUSH_TRANSACTIONS) {
        return -1;
    }
    return (int)(t - f->trans);
}

static void command(spi_transaction_t *t, ili9341_flush_t *f, uint8_t cmd) {
    t->flags = SPI_TRANS_USE_TXDATA;
    t->length = 8;
    t->tx_data[0] = cmd;
    t->user = f;
}

static void data4(spi_transaction_t *t, ili9341_flush_t *f, int a, int b) {
    t->flags = SPI_TRANS_USE_TXDATA;
    t->length = 32;
    t->tx_data[0] = (uint8_t)(a >> 8);
    t->tx_data[1] = (uint8_t)a;
    t->tx_data[2] = (uint8_t)(b >> 8);
    t->tx_data[3] = (uint8_t)b;
    t->user = f;
}

esp_err_t ili9341_flush_wait(ili9341_flush_t *f) {
    if (f == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    while (f->queued > 0) {
        spi_transaction_t *done;
        esp_err_t err = spi_device_get_trans_result(f->spi, &done, portMAX_DELAY);
        if (err != ESP_OK) {
            return err;
        }
        f->queued--;
    }
    return ESP_OK;
}

esp_err_t ili9341_flush(ili9341_flush_t *f, int x1, int y1, int x2, int y2, const void *pixels) {
    if (f == NULL || pixels == NULL || x1 < 0 || y1 < 0 || x2 < x1 || y2 < y1 || x2 > 319 || y2 > 319) {
        return ESP_ERR_INVALID_ARG;
    }
    esp_err_t err = ili9341_flush_wait(f);
    if (err != ESP_OK) {
        return err;
    }
    spi_transaction_t *t = f->trans;
    for (int i = 0; i < ILI9341_FLUSH_TRANSACTIONS; i++) {
        t[i] = (spi_transaction_t){0};
    }
    command(&t[0], f, CASET);
    data4(&t[1], f, x1, x2);
    command(&t[2], f, PASET);
    data4(&t[3], f, y1, y2);
    command(&t[4], f, RAMWR);
    t[5].length = (size_t)(x2 - x1 + 1) * (size_t)(y2 - y1 + 1) * 16;
    t[5].tx_buffer = pixels;
    t[5].user = f;
    f->busy = 1;
    for (int i = 0; i < ILI9341_FLUSH_TRANSACTIONS; i++) {
        err = spi_device_queue_trans(f->spi, &t[i], portMAX_DELAY);
        if (err != ESP_OK) {
            f->busy = 0;
            return err;
        }
        f->queued++;
    }
    return ESP_OK;
}

void ili9341_pre_cb_isr(spi_transaction_t *trans) {
    ili9341_flush_t *f = trans->user;
    int i = index_in(f, trans);
    if (i >= 0) {
        gpio_set_level((gpio_num_t)f->dc, i == 1 || i == 3 || i == 5);
    }
}

void ili9341_post_cb_isr(spi_transaction_t *trans) {
    ili9341_flush_t *f = trans->user;
    if (index_in(f, trans) == ILI9341_FLUSH_TRANSACTIONS - 1) {
        f->busy = 0;
        if (f->flush_ready) {
            f->flush_ready(f);
        }
    }
}
