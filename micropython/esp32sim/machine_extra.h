// Forced into the host firmware's files (micropython/esp32sim/micropython.mk), so that
// MicroPython's machine module can list machine.Timer (MICROPY_PY_MACHINE_EXTRA_GLOBALS):
// a declaration only, no includes, since it comes before everything else in each file.
#ifdef __cplusplus
extern "C" const struct _mp_obj_type_t esp32sim_machine_timer_type;
#else
extern const struct _mp_obj_type_t esp32sim_machine_timer_type;
#endif
