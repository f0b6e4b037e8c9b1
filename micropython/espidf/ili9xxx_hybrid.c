// lv_binding_micropython's hybrid ILI9341 path (espidf_lvgl.h): plain ESP-IDF and LVGL calls,
// with the display's settings read from the dict ili9XXX.py keeps as its driver data.
#include "espidf_lvgl.h"

#include "driver/gpio.h"
#include "lvgl.h"
#include "mpb.h"

// ili9XXX.py's display types (its `dt`); this path sends 16-bit pixels, which excludes the
// ILI9488's 24-bit ones.
enum { DISPLAY_TYPE_ILI9488 = 2 };
enum { CASET = 0x2A, PASET = 0x2B, RAMWR = 0x2C };

// The pixels' transaction, on the bus from one flush until its post_cb: LVGL flushes again
// only after flush_ready.
static spi_transaction_t pixels;
static volatile bool pixels_on_bus;

static mp_obj_t setting(mp_obj_t dict, qstr key) {
    mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(key), MP_MAP_LOOKUP);
    if (e == NULL) {
        mp_raise_msg_varg(&mp_type_KeyError,
                          MP_ERROR_TEXT("ili9xxx_flush: the display's driver data has no '%q'"), key);
    }
    return e->value;
}

// A command byte and its parameters (at most 4 bytes), polled, D/C set by the pad.
static void send(spi_device_handle_t spi, int dc, uint8_t cmd, int a, int b) {
    spi_transaction_t t = {.flags = SPI_TRANS_USE_TXDATA, .length = 8, .tx_data = {cmd}};
    gpio_set_level(dc, 0);
    esp_err_t err = spi_device_polling_transmit(spi, &t);
    if (err == ESP_OK && a >= 0) {
        t = (spi_transaction_t){.flags = SPI_TRANS_USE_TXDATA,
                                .length = 32,
                                .tx_data = {(uint8_t)(a >> 8), (uint8_t)a, (uint8_t)(b >> 8), (uint8_t)b}};
        gpio_set_level(dc, 1);
        err = spi_device_polling_transmit(spi, &t);
    }
    if (err != ESP_OK) {
        mp_raise_msg_varg(&mp_type_OSError, MP_ERROR_TEXT("ili9xxx_flush: command 0x%02x: %s"), cmd,
                          esp_err_to_name(err));
    }
}

static void flush(lv_display_t *disp, const lv_area_t *area, void *color_p) {
    mp_obj_t data = mpb_obj_from_ptr(lv_display_get_driver_data(disp));
    if (data == MP_OBJ_NULL || !mp_obj_is_type(data, &mp_type_dict)) {
        mp_raise_TypeError(
            MP_ERROR_TEXT("ili9xxx_flush: the display's driver data must be a dict (ili9XXX.py's)"));
    }
    int dc = mp_obj_get_int(setting(data, MP_QSTR_dc));
    mp_obj_t keep;
    spi_device_handle_t spi = mpb_to_void_ptr(setting(data, MP_QSTR_spi), &keep);
    if (mp_obj_get_int(setting(data, MP_QSTR_dt)) == DISPLAY_TYPE_ILI9488) {
        mp_raise_ValueError(MP_ERROR_TEXT("ili9xxx_flush: 24-bit pixels (ILI9488) are not supported"));
    }
    int x0 = mp_obj_get_int(setting(data, MP_QSTR_start_x)),
        y0 = mp_obj_get_int(setting(data, MP_QSTR_start_y));
    bool swap = mp_obj_is_true(setting(data, MP_QSTR_swap_rgb565_bytes));
    if (pixels_on_bus) {
        mp_raise_msg(&mp_type_RuntimeError,
                     MP_ERROR_TEXT("ili9xxx_flush: the previous flush is still on the bus"));
    }
    // Results of earlier flushes, which nothing else collects.
    spi_transaction_t *done;
    while (spi_device_get_trans_result(spi, &done, 0) == ESP_OK) {}
    send(spi, dc, CASET, area->x1 + x0, area->x2 + x0);
    send(spi, dc, PASET, area->y1 + y0, area->y2 + y0);
    send(spi, dc, RAMWR, -1, 0);
    uint32_t n = (uint32_t)lv_area_get_width(area) * (uint32_t)lv_area_get_height(area);
    if (swap) {
        lv_draw_sw_rgb565_swap(color_p, n);
    }
    pixels = (spi_transaction_t){.length = n * 16, .tx_buffer = color_p, .user = disp};
    gpio_set_level(dc, 1);
    pixels_on_bus = true;
    esp_err_t err = spi_device_queue_trans(spi, &pixels, portMAX_DELAY);
    if (err != ESP_OK) {
        pixels_on_bus = false;
        mp_raise_msg_varg(&mp_type_OSError, MP_ERROR_TEXT("ili9xxx_flush: pixels: %s"), esp_err_to_name(err));
    }
}

void ili9xxx_flush(void *disp_drv, const void *area, void *color_p) {
    // An error leaves LVGL's wait ended (flush_ready) before it is raised: the display goes on.
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        flush(disp_drv, area, color_p);
        nlr_pop();
    } else {
        lv_display_flush_ready(disp_drv);
        nlr_jump(nlr.ret_val);
    }
}

void ili9xxx_post_cb_isr(spi_transaction_t *trans) {
    if (trans == &pixels) {
        pixels_on_bus = false;
        lv_display_flush_ready(trans->user);
    }
}
