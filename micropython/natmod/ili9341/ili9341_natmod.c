// ili9341 as a native module: the types are built in RAM at load time, as native modules
// must; the methods are the built-in module's (micropython/ili9341/ili9341_obj.cpp).
#include "py/dynruntime.h"
#if defined(UPANEL_LL_HOST)
#include "upanel/ll/host_bus.h"
#endif

#include "ili9341_obj.h"

// In bss, which mpy_ld can only relocate to for variables that are not static.
mp_obj_full_type_t ili9341_display_type, ili9341_dmabuffer_type;
const mp_obj_type_t *const ili9341_buffer_type = (const mp_obj_type_t *)&ili9341_dmabuffer_type;
mp_map_elem_t ili9341_locals_table[10];
static MP_DEFINE_CONST_DICT(display_locals, ili9341_locals_table);

static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(flush_obj, 6, 6, ili9341_obj_flush);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(flush_cb_obj, 4, 4, ili9341_flush_cb);
MP_DEFINE_CONST_FUN_OBJ_1(ili9341_deliver_obj, ili9341_deliver);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(wait_obj, 1, 2, ili9341_wait);
static MP_DEFINE_CONST_FUN_OBJ_2(fill_obj, ili9341_fill);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(fill_rect_obj, 6, 6, ili9341_fill_rect);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(blit_obj, 6, 6, ili9341_blit);
static MP_DEFINE_CONST_FUN_OBJ_1(buffers_obj, ili9341_buffers);
static MP_DEFINE_CONST_FUN_OBJ_2(backlight_obj, ili9341_backlight);
static MP_DEFINE_CONST_FUN_OBJ_2(busy_obj, ili9341_busy);
static MP_DEFINE_CONST_FUN_OBJ_1(deinit_obj, ili9341_deinit);
static MP_DEFINE_CONST_FUN_OBJ_3(color565_obj, ili9341_color565);

// No finalisers in native modules: a script must call deinit() (or let the board reset).
void *ili9341_alloc_obj(size_t size) { return m_malloc(size); }

// mp_sched_schedule() is not in the native function table. The scheduler is reached through
// micropython.schedule, wrapped by ili9341_sched.py (merged into this .mpy), which turns a
// full queue into False: nothing may raise in an interrupt. The module's globals keep it.
mp_obj_t ili9341_schedule_fn;

static mp_obj_t set_scheduler(mp_obj_t fn) {
    ili9341_schedule_fn = fn;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(set_scheduler_obj, set_scheduler);

bool ili9341_schedule(mp_obj_t fun, mp_obj_t arg) {
    if (ili9341_schedule_fn == MP_OBJ_NULL) {
        return false;
    }
    mp_obj_t args[2] = {fun, arg};
    return mp_call_function_n_kw(ili9341_schedule_fn, 2, 0, args) == mp_const_true;
}

// mp_handle_pending() is not in the table either: wait() makes the flush_ready calls still
// owed itself, and other scheduled callbacks run when the VM next checks.
void ili9341_run_scheduled(void) {}

static void put(int i, qstr name, const void *fun) {
    ili9341_locals_table[i] = (mp_map_elem_t){MP_OBJ_NEW_QSTR(name), MP_OBJ_FROM_PTR(fun)};
}

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
#if defined(UPANEL_LL_HOST)
    upanel_host_bus_connect();  // the host firmware's emulated board (raises if none)
#endif

    put(0, MP_QSTR_flush, &flush_obj);
    put(1, MP_QSTR_flush_cb, &flush_cb_obj);
    put(2, MP_QSTR_wait, &wait_obj);
    put(3, MP_QSTR_fill, &fill_obj);
    put(4, MP_QSTR_fill_rect, &fill_rect_obj);
    put(5, MP_QSTR_blit, &blit_obj);
    put(6, MP_QSTR_buffers, &buffers_obj);
    put(7, MP_QSTR_backlight, &backlight_obj);
    put(8, MP_QSTR_busy, &busy_obj);
    put(9, MP_QSTR_deinit, &deinit_obj);
    ili9341_display_type.base.type = (void *)&mp_type_type;
    ili9341_display_type.flags = MP_TYPE_FLAG_NONE;
    ili9341_display_type.name = MP_QSTR_ILI9341;
    MP_OBJ_TYPE_SET_SLOT(&ili9341_display_type, make_new, ili9341_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(&ili9341_display_type, attr, ili9341_attr, 1);
    MP_OBJ_TYPE_SET_SLOT(&ili9341_display_type, locals_dict, (void *)&display_locals, 2);

    // A pixel buffer in DMA-capable RAM, owned by the display.
    ili9341_dmabuffer_type.base.type = (void *)&mp_type_type;
    ili9341_dmabuffer_type.flags = MP_TYPE_FLAG_NONE;
    ili9341_dmabuffer_type.name = MP_QSTR_DmaBuffer;
    MP_OBJ_TYPE_SET_SLOT(&ili9341_dmabuffer_type, buffer, ili9341_buffer_get_buffer, 0);

    mp_store_global(MP_QSTR_ILI9341, MP_OBJ_FROM_PTR(&ili9341_display_type));
    mp_store_global(MP_QSTR_color565, MP_OBJ_FROM_PTR(&color565_obj));
    // ESP-IDF's host numbers: HSPI_HOST is SPI2, VSPI_HOST is SPI3.
    mp_store_global(MP_QSTR_HSPI, MP_OBJ_NEW_SMALL_INT(1));
    mp_store_global(MP_QSTR_VSPI, MP_OBJ_NEW_SMALL_INT(2));
    mp_store_global(MP_QSTR__set_scheduler, MP_OBJ_FROM_PTR(&set_scheduler_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
