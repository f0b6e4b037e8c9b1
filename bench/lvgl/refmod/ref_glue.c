// What upanel's lv_conf.h (micropython/lvgl/conf) asks of a firmware with LVGL, for the
// reference binding's firmware of bench/lvgl/compare.sh: a failed LVGL assertion raises
// RuntimeError, as in the host firmware (micropython/lvgl/lvgl_gc.c).
#include "py/runtime.h"

void mp_lv_assert_failed(void);

void mp_lv_assert_failed(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("LVGL assertion failed"));
}
