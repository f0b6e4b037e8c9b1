// The ili9341 module's functions, implemented in ili9341_obj.cpp, bound in modili9341.c.
#pragma once
#include "py/obj.h"

#ifdef __cplusplus
extern "C" {
#endif

extern const mp_obj_type_t ili9341_type_display;
extern const mp_obj_type_t ili9341_type_buffer;
// Calls disp.flush_ready(); scheduled from the transfer-done interrupt.
extern const mp_obj_fun_builtin_fixed_t ili9341_flush_ready_obj;

mp_obj_t ili9341_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
mp_obj_t ili9341_flush(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_flush_cb(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_flush_ready(mp_obj_t disp);
mp_obj_t ili9341_wait(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_fill(mp_obj_t self_in, mp_obj_t color);
mp_obj_t ili9341_fill_rect(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_blit(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_buffers(mp_obj_t self_in);
mp_obj_t ili9341_backlight(mp_obj_t self_in, mp_obj_t on);
mp_obj_t ili9341_busy(mp_obj_t self_in, mp_obj_t buf);
mp_obj_t ili9341_deinit(mp_obj_t self_in);
void ili9341_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
mp_int_t ili9341_buffer_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags);
mp_obj_t ili9341_color565(mp_obj_t r, mp_obj_t g, mp_obj_t b);

#ifdef __cplusplus
}
#endif
