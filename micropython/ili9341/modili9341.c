// ili9341: ILI9341 240x320 TFTs on the ESP32's SPI master, pixels sent by DMA, double
// buffered, with an LVGL-style flush callback.
#include "ili9341_obj.h"
#include "py/gc.h"
#include "py/runtime.h"

void *ili9341_alloc_obj(size_t size) { return m_malloc_with_finaliser(size); }

bool ili9341_schedule(mp_obj_t fun, mp_obj_t arg) { return mp_sched_schedule(fun, arg); }

// mp_handle_pending() runs one Python callback a call.
void ili9341_run_scheduled(void) {
    for (int i = 0; i < MICROPY_SCHEDULER_DEPTH && mp_sched_num_pending(); i++) {
        mp_handle_pending(true);
    }
    mp_handle_pending(true);
}

static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ili9341_flush_obj, 6, 6, ili9341_obj_flush);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ili9341_flush_cb_obj, 4, 4, ili9341_flush_cb);
MP_DEFINE_CONST_FUN_OBJ_1(ili9341_deliver_obj, ili9341_deliver);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ili9341_wait_obj, 1, 2, ili9341_wait);
static MP_DEFINE_CONST_FUN_OBJ_2(ili9341_fill_obj, ili9341_fill);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ili9341_fill_rect_obj, 6, 6, ili9341_fill_rect);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ili9341_blit_obj, 6, 6, ili9341_blit);
static MP_DEFINE_CONST_FUN_OBJ_1(ili9341_buffers_obj, ili9341_buffers);
static MP_DEFINE_CONST_FUN_OBJ_2(ili9341_backlight_obj, ili9341_backlight);
static MP_DEFINE_CONST_FUN_OBJ_2(ili9341_busy_obj, ili9341_busy);
static MP_DEFINE_CONST_FUN_OBJ_1(ili9341_deinit_obj, ili9341_deinit);
static MP_DEFINE_CONST_FUN_OBJ_1(ili9341_finalise_obj, ili9341_finalise);
static MP_DEFINE_CONST_FUN_OBJ_3(ili9341_color565_obj, ili9341_color565);

static const mp_rom_map_elem_t ili9341_display_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&ili9341_flush_obj)},
    {MP_ROM_QSTR(MP_QSTR_flush_cb), MP_ROM_PTR(&ili9341_flush_cb_obj)},
    {MP_ROM_QSTR(MP_QSTR_wait), MP_ROM_PTR(&ili9341_wait_obj)},
    {MP_ROM_QSTR(MP_QSTR_fill), MP_ROM_PTR(&ili9341_fill_obj)},
    {MP_ROM_QSTR(MP_QSTR_fill_rect), MP_ROM_PTR(&ili9341_fill_rect_obj)},
    {MP_ROM_QSTR(MP_QSTR_blit), MP_ROM_PTR(&ili9341_blit_obj)},
    {MP_ROM_QSTR(MP_QSTR_buffers), MP_ROM_PTR(&ili9341_buffers_obj)},
    {MP_ROM_QSTR(MP_QSTR_backlight), MP_ROM_PTR(&ili9341_backlight_obj)},
    {MP_ROM_QSTR(MP_QSTR_busy), MP_ROM_PTR(&ili9341_busy_obj)},
    {MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&ili9341_deinit_obj)},
    {MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&ili9341_finalise_obj)},
};
static MP_DEFINE_CONST_DICT(ili9341_display_locals, ili9341_display_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(ili9341_type_display, MP_QSTR_ILI9341, MP_TYPE_FLAG_NONE, make_new, ili9341_make_new,
                         attr, ili9341_attr, locals_dict, &ili9341_display_locals);

// A pixel buffer in DMA-capable RAM, owned by the display; refuses to be written while the
// display sends it.
MP_DEFINE_CONST_OBJ_TYPE(ili9341_type_buffer, MP_QSTR_DmaBuffer, MP_TYPE_FLAG_NONE, buffer,
                         ili9341_buffer_get_buffer);
const mp_obj_type_t *const ili9341_buffer_type = &ili9341_type_buffer;

static const mp_rom_map_elem_t ili9341_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_ili9341)},
    {MP_ROM_QSTR(MP_QSTR_ILI9341), MP_ROM_PTR(&ili9341_type_display)},
    {MP_ROM_QSTR(MP_QSTR_color565), MP_ROM_PTR(&ili9341_color565_obj)},
    // ESP-IDF's host numbers: HSPI_HOST is SPI2, VSPI_HOST is SPI3.
    {MP_ROM_QSTR(MP_QSTR_HSPI), MP_ROM_INT(1)},
    {MP_ROM_QSTR(MP_QSTR_VSPI), MP_ROM_INT(2)},
};
static MP_DEFINE_CONST_DICT(ili9341_module_globals, ili9341_module_globals_table);

const mp_obj_module_t ili9341_user_cmodule = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&ili9341_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_ili9341, ili9341_user_cmodule);
