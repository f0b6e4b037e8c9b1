// LVGL's assertion handler in upanel (lv_conf.h): raises RuntimeError (micropython/lvgl/lvgl_gc.c).
#ifndef UPANEL_LV_MP_ASSERT_H
#define UPANEL_LV_MP_ASSERT_H

void mp_lv_assert_failed(void);

#endif
