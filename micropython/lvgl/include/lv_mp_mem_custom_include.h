// What LVGL's allocator on MicroPython's heap (src/stdlib/micropython/lv_mem_core_micropython.c,
// chosen by lv_binding_micropython's lv_conf.h: LV_USE_STDLIB_MALLOC LV_STDLIB_MICROPYTHON)
// includes as "include/lv_mp_mem_custom_include.h": m_malloc, m_realloc, m_free and the gc_*
// calls, as the port configures them. Included by that file only.
#ifndef UPANEL_LV_MP_MEM_CUSTOM_INCLUDE_H
#define UPANEL_LV_MP_MEM_CUSTOM_INCLUDE_H

#include "py/mpconfig.h"
#include "py/misc.h"
#include "py/gc.h"

// Where the port keeps allocation sizes (the unix port does), LVGL's allocator calls
// gc_alloc(size, true): MicroPython reads that `true` as GC_ALLOC_FLAG_HAS_FINALISER, and the
// collector would then take every LVGL block it frees (one LVGL dropped without lv_free, the
// display buffers left after lv_deinit) for a Python object with a __del__, and read its
// first word as a type. LVGL's blocks hold no Python objects: they are allocated without.
#define gc_alloc(n_bytes, alloc_flags) (gc_alloc)((n_bytes), 0)

#endif
