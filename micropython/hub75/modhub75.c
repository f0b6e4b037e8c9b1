// hub75: HUB75 LED matrix panels on the ESP32's I2S peripheral, refreshed by DMA.
#include "hub75_obj.h"
#include "py/gc.h"

void *hub75_alloc_obj(size_t size) { return m_malloc_with_finaliser(size); }

static MP_DEFINE_CONST_FUN_OBJ_KW(hub75_matrix_show_obj, 1, hub75_matrix_show);
static MP_DEFINE_CONST_FUN_OBJ_1(hub75_matrix_info_obj, hub75_matrix_info);
static MP_DEFINE_CONST_FUN_OBJ_1(hub75_matrix_deinit_obj, hub75_matrix_deinit);

static const mp_rom_map_elem_t hub75_matrix_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_show), MP_ROM_PTR(&hub75_matrix_show_obj)},
    {MP_ROM_QSTR(MP_QSTR_info), MP_ROM_PTR(&hub75_matrix_info_obj)},
    {MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&hub75_matrix_deinit_obj)},
    {MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&hub75_matrix_deinit_obj)},
};
static MP_DEFINE_CONST_DICT(hub75_matrix_locals, hub75_matrix_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(hub75_type_matrix, MP_QSTR_Matrix, MP_TYPE_FLAG_NONE, make_new,
                         hub75_matrix_make_new, attr, hub75_matrix_attr, buffer, hub75_matrix_get_buffer,
                         locals_dict, &hub75_matrix_locals);

static const mp_rom_map_elem_t hub75_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_hub75)},
    {MP_ROM_QSTR(MP_QSTR_Matrix), MP_ROM_PTR(&hub75_type_matrix)},
    {MP_ROM_QSTR(MP_QSTR_RGB565), MP_ROM_INT(0)},
    {MP_ROM_QSTR(MP_QSTR_RGB888), MP_ROM_INT(1)},
    {MP_ROM_QSTR(MP_QSTR_RGB48), MP_ROM_INT(2)},
};
static MP_DEFINE_CONST_DICT(hub75_module_globals, hub75_module_globals_table);

const mp_obj_module_t hub75_user_cmodule = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&hub75_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_hub75, hub75_user_cmodule);
