// LVGL's configuration in upanel: lv_binding_micropython's lv_conf.h as it is (colour depth,
// fonts, widgets, image decoders, LVGL's heap and state on MicroPython's heap), found next on
// the include path, with one change: a failed LVGL assertion raises a Python exception
// (RuntimeError) instead of hanging the firmware in that file's `while(1);`.
#ifndef UPANEL_LV_CONF_H
#define UPANEL_LV_CONF_H

#include_next "lv_conf.h"

#undef LV_ASSERT_HANDLER_INCLUDE
#undef LV_ASSERT_HANDLER
#define LV_ASSERT_HANDLER_INCLUDE "lv_mp_assert.h"
#define LV_ASSERT_HANDLER mp_lv_assert_failed();

#endif
