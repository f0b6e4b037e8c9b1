/* The part of the espidf module that needs LVGL (built in with it): the C half of
 * lv_binding_micropython's ili9XXX.py in hybrid mode, under its names. The Python side sets
 * ili9xxx_flush as its display's flush_cb, ili9xxx_post_cb_isr as its SPI device's post_cb,
 * and stores what the flush needs as the display's driver data: a dict with "dc" (the D/C
 * pad), "spi" (the device handle), "dt" (the display type), "start_x", "start_y" (the
 * panel's offset in the controller's memory) and "swap_rgb565_bytes". */
#ifndef UPANEL_ESPIDF_LVGL_H
#define UPANEL_ESPIDF_LVGL_H

#include "driver/spi_master.h"

/** LVGL's flush_cb: the window commands (CASET, PASET, RAMWR) polled, then the pixels queued
 * for DMA from LVGL's buffer; flush_ready comes from ili9xxx_post_cb_isr when they are out. */
void ili9xxx_flush(void *disp_drv, const void *area, void *color_p);

/** The display's SPI post_cb: after the pixels of a flush, LVGL's flush_ready. */
void ili9xxx_post_cb_isr(spi_transaction_t *trans);

#endif
