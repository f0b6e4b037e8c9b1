// LVGL's wait for flush_ready, on the emulated board. A display without a flush-wait
// callback (lv_binding_micropython's ili9XXX.py gives none) makes LVGL spin in
// `while(disp->flushing);` until the transfer-done interrupt calls flush_ready. On the chip the
// interrupt arrives while the CPU spins; here interrupts come only when emulated time passes,
// so every display gets a handler for LVGL_EVENT_FLUSH_WAIT_START, which LVGL sends just
// before that loop: it lets emulated time pass until flush_ready, bounded, so that a driver
// that never calls it is reported instead of hanging the program. Displays are made with it
// by wrapping lv_display_create at link time (-Wl,--wrap), leaving LVGL and scripts as they are.
#include "lvgl.h"
#include "src/display/lv_display_private.h"

#include "py/mpprint.h"
#include "py/mpconfig.h"
#include "upanel/ll/host_bus.h"

// Longer than any flush the emulated displays take: a whole 320x240 RGB565 frame at 1.25 MHz.
#define FLUSH_WAIT_LIMIT_US 1000000u

static void wait_for_flush_ready(lv_event_t *e) {
    lv_display_t *disp = lv_event_get_current_target(e);
    if (!disp->flushing || disp->flush_wait_cb != NULL) {
        return;  // a flush-wait callback waits its own way (LVGL calls it after this event)
    }
    const upanel_host_bus_t *bus = upanel_host_bus_current;
    if (bus == NULL) {
        return;
    }
    uint64_t end = bus->time_us(bus->ctx) + FLUSH_WAIT_LIMIT_US;
    while (disp->flushing && bus->time_us(bus->ctx) < end) {
        bus->idle(bus->ctx);
    }
    if (disp->flushing) {
        mp_printf(MICROPY_ERROR_PRINTER,
                  "lvgl: no flush_ready within %u ms of emulated time after flush_cb (does the driver call "
                  "disp.flush_ready() when its transfer ends?); LVGL goes on\n",
                  FLUSH_WAIT_LIMIT_US / 1000);
        disp->flushing = 0;
    }
}

lv_display_t *__real_lv_display_create(int32_t hor_res, int32_t ver_res);

lv_display_t *__wrap_lv_display_create(int32_t hor_res, int32_t ver_res) {
    lv_display_t *disp = __real_lv_display_create(hor_res, ver_res);
    if (disp != NULL) {
        lv_display_add_event_cb(disp, wait_for_flush_ready, LV_EVENT_FLUSH_WAIT_START, NULL);
    }
    return disp;
}
