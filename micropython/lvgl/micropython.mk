# LVGL's side in the host firmware (with drivers, when CMake found LVGL: cmake/lvgl.cmake).
# LVGL itself is a library CMake builds (upanel_lvgl, in UPANEL_LIBS); here are the parts
# that need MicroPython as the port configures it: lvgl_gc.c (LVGL's global state on the
# collector's heap, a root pointer), lvgl_flush_wait.c (LVGL's wait for flush_ready in
# emulated time) and LVGL's own allocator on MicroPython's heap,
# src/stdlib/micropython/lv_mem_core_micropython.c, which includes
# "include/lv_mp_mem_custom_include.h" (ours, in this folder). UPANEL_LVGL_CFLAGS: the -I and
# -D that compile code against LVGL's headers and lv_binding_micropython's lv_conf.h.
ifeq ($(UPANEL_NO_DRIVERS),)
ifneq ($(UPANEL_LVGL_CFLAGS),)
LVGL_GLUE_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(LVGL_GLUE_DIR)/lvgl_gc.c $(LVGL_GLUE_DIR)/lvgl_flush_wait.c $(UPANEL_LVGL_CHECK_SRC)
# Every display waits for flush_ready in emulated time (lvgl_flush_wait.c).
LDFLAGS_USERMOD += -Wl,--wrap=lv_display_create
SRC_USERMOD_LIB_C += $(UPANEL_LVGL_DIR)/src/stdlib/micropython/lv_mem_core_micropython.c
CFLAGS_USERMOD += $(UPANEL_LVGL_CFLAGS) -I$(LVGL_GLUE_DIR) -I$(UPANEL_ROOT)/ll/include
CXXFLAGS_USERMOD += $(UPANEL_LVGL_CFLAGS)
endif
endif
