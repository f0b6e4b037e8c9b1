// esp32sim: the emulated ESP32 board the host firmware runs drivers on. Time passes only when
// a script runs it (or a driver waits); devices are watched through snapshots and figures.
#include "esp32sim_functions.h"

static MP_DEFINE_CONST_FUN_OBJ_1(esp32sim_run_ms_obj, esp32sim_run_ms);
static MP_DEFINE_CONST_FUN_OBJ_1(esp32sim_run_us_obj, esp32sim_run_us);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_time_us_obj, esp32sim_time_us);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_snapshot_obj, 1, esp32sim_snapshot);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(esp32sim_info_obj, 0, 1, esp32sim_info);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_attach_hub75_obj, 0, esp32sim_attach_hub75);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_attach_ili9341_obj, 0, esp32sim_attach_ili9341);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_attach_xpt2046_obj, 0, esp32sim_attach_xpt2046);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_touch_obj, 2, esp32sim_touch);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_release_obj, 0, esp32sim_release);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_save_png_obj, 2, esp32sim_save_png);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_captures_obj, esp32sim_captures);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(esp32sim_exit_after_captures_obj, 0, 1,
                                           esp32sim_exit_after_captures);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_faults_obj, esp32sim_faults);
static MP_DEFINE_CONST_FUN_OBJ_1(esp32sim_read32_obj, esp32sim_read32);
static MP_DEFINE_CONST_FUN_OBJ_2(esp32sim_write32_obj, esp32sim_write32);
static MP_DEFINE_CONST_FUN_OBJ_2(esp32sim_set_pad_obj, esp32sim_set_pad);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_host_bus_obj, esp32sim_host_bus);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_serve_obj, 0, esp32sim_serve);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_stop_serving_obj, esp32sim_stop_serving);
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(esp32sim_realtime_obj, 0, 1, esp32sim_realtime);
static MP_DEFINE_CONST_FUN_OBJ_KW(esp32sim_record_obj, 3, esp32sim_record);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_stop_recording_obj, esp32sim_stop_recording);
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim_limits_obj, esp32sim_limits);

#if defined(__SANITIZE_ADDRESS__)
#include "py/stackctrl.h"
// Under AddressSanitizer C frames are several times larger (redzones): the unix port's stack
// limit (80 KB on 64-bit), sized for plain frames, stops scripts as shallow as lv_binding's
// display_driver. The thread's real stack is megabytes; importing esp32sim raises the limit.
static mp_obj_t esp32sim___init__(void) {
    mp_stack_set_limit(320 * 1024);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(esp32sim___init___obj, esp32sim___init__);
#endif

static const mp_rom_map_elem_t esp32sim_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_esp32sim)},
#if defined(__SANITIZE_ADDRESS__)
    {MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&esp32sim___init___obj)},
#endif
    {MP_ROM_QSTR(MP_QSTR_run_ms), MP_ROM_PTR(&esp32sim_run_ms_obj)},
    {MP_ROM_QSTR(MP_QSTR_run_us), MP_ROM_PTR(&esp32sim_run_us_obj)},
    {MP_ROM_QSTR(MP_QSTR_time_us), MP_ROM_PTR(&esp32sim_time_us_obj)},
    {MP_ROM_QSTR(MP_QSTR_snapshot), MP_ROM_PTR(&esp32sim_snapshot_obj)},
    {MP_ROM_QSTR(MP_QSTR_info), MP_ROM_PTR(&esp32sim_info_obj)},
    {MP_ROM_QSTR(MP_QSTR_attach_hub75), MP_ROM_PTR(&esp32sim_attach_hub75_obj)},
    {MP_ROM_QSTR(MP_QSTR_attach_ili9341), MP_ROM_PTR(&esp32sim_attach_ili9341_obj)},
    {MP_ROM_QSTR(MP_QSTR_attach_xpt2046), MP_ROM_PTR(&esp32sim_attach_xpt2046_obj)},
    {MP_ROM_QSTR(MP_QSTR_touch), MP_ROM_PTR(&esp32sim_touch_obj)},
    {MP_ROM_QSTR(MP_QSTR_release), MP_ROM_PTR(&esp32sim_release_obj)},
    {MP_ROM_QSTR(MP_QSTR_save_png), MP_ROM_PTR(&esp32sim_save_png_obj)},
    {MP_ROM_QSTR(MP_QSTR_captures), MP_ROM_PTR(&esp32sim_captures_obj)},
    {MP_ROM_QSTR(MP_QSTR_exit_after_captures), MP_ROM_PTR(&esp32sim_exit_after_captures_obj)},
    {MP_ROM_QSTR(MP_QSTR_faults), MP_ROM_PTR(&esp32sim_faults_obj)},
    {MP_ROM_QSTR(MP_QSTR_read32), MP_ROM_PTR(&esp32sim_read32_obj)},
    {MP_ROM_QSTR(MP_QSTR_write32), MP_ROM_PTR(&esp32sim_write32_obj)},
    {MP_ROM_QSTR(MP_QSTR_set_pad), MP_ROM_PTR(&esp32sim_set_pad_obj)},
    {MP_ROM_QSTR(MP_QSTR__host_bus), MP_ROM_PTR(&esp32sim_host_bus_obj)},
    {MP_ROM_QSTR(MP_QSTR_serve), MP_ROM_PTR(&esp32sim_serve_obj)},
    {MP_ROM_QSTR(MP_QSTR_stop_serving), MP_ROM_PTR(&esp32sim_stop_serving_obj)},
    {MP_ROM_QSTR(MP_QSTR_realtime), MP_ROM_PTR(&esp32sim_realtime_obj)},
    {MP_ROM_QSTR(MP_QSTR_record), MP_ROM_PTR(&esp32sim_record_obj)},
    {MP_ROM_QSTR(MP_QSTR_stop_recording), MP_ROM_PTR(&esp32sim_stop_recording_obj)},
    {MP_ROM_QSTR(MP_QSTR_limits), MP_ROM_PTR(&esp32sim_limits_obj)},
};
static MP_DEFINE_CONST_DICT(esp32sim_module_globals, esp32sim_module_globals_table);

const mp_obj_module_t esp32sim_user_cmodule = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&esp32sim_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_esp32sim, esp32sim_user_cmodule);
