// C_Pointer: the seed's helper for out-parameters, in every generated module (unless its
// header defines its own): pass it where C writes a pointer, an int or a size, then read the
// member you expect.
#include "mpb.h"

typedef union {
    void *ptr_val;
    int int_val;
    unsigned int uint_val;
    const char *str_val;
    size_t size_val;
} mpb_c_pointer_t;

static const mpb_field_t c_pointer_fields[] = {
    {MP_QSTR_ptr_val, 0, {sizeof(void *)}, MPB_PTR, 0, NULL},
    {MP_QSTR_int_val, 0, {sizeof(int)}, MPB_INT, 0, NULL},
    {MP_QSTR_uint_val, 0, {sizeof(unsigned int)}, MPB_UINT, 0, NULL},
    {MP_QSTR_str_val, 0, {sizeof(const char *)}, MPB_CSTR, 0, NULL},
    {MP_QSTR_size_val, 0, {sizeof(size_t)}, MPB_UINT, 0, NULL},
};

static const mpb_struct_desc_t c_pointer_desc;

static const mp_rom_map_elem_t c_pointer_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___SIZE__), MP_ROM_INT(sizeof(mpb_c_pointer_t))},
    {MP_ROM_QSTR(MP_QSTR___cast__), MP_ROM_PTR(&mpb_struct_cast_obj)},
    {MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&mpb_struct_dereference_obj)},
};
static MP_DEFINE_CONST_DICT(c_pointer_locals, c_pointer_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_c_pointer, MP_QSTR_C_Pointer, MP_TYPE_FLAG_NONE, make_new,
                         mpb_struct_make_new, print, mpb_struct_print, attr, mpb_struct_attr, buffer,
                         mpb_struct_get_buffer, protocol, &c_pointer_desc, locals_dict, &c_pointer_locals);

static const mpb_struct_desc_t c_pointer_desc = {
    &mpb_type_c_pointer, "C_Pointer", sizeof(mpb_c_pointer_t), MP_ARRAY_SIZE(c_pointer_fields),
    c_pointer_fields,
};
