// The reference for mpbindgen's call-overhead benchmark: the same mpbdemo.h functions bound by
// hand, the way one writes a MicroPython C module, into the same firmware.
#include "py/obj.h"
#include "py/runtime.h"
#include "mpbdemo.h"

static mp_obj_t hand_add(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_int(demo_add(mp_obj_get_int(a), mp_obj_get_int(b)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(hand_add_obj, hand_add);

static mp_obj_t hand_sum_bytes(mp_obj_t data, mp_obj_t len) {
    mp_buffer_info_t buf;
    mp_get_buffer_raise(data, &buf, MP_BUFFER_READ);
    return mp_obj_new_int_from_uint(demo_sum_bytes(buf.buf, mp_obj_get_int(len)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(hand_sum_bytes_obj, hand_sum_bytes);

// A point type with x and y, as demo_point_t.
typedef struct {
    mp_obj_base_t base;
    demo_point_t p;
} hand_point_t;

static void hand_point_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    hand_point_t *self = MP_OBJ_TO_PTR(self_in);
    int16_t *field = attr == MP_QSTR_x ? &self->p.x : attr == MP_QSTR_y ? &self->p.y : NULL;
    if (field == NULL) {
        return;
    }
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = MP_OBJ_NEW_SMALL_INT(*field);
    } else if (dest[1] != MP_OBJ_NULL) {
        *field = (int16_t)mp_obj_get_int(dest[1]);
        dest[0] = MP_OBJ_NULL;
    }
}

static mp_obj_t hand_point_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
                                    const mp_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    hand_point_t *self = mp_obj_malloc(hand_point_t, type);
    self->p.x = self->p.y = 0;
    return MP_OBJ_FROM_PTR(self);
}

static MP_DEFINE_CONST_OBJ_TYPE(hand_point_type, MP_QSTR_point, MP_TYPE_FLAG_NONE, make_new,
                                hand_point_make_new, attr, hand_point_attr);

// demo_for_each with a Python callable: the callable and the user's object travel in a C
// struct given as the user_data.
typedef struct {
    mp_obj_t callable;
    mp_obj_t user;
} hand_ctx_t;

static int hand_trampoline(int item, void *user_data) {
    hand_ctx_t *ctx = user_data;
    return mp_obj_get_int(mp_call_function_2(ctx->callable, MP_OBJ_NEW_SMALL_INT(item), ctx->user));
}

static mp_obj_t hand_for_each(mp_obj_t n, mp_obj_t cb, mp_obj_t user) {
    hand_ctx_t ctx = {cb, user};
    return mp_obj_new_int(demo_for_each(mp_obj_get_int(n), hand_trampoline, &ctx));
}
static MP_DEFINE_CONST_FUN_OBJ_3(hand_for_each_obj, hand_for_each);

static const mp_rom_map_elem_t hand_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mpbhand)},
    {MP_ROM_QSTR(MP_QSTR_demo_add), MP_ROM_PTR(&hand_add_obj)},
    {MP_ROM_QSTR(MP_QSTR_demo_sum_bytes), MP_ROM_PTR(&hand_sum_bytes_obj)},
    {MP_ROM_QSTR(MP_QSTR_demo_point_t), MP_ROM_PTR(&hand_point_type)},
    {MP_ROM_QSTR(MP_QSTR_demo_for_each), MP_ROM_PTR(&hand_for_each_obj)},
};
static MP_DEFINE_CONST_DICT(hand_globals, hand_globals_table);

const mp_obj_module_t mpbhand_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&hand_globals,
};
MP_REGISTER_MODULE(MP_QSTR_mpbhand, mpbhand_module);
