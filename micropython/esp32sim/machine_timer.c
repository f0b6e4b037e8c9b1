// machine.Timer's type (see machine_timer_functions.cpp).
#include "machine_timer.h"

#include "py/runtime.h"

// Armed timers: the board holds their deadlines, the collector must see them.
MP_REGISTER_ROOT_POINTER(mp_obj_t esp32sim_armed_timers);

static MP_DEFINE_CONST_FUN_OBJ_KW(timer_init_obj, 1, esp32sim_timer_init);
static MP_DEFINE_CONST_FUN_OBJ_1(timer_deinit_obj, esp32sim_timer_deinit);
static MP_DEFINE_CONST_FUN_OBJ_1(timer_value_obj, esp32sim_timer_value);

static const mp_rom_map_elem_t timer_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&timer_init_obj)},
    {MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&timer_deinit_obj)},
    {MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&timer_value_obj)},
    {MP_ROM_QSTR(MP_QSTR_ONE_SHOT), MP_ROM_INT(0)},
    {MP_ROM_QSTR(MP_QSTR_PERIODIC), MP_ROM_INT(1)},
};
static MP_DEFINE_CONST_DICT(timer_locals, timer_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(esp32sim_machine_timer_type, MP_QSTR_Timer, MP_TYPE_FLAG_NONE, make_new,
                         esp32sim_timer_make_new, print, esp32sim_timer_print, locals_dict, &timer_locals);
