// lvglcheck: a probe of LVGL inside the test firmware (build/micropython-test), for
// test_lvgl_gc.py. It is not a binding (that is the generated lvgl module): just enough calls
// to see that LVGL links, allocates on MicroPython's heap, survives collections through
// lvgl_gc.c's root pointer, renders, and can be deinitialised and initialised again.
#include <string.h>

#include "lvgl.h"

#include "py/gc.h"
#include "py/runtime.h"

extern void *mp_lv_roots;

static size_t lvglcheck_flushes;

static void lvglcheck_flush(lv_display_t *disp, const lv_area_t *area, uint8_t *px_map) {
    (void)area;
    (void)px_map;
    lvglcheck_flushes++;
    lv_display_flush_ready(disp);
}

static lv_display_t *lvglcheck_display(void) {
    lv_display_t *disp = lv_is_initialized() ? lv_display_get_default() : NULL;
    if (disp == NULL) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("no display: init() first"));
    }
    return disp;
}

// init(width, height): lv_init() and an RGB565 display drawn whole into one buffer that LVGL
// allocates (on MicroPython's heap, reachable only from LVGL's state).
static mp_obj_t lvglcheck_init(mp_obj_t w_in, mp_obj_t h_in) {
    int32_t w = mp_obj_get_int(w_in), h = mp_obj_get_int(h_in);
    if (w <= 0 || h <= 0 || w > 480 || h > 480) {
        mp_raise_ValueError(MP_ERROR_TEXT("size"));
    }
    lv_init();
    lv_display_t *disp = lv_display_create(w, h);
    lv_display_set_color_format(disp, LV_COLOR_FORMAT_RGB565);
    uint32_t size = (uint32_t)(w * h * 2);
    void *buf = lv_malloc(size);
    lv_display_set_buffers(disp, buf, NULL, size, LV_DISPLAY_RENDER_MODE_FULL);
    lv_display_set_user_data(disp, buf);
    lv_display_set_flush_cb(disp, lvglcheck_flush);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(lvglcheck_init_obj, lvglcheck_init);

// label(text): a label with the text, centred on the active screen.
static mp_obj_t lvglcheck_label(mp_obj_t text_in) {
    lvglcheck_display();
    lv_obj_t *label = lv_label_create(lv_screen_active());
    lv_label_set_text(label, mp_obj_str_get_str(text_in));
    lv_obj_center(label);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(lvglcheck_label_obj, lvglcheck_label);

// render(): redraws the whole screen now; returns the frame (RGB565, LVGL's byte order).
static mp_obj_t lvglcheck_render(void) {
    lv_display_t *disp = lvglcheck_display();
    lv_obj_invalidate(lv_screen_active());
    size_t flushes = lvglcheck_flushes;
    lv_refr_now(disp);
    if (lvglcheck_flushes == flushes) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("nothing flushed"));
    }
    size_t size =
        (size_t)lv_display_get_horizontal_resolution(disp) * lv_display_get_vertical_resolution(disp) * 2;
    return mp_obj_new_bytes(lv_display_get_user_data(disp), size);
}
static MP_DEFINE_CONST_FUN_OBJ_0(lvglcheck_render_obj, lvglcheck_render);

// state(): the bytes of the heap block holding LVGL's global state (0: none, or freed).
static mp_obj_t lvglcheck_state(void) {
    return mp_obj_new_int_from_uint(mp_lv_roots ? gc_nbytes(mp_lv_roots) : 0);
}
static MP_DEFINE_CONST_FUN_OBJ_0(lvglcheck_state_obj, lvglcheck_state);

static mp_obj_t lvglcheck_deinit(void) {
    if (lv_is_initialized()) {
        lv_deinit();
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(lvglcheck_deinit_obj, lvglcheck_deinit);

static const mp_rom_map_elem_t lvglcheck_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_lvglcheck)},
    {MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&lvglcheck_init_obj)},
    {MP_ROM_QSTR(MP_QSTR_label), MP_ROM_PTR(&lvglcheck_label_obj)},
    {MP_ROM_QSTR(MP_QSTR_render), MP_ROM_PTR(&lvglcheck_render_obj)},
    {MP_ROM_QSTR(MP_QSTR_state), MP_ROM_PTR(&lvglcheck_state_obj)},
    {MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&lvglcheck_deinit_obj)},
};
static MP_DEFINE_CONST_DICT(lvglcheck_globals, lvglcheck_globals_table);

const mp_obj_module_t lvglcheck_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&lvglcheck_globals,
};
MP_REGISTER_MODULE(MP_QSTR_lvglcheck, lvglcheck_module);
