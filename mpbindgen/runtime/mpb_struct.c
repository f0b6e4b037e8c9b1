// Structs and unions as Python types. A generated type carries a table of its fields
// (offset, size, kind); this file reads and writes them. A struct object either owns its
// storage, is a view into a parent struct (nested member: writes reach the parent), or is a
// view of C memory.
#include "py/binary.h"
#include "py/objtuple.h"
#include "mpb.h"

bool mpb_is_struct(mp_obj_t o) {
    if (!mp_obj_is_obj(o)) {
        return false;
    }
    const mp_obj_type_t *t = mp_obj_get_type(o);
    return MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, make_new) == mpb_struct_make_new;
}

const mpb_struct_desc_t *mpb_struct_desc(const mp_obj_type_t *type) {
    return MP_OBJ_TYPE_GET_SLOT(type, protocol);
}

mp_obj_t mpb_struct_view(const mpb_struct_desc_t *d, void *data, mp_obj_t owner) {
    mpb_struct_t *s = mp_obj_malloc(mpb_struct_t, d->type);
    s->data = data;
    s->owner = owner;
    s->refs = MP_OBJ_NULL;
    return MP_OBJ_FROM_PTR(s);
}

mp_obj_t mpb_from_struct_ptr(const mpb_struct_desc_t *d, const void *p) {
    return p ? mpb_struct_view(d, (void *)p, MP_OBJ_NULL) : mp_const_none;
}

mp_obj_t mpb_struct_new(const mpb_struct_desc_t *d, const void *init) {
    // The storage is a heap block of its own: a pointer C keeps to it (a style an LVGL object
    // uses) points at the start of a block, which is what the collector follows, so the
    // memory outlives the Python object for as long as C memory on the heap refers to it.
    uint8_t *data = m_new0(uint8_t, d->size ? d->size : 1);
    mpb_struct_t *s = mp_obj_malloc(mpb_struct_t, d->type);
    s->data = data;
    s->owner = MP_OBJ_FROM_PTR(s);
    s->refs = MP_OBJ_NULL;
    if (init) {
        memcpy(data, init, d->size);
    }
    return MP_OBJ_FROM_PTR(s);
}

mp_obj_t mpb_struct_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    // Structs are values: equal when of one type with the same bytes (or at one address).
    if (op != MP_BINARY_OP_EQUAL || !mpb_is_struct(rhs) || mp_obj_get_type(lhs) != mp_obj_get_type(rhs)) {
        return MP_OBJ_NULL;
    }
    const void *a = ((mpb_struct_t *)MP_OBJ_TO_PTR(lhs))->data,
               *b = ((mpb_struct_t *)MP_OBJ_TO_PTR(rhs))->data;
    size_t size = mpb_struct_desc(mp_obj_get_type(lhs))->size;
    return mp_obj_new_bool(a == b || (a != NULL && b != NULL && memcmp(a, b, size) == 0));
}

static const mpb_field_t *find_field(const mpb_struct_desc_t *d, qstr name) {
    for (size_t i = 0; i < d->n_fields; i++) {
        if (d->fields[i].name == name) {
            return &d->fields[i];
        }
    }
    return NULL;
}

// The C type of an integer field, for messages (fields are not listed by their spelling).
static const char *int_name(const mpb_field_t *f) {
    static const char *const names[2][4] = {{"int8_t", "int16_t", "int32_t", "int64_t"},
                                            {"uint8_t", "uint16_t", "uint32_t", "uint64_t"}};
    return names[f->kind == MPB_UINT][f->size == 1 ? 0 : f->size == 2 ? 1 : f->size == 4 ? 2 : 3];
}

static int64_t int_min(size_t size) { return size >= 8 ? INT64_MIN : -((int64_t)1 << (size * 8 - 1)); }

static int64_t int_max(size_t size) { return size >= 8 ? INT64_MAX : ((int64_t)1 << (size * 8 - 1)) - 1; }

static uint64_t uint_max(size_t size) { return size >= 8 ? UINT64_MAX : ((uint64_t)1 << (size * 8)) - 1; }

// Integers of 1, 2, 4 or 8 bytes in the chip's byte order.
static int64_t load_int(const uint8_t *p, size_t size, bool is_signed) {
    switch (size) {
        case 1:
            return is_signed ? (int64_t) * (const int8_t *)p : (int64_t)*p;
        case 2: {
            uint16_t v;
            memcpy(&v, p, 2);
            return is_signed ? (int64_t)(int16_t)v : (int64_t)v;
        }
        case 4: {
            uint32_t v;
            memcpy(&v, p, 4);
            return is_signed ? (int64_t)(int32_t)v : (int64_t)v;
        }
        default: {
            int64_t v;
            memcpy(&v, p, 8);
            return v;
        }
    }
}

static void store_int(uint8_t *p, size_t size, uint64_t v) {
    switch (size) {
        case 1:
            *p = (uint8_t)v;
            break;
        case 2: {
            uint16_t x = (uint16_t)v;
            memcpy(p, &x, 2);
            break;
        }
        case 4: {
            uint32_t x = (uint32_t)v;
            memcpy(p, &x, 4);
            break;
        }
        default:
            memcpy(p, &v, 8);
            break;
    }
}

// ---- Arrays of structs: a fixed-length sequence of views into the parent -----------------

typedef struct {
    mp_obj_base_t base;
    uint8_t *data;
    mp_obj_t owner;  // the struct the array is a field of
    const mpb_field_t *field;
} mpb_struct_array_t;

static void set_struct(const mpb_struct_desc_t *d, uint8_t *p, mp_obj_t owner, mp_obj_t v);

// The bytes of one element of an array field.
static size_t element_size(const mpb_field_t *f) {
    return f->kind == MPB_ARRAY ? mp_binary_get_size('@', f->typecode, NULL)
                                : ((const mpb_struct_desc_t *)f->ext)->size;
}

static size_t array_index(const mpb_struct_array_t *a, mp_obj_t index) {
    return mp_get_index(mp_obj_get_type(MP_OBJ_FROM_PTR(a)), a->field->count, index, false);
}

static mp_obj_t struct_array_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mpb_struct_array_t *a = MP_OBJ_TO_PTR(self_in);
    if (value == MP_OBJ_NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("array fields have a fixed length"));
    }
    uint8_t *p = a->data + array_index(a, index) * element_size(a->field);
    if (value == MP_OBJ_SENTINEL) {
        return mpb_struct_view(a->field->ext, p, a->owner);
    }
    set_struct(a->field->ext, p, a->owner, value);
    return mp_const_none;
}

static mp_obj_t struct_array_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mpb_struct_array_t *a = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_LEN) {
        return MP_OBJ_NEW_SMALL_INT(a->field->count);
    }
    return op == MP_UNARY_OP_BOOL ? mp_obj_new_bool(a->field->count != 0) : MP_OBJ_NULL;
}

static mp_obj_t struct_array_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    mpb_struct_array_t *a = MP_OBJ_TO_PTR(self_in);
    mp_obj_t views = mp_obj_new_tuple(a->field->count, NULL);
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(views);
    for (size_t i = 0; i < a->field->count; i++) {
        t->items[i] = mpb_struct_view(a->field->ext, a->data + i * element_size(a->field), a->owner);
    }
    return mp_getiter(views, iter_buf);
}

static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_struct_array, MP_QSTR_struct_array, MP_TYPE_FLAG_ITER_IS_GETITER,
                                subscr, struct_array_subscr, unary_op, struct_array_unary_op, iter,
                                struct_array_getiter);

static mp_obj_t struct_array_new(uint8_t *data, mp_obj_t owner, const mpb_field_t *f) {
    mpb_struct_array_t *a = mp_obj_malloc(mpb_struct_array_t, &mpb_type_struct_array);
    a->data = data;
    a->owner = owner;
    a->field = f;
    return MP_OBJ_FROM_PTR(a);
}

static mp_obj_t get_field(mpb_struct_t *self, const mpb_field_t *f) {
    uint8_t *p = (uint8_t *)self->data + f->offset;
    mp_obj_t self_obj = MP_OBJ_FROM_PTR(self);
    switch (f->kind) {
        case MPB_INT:
            return mpb_from_i64(load_int(p, f->size, true));
        case MPB_UINT:
            return mpb_from_u64((uint64_t)load_int(p, f->size, false));
        case MPB_BOOL:
            return mp_obj_new_bool(*(bool *)p);
        case MPB_FLOAT:
            return mp_obj_new_float((mp_float_t) * (float *)p);
        case MPB_DOUBLE:
            return mp_obj_new_float((mp_float_t) * (double *)p);
        case MPB_CSTR:
            return mpb_from_cstr(*(const char **)p);
        case MPB_STRUCT:
            return mpb_struct_view(f->ext, p, self_obj);
        case MPB_STRUCT_PTR: {
            void *target = *(void **)p;
            return target ? mpb_struct_view(f->ext, target, MP_OBJ_NULL) : mp_const_none;
        }
        case MPB_ARRAY:
            return mp_obj_new_memoryview(f->typecode | MP_OBJ_ARRAY_TYPECODE_FLAG_RW, f->count, p);
        case MPB_STRUCT_ARRAY:
            return struct_array_new(p, self_obj, f);
        case MPB_BITFIELD:
            return mpb_from_i64(((const mpb_bitfield_t *)f->ext)
                                    ->access(self->data, ((const mpb_bitfield_t *)f->ext)->field, false, 0));
        case MPB_CALLBACK:
            return mpb_from_callback(*(void **)p, f->ext, self_obj);
        case MPB_HANDLE:
            return mpb_from_handle(f->ext, *(void **)p);
        default: {  // MPB_PTR
            void *target = *(void **)p;
            mp_obj_t o = mpb_kept(self_obj, p, target);
            if (o == MP_OBJ_NULL) {
                // A view of memory someone else filled (a callback's argument, say).
                o = mpb_obj_from_ptr(target);
            }
            if (o != MP_OBJ_NULL && mp_obj_is_type(o, &mpb_type_callback)) {
                return ((mpb_callback_t *)MP_OBJ_TO_PTR(o))->callable;
            }
            return o != MP_OBJ_NULL ? o : mpb_from_ptr(target);
        }
    }
}

static void set_fields_from_dict(mp_obj_t self_in, mp_obj_t dict);

static void set_array(const mpb_field_t *f, uint8_t *p, mp_obj_t v) {
    mp_buffer_info_t buf;
    if (mp_get_buffer(v, &buf, MP_BUFFER_READ)) {
        size_t len = element_size(f) * f->count;
        if (buf.len != len) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q needs %u bytes, got %u"), f->name,
                              (unsigned)len, (unsigned)buf.len);
        }
        memcpy(p, buf.buf, buf.len);
        return;
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(v, &n, &items);
    if (n != f->count) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q needs %u items, got %u"), f->name,
                          (unsigned)f->count, (unsigned)n);
    }
    for (size_t i = 0; i < n; i++) {
        mp_binary_set_val_array(f->typecode, p, i, items[i]);
    }
}

static void set_field(mpb_struct_t *self, const mpb_field_t *f, mp_obj_t v) {
    uint8_t *p = (uint8_t *)self->data + f->offset;
    mp_obj_t self_obj = MP_OBJ_FROM_PTR(self);
    if ((f->kind == MPB_INT || f->kind == MPB_UINT) && mp_obj_is_small_int(v)) {
        // Most stores: a small int in range, without a message prepared for the rest.
        mp_int_t x = MP_OBJ_SMALL_INT_VALUE(v);
        if (f->kind == MPB_INT ? x >= int_min(f->size) && x <= int_max(f->size)
                               : x >= 0 && (uint64_t)x <= uint_max(f->size)) {
            store_int(p, f->size, (uint64_t)x);
            return;
        }
    }
    switch (f->kind) {
        case MPB_INT:
            store_int(p, f->size, (uint64_t)mpb_to_int(v, int_min(f->size), int_max(f->size), int_name(f)));
            break;
        case MPB_UINT:
            store_int(p, f->size, mpb_to_uint(v, uint_max(f->size), int_name(f)));
            break;
        case MPB_BOOL:
            *(bool *)p = mp_obj_is_true(v);
            break;
        case MPB_FLOAT:
            *(float *)p = (float)mpb_to_double(v);
            break;
        case MPB_DOUBLE:
            *(double *)p = mpb_to_double(v);
            break;
        case MPB_CSTR: {
            const char *copy = mpb_to_cstr_copy(v);
            *(const char **)p = copy;
            mpb_keep(self_obj, p, copy ? MP_OBJ_FROM_PTR(copy) : MP_OBJ_NULL);
            break;
        }
        case MPB_STRUCT:
            set_struct(f->ext, p, self_obj, v);
            break;
        case MPB_STRUCT_ARRAY: {
            size_t n;
            mp_obj_t *items;
            if (!mp_obj_is_type(v, &mp_type_list) && !mp_obj_is_type(v, &mp_type_tuple)) {
                mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q takes a list or tuple of %u"),
                                  f->name, (unsigned)f->count);
            }
            mp_obj_get_array(v, &n, &items);
            if (n != f->count) {
                mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q needs %u items, got %u"), f->name,
                                  (unsigned)f->count, (unsigned)n);
            }
            for (size_t i = 0; i < n; i++) {
                set_struct(f->ext, p + i * element_size(f), self_obj, items[i]);
            }
            break;
        }
        case MPB_STRUCT_PTR: {
            void *target = mpb_to_struct_ptr(v, f->ext);
            *(void **)p = target;
            mpb_keep(self_obj, p, target && mpb_is_struct(v) ? v : MP_OBJ_NULL);
            break;
        }
        case MPB_ARRAY:
            set_array(f, p, v);
            break;
        case MPB_BITFIELD: {
            const mpb_bitfield_t *b = f->ext;
            unsigned w = b->width < 64 ? b->width : 64;
            int64_t max = (int64_t)((UINT64_C(1) << (b->is_signed || w == 64 ? w - 1 : w)) - 1);
            int64_t min = b->is_signed ? -max - 1 : 0;
            b->access(self->data, b->field, true,
                      mpb_to_int(v, min, max, b->is_signed ? "a signed bitfield" : "an unsigned bitfield"));
            break;
        }
        case MPB_CALLBACK:
            *(void **)p = mpb_to_callback(v, f->ext, self_obj);
            break;
        case MPB_HANDLE:
            *(void **)p = mpb_to_handle(v, f->ext);
            break;
        default: {  // MPB_PTR
            mp_obj_t keep;
            *(void **)p = mpb_to_void_ptr(v, &keep);
            mpb_keep(self_obj, p, keep);
            break;
        }
    }
}

// A struct stored at p (nested or an array element) from a struct or a dict.
static void set_struct(const mpb_struct_desc_t *d, uint8_t *p, mp_obj_t owner, mp_obj_t v) {
    if (mp_obj_is_type(v, &mp_type_dict)) {
        set_fields_from_dict(mpb_struct_view(d, p, owner), v);
    } else {
        memmove(p, mpb_to_struct_value(v, d), d->size);
    }
}

static void set_fields_from_dict(mp_obj_t self_in, mp_obj_t dict) {
    mp_map_t *map = mp_obj_dict_get_map(dict);
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            mp_store_attr(self_in, mp_obj_str_get_qstr(map->table[i].key), map->table[i].value);
        }
    }
}

void mpb_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpb_struct_t *self = MP_OBJ_TO_PTR(self_in);
    mpb_struct_field_attr(self_in, find_field(mpb_struct_desc(self->base.type), attr), dest);
}

void mpb_struct_field_attr(mp_obj_t self_in, const mpb_field_t *f, mp_obj_t *dest) {
    mpb_struct_t *self = MP_OBJ_TO_PTR(self_in);
    if (f == NULL) {
        if (dest[0] == MP_OBJ_NULL) {
            dest[1] = MP_OBJ_SENTINEL;  // go on to the type's locals (methods)
        }
        return;
    }
    if (self->data == NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("NULL struct pointer"));
    }
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = get_field(self, f);
    } else if (dest[1] != MP_OBJ_NULL) {
        set_field(self, f, dest[1]);
        dest[0] = MP_OBJ_NULL;
    }
}

mp_obj_t mpb_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_struct_desc_t *d = mpb_struct_desc(type);
    mp_arg_check_num(n_args, n_kw, 0, 1, true);
    if (n_args == 1 && mp_obj_get_type(args[0]) == type) {
        return mpb_struct_new(d, ((mpb_struct_t *)MP_OBJ_TO_PTR(args[0]))->data);
    }
    mp_obj_t self = mpb_struct_new(d, NULL);
    if (n_args == 1) {
        if (!mp_obj_is_type(args[0], &mp_type_dict)) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes a dict or a %s, got %s"),
                              d->c_name, d->c_name, mp_obj_get_type_str(args[0]));
        }
        set_fields_from_dict(self, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        mp_store_attr(self, mp_obj_str_get_qstr(args[n_args + 2 * i]), args[n_args + 2 * i + 1]);
    }
    return self;
}

void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_struct_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_desc_t *d = mpb_struct_desc(mp_obj_get_type(self_in));
    mp_printf(print, "<%s at %p>", d->c_name, self->data);
}

mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    mpb_struct_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->data == NULL) {
        return 1;
    }
    bufinfo->buf = self->data;
    bufinfo->len = mpb_struct_desc(mp_obj_get_type(self_in))->size;
    bufinfo->typecode = 'B';
    return 0;
}

void *mpb_to_struct_ptr(mp_obj_t o, const mpb_struct_desc_t *d) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mp_obj_is_type(o, &mpb_type_blob)) {
        return ((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    if (mp_obj_is_type(o, &mp_type_dict)) {
        mp_obj_t tmp = mpb_struct_new(d, NULL);
        set_fields_from_dict(tmp, o);
        o = tmp;
    }
    if (!mpb_is_struct(o) && mp_obj_is_obj(o)) {
        // A Python class derived from the struct's (class MyStyle(lv.style_t)): its native part.
        mp_obj_t native = mp_obj_cast_to_native_base(o, MP_OBJ_FROM_PTR(d->type));
        if (native != MP_OBJ_NULL) {
            o = native;
        }
    }
    if (mpb_is_struct(o)) {
        if (mp_obj_get_type(o) != d->type) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %s, got %s"), d->c_name,
                              mp_obj_get_type_str(o));
        }
        void *data = ((mpb_struct_t *)MP_OBJ_TO_PTR(o))->data;
        if (data == NULL) {
            mp_raise_ValueError(MP_ERROR_TEXT("NULL struct pointer"));
        }
        return data;
    }
    // Not any buffer: bytes that held another struct's fields would reach C as this one's
    // pointers (T.__cast__(buffer) says so explicitly).
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %s, a dict or a Blob, got %s"), d->c_name,
                      mp_obj_get_type_str(o));
}

const void *mpb_to_struct_value(mp_obj_t o, const mpb_struct_desc_t *d) {
    if (o == mp_const_none) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %s, got None"), d->c_name);
    }
    return mpb_to_struct_ptr(o, d);
}

// T.__cast__(pointer): a T view of the memory a Blob, struct, buffer or address points at.
static mp_obj_t struct_cast(mp_obj_t type_in, mp_obj_t ptr) {
    const mpb_struct_desc_t *d = mpb_struct_desc(MP_OBJ_TO_PTR(type_in));
    mp_obj_t owner = MP_OBJ_NULL;
    void *data;
    if (mp_obj_is_int(ptr)) {
        data = (void *)(uintptr_t)mpb_to_uint(ptr, UINTPTR_MAX, "address");
    } else if (mpb_is_struct(ptr)) {
        mpb_struct_t *s = MP_OBJ_TO_PTR(ptr);
        data = s->data;
        owner = s->owner;
    } else {
        data = mpb_to_ptr(ptr, 0, false, d->c_name);
    }
    return data ? mpb_struct_view(d, data, owner) : mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(struct_cast_fun_obj, struct_cast);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpb_struct_cast_obj, MP_ROM_PTR(&struct_cast_fun_obj));

// T.__cast_instance__(instance, pointer): points an existing T at the memory the pointer
// points at, in place; allocates nothing, so an interrupt handler may call it.
static mp_obj_t struct_cast_instance(mp_obj_t type_in, mp_obj_t instance, mp_obj_t ptr) {
    const mp_obj_type_t *type = MP_OBJ_TO_PTR(type_in);
    const mpb_struct_desc_t *d = mpb_struct_desc(type);
    if (mp_obj_get_type(instance) != type) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("__cast_instance__ expected %s, got %s"),
                          d->c_name, mp_obj_get_type_str(instance));
    }
    mpb_struct_t *s = MP_OBJ_TO_PTR(instance);
    if (mp_obj_is_int(ptr)) {
        s->data = (void *)(uintptr_t)mpb_to_uint(ptr, UINTPTR_MAX, "address");
        s->owner = MP_OBJ_NULL;
    } else if (mpb_is_struct(ptr)) {
        mpb_struct_t *from = MP_OBJ_TO_PTR(ptr);
        s->data = from->data;
        s->owner = from->owner;
    } else {
        s->data = mpb_to_ptr(ptr, 0, false, d->c_name);
        s->owner = MP_OBJ_NULL;
    }
    s->refs = MP_OBJ_NULL;  // what its own storage kept is not this memory's
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(struct_cast_instance_fun_obj, struct_cast_instance);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpb_struct_cast_instance_obj, MP_ROM_PTR(&struct_cast_instance_fun_obj));

// t.__dereference__([size]): the struct's bytes (or `size` bytes from its address).
static mp_obj_t struct_dereference(size_t n_args, const mp_obj_t *args) {
    mpb_struct_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t size = n_args > 1 ? mp_obj_get_int(args[1]) : mpb_struct_desc(mp_obj_get_type(args[0]))->size;
    if (self->data == NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("NULL struct pointer"));
    }
    if (size < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("size must not be negative"));
    }
    return mp_obj_new_memoryview('B' | MP_OBJ_ARRAY_TYPECODE_FLAG_RW, size, self->data);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpb_struct_dereference_obj, 1, 2, struct_dereference);

// ---- C global variables: each a one-field table at offset 0 from its address ----------------

static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_global, MP_QSTR_global, MP_TYPE_FLAG_NONE);
static const mpb_struct_desc_t global_desc = {&mpb_type_global, "global variable", 0, 0, NULL};

void mpb_global_attr(void *addr, const mpb_field_t *f, bool read_only, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        if (read_only) {
            mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("%q is const in C"), f->name);
        }
    } else if (read_only && (f->kind == MPB_STRUCT || f->kind == MPB_ARRAY || f->kind == MPB_STRUCT_ARRAY)) {
        // const memory may be read-only to the chip too: copies and read-only views only.
        if (f->kind == MPB_ARRAY) {
            dest[0] = mp_obj_new_memoryview(f->typecode, f->count, addr);
        } else if (f->kind == MPB_STRUCT) {
            dest[0] = mpb_struct_new(f->ext, addr);
        } else {
            mp_obj_t items = mp_obj_new_tuple(f->count, NULL);
            for (size_t i = 0; i < f->count; i++) {
                ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(items))->items[i] =
                    mpb_struct_new(f->ext, (uint8_t *)addr + i * element_size(f));
            }
            dest[0] = items;
        }
        return;
    }
    mpb_struct_field_attr(mpb_struct_view(&global_desc, addr, MP_OBJ_NULL), f, dest);
}

mp_obj_t mpb_global_get(void *addr, const mpb_field_t *f, bool read_only) {
    mp_obj_t dest[2] = {MP_OBJ_NULL, MP_OBJ_NULL};
    mpb_global_attr(addr, f, read_only, dest);
    return dest[0];
}

void *mpb_to_struct_array(mp_obj_t o, const mpb_struct_desc_t *d, const void *function, size_t arg,
                          size_t *extent) {
    *extent = SIZE_MAX;
    if (!mp_obj_is_type(o, &mp_type_list) && !mp_obj_is_type(o, &mp_type_tuple)) {
        void *p = mpb_to_struct_ptr(o, d);
        if (mpb_is_struct(o)) {
            *extent = d->size;
        }
        return p;
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(o, &n, &items);
    uint8_t *a = m_new(uint8_t, n > 0 ? n * d->size : 1);
    for (size_t i = 0; i < n; i++) {
        memcpy(a + i * d->size, mpb_to_struct_value(items[i], d), d->size);
    }
    // Kept as a bytearray over it, as a string argument is kept (mpb_to_cstr_kept).
    mpb_pin_arg(function, arg, mp_obj_new_bytearray_by_ref(n * d->size, a));
    *extent = n * d->size;
    return a;
}
