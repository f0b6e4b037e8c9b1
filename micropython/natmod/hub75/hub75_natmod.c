// hub75 as a native module: the type is built in RAM at load time, as native modules must;
// the methods are the built-in module's (micropython/hub75/hub75_obj.cpp).
#include "py/dynruntime.h"
#if defined(UPANEL_LL_HOST)
#include "upanel/ll/host_bus.h"
#endif

#include "hub75_obj.h"

mp_obj_full_type_t hub75_type;
mp_map_elem_t hub75_locals_table[3];
static MP_DEFINE_CONST_DICT(hub75_locals, hub75_locals_table);

static MP_DEFINE_CONST_FUN_OBJ_KW(hub75_matrix_show_obj, 1, hub75_matrix_show);
static MP_DEFINE_CONST_FUN_OBJ_1(hub75_matrix_info_obj, hub75_matrix_info);
static MP_DEFINE_CONST_FUN_OBJ_1(hub75_matrix_deinit_obj, hub75_matrix_deinit);

// No finalisers in native modules: a script must call deinit() (or let the board reset).
void *hub75_alloc_obj(size_t size) { return m_malloc(size); }

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
#if defined(UPANEL_LL_HOST)
    upanel_host_bus_connect();  // the host firmware's emulated board (raises if none)
#endif

    hub75_type.base.type = (void *)&mp_type_type;
    hub75_type.flags = MP_TYPE_FLAG_NONE;
    hub75_type.name = MP_QSTR_Matrix;
    MP_OBJ_TYPE_SET_SLOT(&hub75_type, make_new, hub75_matrix_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(&hub75_type, attr, hub75_matrix_attr, 1);
    MP_OBJ_TYPE_SET_SLOT(&hub75_type, buffer, hub75_matrix_get_buffer, 2);
    hub75_locals_table[0] =
        (mp_map_elem_t){MP_OBJ_NEW_QSTR(MP_QSTR_show), MP_OBJ_FROM_PTR(&hub75_matrix_show_obj)};
    hub75_locals_table[1] =
        (mp_map_elem_t){MP_OBJ_NEW_QSTR(MP_QSTR_info), MP_OBJ_FROM_PTR(&hub75_matrix_info_obj)};
    hub75_locals_table[2] =
        (mp_map_elem_t){MP_OBJ_NEW_QSTR(MP_QSTR_deinit), MP_OBJ_FROM_PTR(&hub75_matrix_deinit_obj)};
    MP_OBJ_TYPE_SET_SLOT(&hub75_type, locals_dict, (void *)&hub75_locals, 3);

    mp_store_global(MP_QSTR_Matrix, MP_OBJ_FROM_PTR(&hub75_type));
    mp_store_global(MP_QSTR_RGB565, MP_OBJ_NEW_SMALL_INT(0));
    mp_store_global(MP_QSTR_RGB888, MP_OBJ_NEW_SMALL_INT(1));
    mp_store_global(MP_QSTR_RGB48, MP_OBJ_NEW_SMALL_INT(2));

    MP_DYNRUNTIME_INIT_EXIT
}
