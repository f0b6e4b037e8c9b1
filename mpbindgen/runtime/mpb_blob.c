// Blob: a C pointer the bindings know nothing more about. It passes back into any generated
// function, casts to a struct type (T.__cast__(blob)) and dereferences to a memoryview of a
// size the caller gives, since C never said how far the memory goes.
#include "mpb.h"

mp_obj_t mpb_from_ptr(const void *p) {
    if (p == NULL) {
        return mp_const_none;
    }
    mpb_blob_t *b = mp_obj_malloc(mpb_blob_t, &mpb_type_blob);
    b->ptr = (void *)p;
    return MP_OBJ_FROM_PTR(b);
}

mp_obj_t mpb_from_void_ptr(void *p) {
    mp_obj_t o = mpb_obj_from_ptr(p);
    if (o != MP_OBJ_NULL && mp_obj_is_type(o, &mpb_type_callback)) {
        // The user data a registration carried to its callback (an LVGL event's
        // e.get_user_data()), or the callable a void * was given as.
        mpb_callback_t *cb = MP_OBJ_TO_PTR(o);
        return cb->registered ? cb->user : cb->callable;
    }
    return o != MP_OBJ_NULL ? o : mpb_from_ptr(p);
}

static void blob_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<Blob %p>", self->ptr);
}

static mp_obj_t blob_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_EQUAL && mp_obj_is_type(rhs, &mpb_type_blob)) {
        mpb_blob_t *a = MP_OBJ_TO_PTR(lhs);
        mpb_blob_t *b = MP_OBJ_TO_PTR(rhs);
        return mp_obj_new_bool(a->ptr == b->ptr);
    }
    return MP_OBJ_NULL;
}

static mp_obj_t blob_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_HASH || op == MP_UNARY_OP_INT_MAYBE) {
        return mpb_from_u64((uintptr_t)self->ptr);
    }
    return MP_OBJ_NULL;
}

// blob.__dereference__(size): the `size` bytes it points at, as a writable memoryview.
static mp_obj_t blob_dereference(mp_obj_t self_in, mp_obj_t size_in) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t size = mp_obj_get_int(size_in);
    if (size < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("size must not be negative"));
    }
    return mp_obj_new_memoryview('B' | MP_OBJ_ARRAY_TYPECODE_FLAG_RW, size, self->ptr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(blob_dereference_obj, blob_dereference);

// blob.__cast__(): the Python object a C void * field or argument was given (a dict in a
// user_data field, say).
static mp_obj_t blob_cast(mp_obj_t self_in) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t o = mpb_obj_from_ptr(self->ptr);
    if (o == MP_OBJ_NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("Blob does not point at a Python object; use T.__cast__(blob)"));
    }
    return o;
}
static MP_DEFINE_CONST_FUN_OBJ_1(blob_cast_obj, blob_cast);

static const mp_rom_map_elem_t blob_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&blob_dereference_obj)},
    {MP_ROM_QSTR(MP_QSTR___cast__), MP_ROM_PTR(&blob_cast_obj)},
};
static MP_DEFINE_CONST_DICT(blob_locals, blob_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_blob, MP_QSTR_Blob, MP_TYPE_FLAG_NONE, print, blob_print, unary_op,
                         blob_unary_op, binary_op, blob_binary_op, locals_dict, &blob_locals);

void *mpb_to_ptr(mp_obj_t o, size_t min_size, bool is_const, const char *ctype) {
    size_t extent;
    return mpb_to_ptr_extent(o, min_size, is_const, ctype, &extent);
}

void *mpb_to_ptr_extent(mp_obj_t o, size_t min_size, bool is_const, const char *ctype, size_t *extent) {
    *extent = SIZE_MAX;  // C alone knows how far a Blob's memory goes
    if (o == mp_const_none) {
        return NULL;
    }
    if (mp_obj_is_type(o, &mpb_type_blob)) {
        return ((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    mp_buffer_info_t buf;
    if (!mp_get_buffer(o, &buf, is_const ? MP_BUFFER_READ : MP_BUFFER_WRITE)) {
        mp_raise_msg_varg(&mp_type_TypeError,
                          MP_ERROR_TEXT("%s expected Blob, struct, %sbuffer or None, got %s"), ctype,
                          is_const ? "" : "writable ", mp_obj_get_type_str(o));
    }
    if (buf.len < min_size) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%s needs %u bytes, the buffer has %u"), ctype,
                          (unsigned)min_size, (unsigned)buf.len);
    }
    *extent = buf.len;
    return buf.buf;
}

void *mpb_to_void_ptr(mp_obj_t v, mp_obj_t *keep) {
    *keep = MP_OBJ_NULL;
    if (v == mp_const_none || mp_obj_is_type(v, &mpb_type_blob)) {
        return mpb_to_ptr(v, 0, true, "void *");
    }
    if (mpb_is_struct(v)) {
        *keep = v;
        return ((mpb_struct_t *)MP_OBJ_TO_PTR(v))->data;
    }
    const mpb_family_t *family = mpb_handle_family(v);
    if (family != NULL) {
        return mpb_to_handle(v, family);  // an object of an object-style library: its C object
    }
    mp_buffer_info_t buf;
    if (mp_get_buffer(v, &buf, MP_BUFFER_READ)) {
        *keep = v;
        return buf.buf;
    }
    if (mp_obj_is_type(v, &mp_type_dict) || mp_obj_is_type(v, &mp_type_list) ||
        mp_obj_is_type(v, &mp_type_tuple)) {
        *keep = v;
        return MP_OBJ_TO_PTR(v);
    }
    if (mp_obj_is_callable(v)) {
        mpb_callback_t *cb = mp_obj_malloc(mpb_callback_t, &mpb_type_callback);
        cb->callable = v;
        cb->user = mp_const_none;
        cb->pin_key = MP_OBJ_NULL;
        cb->registered = false;
        *keep = MP_OBJ_FROM_PTR(cb);
        return cb;
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("cannot pass %s as void *"), mp_obj_get_type_str(v));
}

void *mpb_to_void_ptr_kept(mp_obj_t v, const void *function, size_t arg) {
    if (v == mp_const_none) {
        return NULL;  // nothing to keep (what the argument had stays kept: a pin is cheap)
    }
    mp_obj_t keep;
    void *p = mpb_to_void_ptr(v, &keep);
    mpb_pin_arg(function, arg, keep);
    return p;
}

void mpb_raise_length(qstr name, uint64_t count, size_t extent) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q=%u is more than the buffer holds (%u bytes)"),
                      name, (unsigned)count, (unsigned)extent);
}

void mpb_buffer_before_length(mp_obj_t o, qstr name) {
    mp_buffer_info_t buf;
    if (o != mp_const_none && !mp_obj_is_type(o, &mpb_type_blob) && !mp_get_buffer(o, &buf, MP_BUFFER_READ)) {
        mp_raise_msg_varg(&mp_type_TypeError,
                          MP_ERROR_TEXT("a pointer with a length (%q) takes a buffer, not %s"), name,
                          mp_obj_get_type_str(o));
    }
}

void mpb_check_length(mp_obj_t buffer, uint64_t count, size_t elem_size, qstr name) {
    mp_buffer_info_t buf;
    if (buffer == mp_const_none || mp_obj_is_type(buffer, &mpb_type_blob)) {
        return;
    }
    // A void * with a length is a buffer: another object by reference would have C read or
    // write `count` bytes over the object itself.
    if (!mp_get_buffer(buffer, &buf, MP_BUFFER_READ)) {
        mp_raise_msg_varg(&mp_type_TypeError,
                          MP_ERROR_TEXT("a pointer with a length (%q) takes a buffer, not %s"), name,
                          mp_obj_get_type_str(buffer));
    }
    if (count > buf.len / (elem_size ? elem_size : 1)) {
        mpb_raise_length(name, count, buf.len);
    }
}
