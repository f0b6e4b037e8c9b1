// LVGL's state on MicroPython's heap. lv_binding_micropython's lv_conf.h makes LVGL allocate
// with m_malloc (LV_STDLIB_MICROPYTHON) and keep its global state, lv_global_t, wherever
// mp_lv_roots points (LV_GLOBAL_CUSTOM); lv_init() and lv_deinit() call mp_lv_init_gc() and
// mp_lv_deinit_gc() (LV_GC_INIT, LV_GC_DEINIT). Everything LVGL allocates is reachable from
// lv_global_t, and lv_global_t from a root pointer, so the collector keeps all of it while
// LVGL runs and takes it back after lv_deinit().
#include "lvgl.h"

#include "py/mpstate.h"
#include "py/runtime.h"

// Two copies of one pointer: the global LVGL reads through LV_GLOBAL_CUSTOM(), and the root
// pointer the collector scans. lv_init() may run again after lv_deinit(): the state is made
// anew, zeroed, when the root pointer has none.
void *mp_lv_roots;
MP_REGISTER_ROOT_POINTER(void *mp_lv_roots);

void mp_lv_init_gc(void) {
    if (MP_STATE_VM(mp_lv_roots) == NULL) {
        MP_STATE_VM(mp_lv_roots) = m_new0(lv_global_t, 1);
    }
    mp_lv_roots = MP_STATE_VM(mp_lv_roots);
}

void mp_lv_deinit_gc(void) { mp_lv_roots = MP_STATE_VM(mp_lv_roots) = NULL; }

// A failed LVGL assertion (lv_conf.h's LV_ASSERT_HANDLER): the script gets an exception where
// the chip would hang. The call it came from is left where LVGL stopped.
void mp_lv_assert_failed(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("LVGL assertion failed (LVGL was asked for what it "
                                                      "cannot do: no display yet, out of memory, NULL)"));
}
