// esp32sim's functions, implemented in esp32sim_functions.cpp, bound in modesp32sim.c.
#pragma once
#include "py/obj.h"

#ifdef __cplusplus
extern "C" {
#endif

mp_obj_t esp32sim_run_ms(mp_obj_t ms);
mp_obj_t esp32sim_run_us(mp_obj_t us);
mp_obj_t esp32sim_time_us(void);
mp_obj_t esp32sim_snapshot(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_info(size_t n_args, const mp_obj_t *args);
mp_obj_t esp32sim_attach_hub75(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_attach_ili9341(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_attach_xpt2046(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_touch(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_release(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_save_png(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_captures(void);
mp_obj_t esp32sim_exit_after_captures(size_t n_args, const mp_obj_t *args);
mp_obj_t esp32sim_faults(void);
mp_obj_t esp32sim_read32(mp_obj_t addr);
mp_obj_t esp32sim_write32(mp_obj_t addr, mp_obj_t value);
mp_obj_t esp32sim_set_pad(mp_obj_t pad, mp_obj_t level);
mp_obj_t esp32sim_host_bus(void);
mp_obj_t esp32sim_serve(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_stop_serving(void);
mp_obj_t esp32sim_realtime(size_t n_args, const mp_obj_t *args);
mp_obj_t esp32sim_record(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args);
mp_obj_t esp32sim_stop_recording(void);
mp_obj_t esp32sim_limits(void);

#ifdef __cplusplus
}
#endif
