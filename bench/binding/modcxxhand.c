// The reference for the C++ rows of mpbindgen's call-overhead benchmark: geo::Point and the
// int/double overloads of text::scale bound by hand (C++ calls in cxxhand.cpp), into the same
// firmware as the generated `shapes` module.
#include "py/obj.h"
#include "py/runtime.h"

void *cxxhand_point_new(double x, double y);
void cxxhand_point_delete(void *p);
double cxxhand_point_norm(void *p);
int cxxhand_scale_int(int v, int by);
double cxxhand_scale_double(double v, double by);

typedef struct {
    mp_obj_base_t base;
    void *point;  // geo::Point *
} hand_point_t;

static mp_obj_t hand_point_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                    const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    hand_point_t *self = mp_obj_malloc_with_finaliser(hand_point_t, type);
    self->point = cxxhand_point_new(mp_obj_get_float(args[0]), mp_obj_get_float(args[1]));
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t hand_point_norm(mp_obj_t self_in) {
    hand_point_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_float(cxxhand_point_norm(self->point));
}
static MP_DEFINE_CONST_FUN_OBJ_1(hand_point_norm_obj, hand_point_norm);

static mp_obj_t hand_point_del(mp_obj_t self_in) {
    hand_point_t *self = MP_OBJ_TO_PTR(self_in);
    cxxhand_point_delete(self->point);
    self->point = NULL;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(hand_point_del_obj, hand_point_del);

static const mp_rom_map_elem_t hand_point_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_norm), MP_ROM_PTR(&hand_point_norm_obj)},
    {MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&hand_point_del_obj)},
};
static MP_DEFINE_CONST_DICT(hand_point_locals, hand_point_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(hand_point_type, MP_QSTR_Point, MP_TYPE_FLAG_NONE, make_new,
                                hand_point_make_new, locals_dict, &hand_point_locals);

// scale(v, by=2): the int overload for an int, the double one for a float, as C++ would pick.
static mp_obj_t hand_scale(size_t n_args, const mp_obj_t *args) {
    if (mp_obj_is_int(args[0]) && (n_args < 2 || mp_obj_is_int(args[1]))) {
        return mp_obj_new_int(
            cxxhand_scale_int(mp_obj_get_int(args[0]), n_args > 1 ? mp_obj_get_int(args[1]) : 2));
    }
    return mp_obj_new_float(
        cxxhand_scale_double(mp_obj_get_float(args[0]), n_args > 1 ? mp_obj_get_float(args[1]) : 2));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(hand_scale_obj, 1, 2, hand_scale);

static const mp_rom_map_elem_t cxxhand_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_cxxhand)},
    {MP_ROM_QSTR(MP_QSTR_Point), MP_ROM_PTR(&hand_point_type)},
    {MP_ROM_QSTR(MP_QSTR_scale), MP_ROM_PTR(&hand_scale_obj)},
};
static MP_DEFINE_CONST_DICT(cxxhand_globals, cxxhand_globals_table);

const mp_obj_module_t cxxhand_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&cxxhand_globals,
};
MP_REGISTER_MODULE(MP_QSTR_cxxhand, cxxhand_module);
