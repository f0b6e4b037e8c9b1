// The ili9341 module's functions, implemented in ili9341_obj.cpp and bound by modili9341.c
// (the built-in module) or micropython/natmod/ili9341/ili9341_natmod.c (the native module).
#pragma once
#include "py/obj.h"

#ifdef __cplusplus
extern "C" {
#endif

// The DmaBuffer type, as the binding defines it (native modules build types in RAM).
extern const mp_obj_type_t *const ili9341_buffer_type;
// Calls disp.flush_ready() for every finished flush_cb not yet reported; the argument is the
// display. Scheduled from the transfer-done interrupt and called from wait().
extern const mp_obj_fun_builtin_fixed_t ili9341_deliver_obj;

// What differs between the built-in and the native module, provided by the binding:
// memory for an ILI9341 object (with a finaliser where the runtime has them);
void *ili9341_alloc_obj(size_t size);
// from the interrupt: asks the scheduler to call fun(arg) soon; false when it has no room.
// Must not raise.
bool ili9341_schedule(mp_obj_t fun, mp_obj_t arg);
// runs what interrupts scheduled, where the runtime lets a module do so.
void ili9341_run_scheduled(void);

mp_obj_t ili9341_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
mp_obj_t ili9341_obj_flush(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_flush_cb(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_deliver(mp_obj_t self_in);
mp_obj_t ili9341_wait(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_fill(mp_obj_t self_in, mp_obj_t color);
mp_obj_t ili9341_fill_rect(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_blit(size_t n_args, const mp_obj_t *args);
mp_obj_t ili9341_buffers(mp_obj_t self_in);
mp_obj_t ili9341_backlight(mp_obj_t self_in, mp_obj_t on);
mp_obj_t ili9341_busy(mp_obj_t self_in, mp_obj_t buf);
mp_obj_t ili9341_deinit(mp_obj_t self_in);
mp_obj_t ili9341_finalise(mp_obj_t self_in);
void ili9341_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
mp_int_t ili9341_buffer_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags);
mp_obj_t ili9341_color565(mp_obj_t r, mp_obj_t g, mp_obj_t b);

#ifdef __cplusplus
}
#endif
