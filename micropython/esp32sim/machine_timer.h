// machine.Timer on the emulated board's virtual time: its type (machine_timer.c), its functions
// (machine_timer_functions.cpp). MicroPython's machine module lists it (machine_extra.h).
#pragma once
#include <stdint.h>
#include "py/obj.h"

extern const mp_obj_type_t esp32sim_machine_timer_type;
// The virtual time, in picoseconds, of the next callback of an armed timer (UINT64_MAX: none).
uint64_t esp32sim_timers_next_due(void);

mp_obj_t esp32sim_timer_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
mp_obj_t esp32sim_timer_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw);
mp_obj_t esp32sim_timer_deinit(mp_obj_t self);
mp_obj_t esp32sim_timer_value(mp_obj_t self);
void esp32sim_timer_print(const mp_print_t *print, mp_obj_t self, mp_print_kind_t kind);
