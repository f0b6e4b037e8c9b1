// Bound C functions: a small object per function with its C function (so that it can be
// stored in a function-pointer field, as the seed's hybrid driver does with
// `flush_cb = espidf.ili9341_flush`), its name and argument names; the wrapper, the C type
// and the annotations are the prototype's, shared by every function of that prototype.
#include "mpb.h"
#include "py/binary.h"

static mp_obj_t function_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_function_t *self = MP_OBJ_TO_PTR(self_in);
    return self->proto->call(self, n_args, n_kw, args);
}

void mpb_print_signature(const mp_print_t *print, const mpb_function_t *f) {
    const mpb_proto_t *p = f->proto;
    mp_printf(print, "%q(", f->name);
    const mpb_proto_ext_t *ext = mpb_proto_ext(p);
    if (ext == NULL) {
        // A C function: its ctypes' annotations.
        for (size_t i = 0; i < p->n_args; i++) {
            mp_printf(print, "%s%q: %s", i ? ", " : "", mpb_arg_name(f, i), mpb_proto_ctype(p, i + 1)->py);
        }
        mp_printf(print, ") -> %s", mpb_proto_ctype(p, 0)->py);
        return;
    }
    const char *t = ext->types;
    for (size_t i = 0; i <= p->n_args; i++) {
        const char *end = strchr(t, '\n');
        int len = (int)(end - t);
        if (i == p->n_args) {
            mp_printf(print, ")%s%.*s", len ? " -> " : "", len, t);
        } else {
            mp_printf(print, "%s%q: %.*s", i ? ", " : "", mpb_arg_name(f, i), len, t);
        }
        t = end + 1;
    }
}

void mpb_print_c_type(const mp_print_t *print, const mpb_function_t *f) {
    const mpb_proto_t *p = f->proto;
    if (mpb_proto_ext(p) != NULL) {
        mp_print_str(print, mpb_proto_ext(p)->c_type);
        return;
    }
    mp_printf(print, "%s (", mpb_proto_ctype(p, 0)->canon);
    for (size_t i = 0; i < p->n_args; i++) {
        mp_printf(print, "%s%s", i ? ", " : "", mpb_proto_ctype(p, i + 1)->canon);
    }
    mp_print_str(print, p->n_args ? ")" : "void)");
}

static void function_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_print_str(print, "<function ");
    mpb_print_signature(print, MP_OBJ_TO_PTR(self_in));
    mp_print_str(print, ">");
}

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_function, MP_QSTR_function, MP_TYPE_FLAG_NONE, call, function_call, print,
                         function_print);

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_method, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF, call, function_call,
                         print, function_print);

// A TypeError "signature: message", the message formatted with one qstr.
static NORETURN void raise_call_error(const mpb_function_t *f, const char *fmt, qstr q) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 64, &print);
    mpb_print_signature(&print, f);
    mp_print_str(&print, ": ");
    mp_printf(&print, fmt, q);
    mp_obj_t msg = mp_obj_new_str_from_vstr(&v);
    nlr_raise(mp_obj_new_exception_args(&mp_type_TypeError, 1, &msg));
}

const char *mpb_printf_text(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                            size_t n_fixed) {
    if (n_kw != 0) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q takes no keyword arguments"), (qstr)f->name);
    }
    if (n_args < n_fixed) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q needs at least %d arguments"), (qstr)f->name,
                          (int)n_fixed);
    }
    mp_obj_t fmt = args[n_fixed - 1];
    if (!mp_obj_is_str(fmt)) {
        mp_raise_TypeError(MP_ERROR_TEXT("the format must be a str"));
    }
    mp_obj_t values = mp_obj_new_tuple(n_args - n_fixed, args + n_fixed);
    return mp_obj_str_get_str(mp_binary_op(MP_BINARY_OP_MODULO, fmt, values));
}

const mp_obj_t *mpb_args_slow(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                              mp_obj_t *out) {
    const mpb_proto_t *p = f->proto;
    size_t required = p->n_args - p->n_optional;
    if (n_args > p->n_args || n_args + n_kw > p->n_args) {
        raise_call_error(f, "wrong number of arguments", MP_QSTRnull);
    }
    for (size_t i = 0; i < p->n_args; i++) {
        out[i] = i < n_args ? args[i] : MP_OBJ_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        qstr name = mp_obj_str_get_qstr(args[n_args + 2 * k]);
        size_t i = 0;
        while (i < p->n_args && mpb_arg_name(f, i) != name) {
            i++;
        }
        if (i == p->n_args) {
            raise_call_error(f, "unexpected keyword argument '%q'", name);
        }
        if (out[i] != MP_OBJ_NULL) {
            raise_call_error(f, "argument '%q' given twice", name);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
    for (size_t i = 0; i < required; i++) {
        if (out[i] == MP_OBJ_NULL) {
            raise_call_error(f, "missing argument '%q'", mpb_arg_name(f, i));
        }
    }
    return out;
}

size_t mpb_given(const mpb_function_t *f, const mp_obj_t *a) {
    size_t n = f->proto->n_args;
    while (n > 0 && a[n - 1] == MP_OBJ_NULL) {
        n--;
    }
    for (size_t i = 0; i < n; i++) {
        if (a[i] == MP_OBJ_NULL) {
            // C++ fills defaults from the right only.
            raise_call_error(f, "give '%q' too, since a later argument is given", mpb_arg_name(f, i));
        }
    }
    return n;
}

void mpb_raise_none_arg(const mpb_function_t *f, size_t i) {
    mp_raise_msg_varg(&mp_type_ValueError,
                      MP_ERROR_TEXT("%q(): %q cannot be None (C would dereference NULL)"), f->name,
                      mpb_arg_name(f, i));
}

// Ranges of C integers by size in bytes: [size][0] signed, [size][1] unsigned.
static const int64_t int_lo[9][2] = {
    [1] = {INT8_MIN, 0}, [2] = {INT16_MIN, 0}, [4] = {INT32_MIN, 0}, [8] = {INT64_MIN, 0}};
static const uint64_t int_hi[9][2] = {[1] = {INT8_MAX, UINT8_MAX},
                                      [2] = {INT16_MAX, UINT16_MAX},
                                      [4] = {INT32_MAX, UINT32_MAX},
                                      [8] = {INT64_MAX, UINT64_MAX}};

// Element i of an array of numbers of `typecode`, converted and range-checked as an argument
// of the element type would be.
static void store_number(char typecode, void *a, size_t i, mp_obj_t o, const char *name) {
    if (typecode == 'f') {
        ((float *)a)[i] = (float)mpb_to_double(o);
        return;
    }
    if (typecode == 'd') {
        ((double *)a)[i] = mpb_to_double(o);
        return;
    }
    size_t size = mp_binary_get_size('@', typecode, NULL);
    bool is_signed = typecode >= 'a';  // b h i l q; B H I L Q unsigned
    uint64_t v = is_signed ? (uint64_t)mpb_to_int(o, int_lo[size][0], (int64_t)int_hi[size][0], name)
                           : mpb_to_uint(o, int_hi[size][1], name);
    switch (size) {
        case 1:
            ((uint8_t *)a)[i] = (uint8_t)v;
            break;
        case 2:
            ((uint16_t *)a)[i] = (uint16_t)v;
            break;
        case 4:
            ((uint32_t *)a)[i] = (uint32_t)v;
            break;
        default:
            ((uint64_t *)a)[i] = v;
            break;
    }
}

void *mpb_to_number_array(mp_obj_t o, const mpb_ctype_t *t, const void *function, size_t arg,
                          size_t *extent) {
    if (!mp_obj_is_type(o, &mp_type_list) && !mp_obj_is_type(o, &mp_type_tuple)) {
        return mpb_to_ptr_extent(o, t->pointee, t->is_const, t->name, extent);
    }
    size_t n, elem = mp_binary_get_size('@', t->typecode, NULL);
    mp_obj_t *items;
    mp_obj_get_array(o, &n, &items);
    if (n * elem < t->pointee) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%s needs %u numbers, got %u"), t->name,
                          (unsigned)(t->pointee / elem), (unsigned)n);
    }
    uint8_t *a = m_new(uint8_t, n > 0 ? n * elem : 1);
    for (size_t i = 0; i < n; i++) {
        store_number(t->typecode, a, i, items[i], t->name);
    }
    // Kept as a bytearray over it, as a struct array is (mpb_to_struct_array).
    mpb_pin_arg(function, arg, mp_obj_new_bytearray_by_ref(n * elem, a));
    *extent = n * elem;
    return a;
}

// Any argument but a small int in range: converted (or refused) out of the loop's way. A
// pointer to a buffer gives the buffer's size in *extent (SIZE_MAX: C alone knows).
static void convert_one(const mpb_function_t *f, size_t i, mp_obj_t o, mpb_cval_t *v, size_t *extent) {
    const mpb_proto_t *p = f->proto;
    const mpb_ctype_t *t = mpb_proto_ctype(p, i + 1);
    switch (t->kind) {
        case MPB_INT:
            v->i = mpb_to_int(o, int_lo[t->size][0], (int64_t)int_hi[t->size][0], t->name);
            return;
        case MPB_UINT:
            if (t->wraps && mp_obj_is_int(o) && mp_obj_int_sign(o) < 0) {
                // C's conversion of a negative value, as code written for the chip expects.
                v->i = mpb_to_int(o, int_lo[t->size][0], -1, t->name);
                v->u &= int_hi[t->size][1];
                return;
            }
            v->u = mpb_to_uint(o, int_hi[t->size][1], t->name);
            return;
        case MPB_BOOL:
            v->u = mpb_to_bool(o);
            return;
        case MPB_FLOAT:
        case MPB_DOUBLE:
            v->f = mpb_to_double(o);
            return;
        case MPB_CSTR:
            v->p = (void *)mpb_to_cstr_kept(o, f, i);
            return;
        default:
            break;
    }
    // Pointers: None is NULL where the prototype allows it.
    if (o == mp_const_none && !(p->none_ok >> i & 1)) {
        mpb_raise_none_arg(f, i);
    }
    switch (t->kind) {
        case MPB_STRUCT_PTR:
            v->p = mpb_to_struct_ptr(o, t->ext);
            break;
        case MPB_STRUCT:
            v->p = (void *)mpb_to_struct_value(o, t->ext);
            break;
        case MPB_HANDLE:
            v->p = mpb_to_handle(o, t->ext);
            break;
        case MPB_STRUCT_ARRAY:
            v->p = mpb_to_struct_array(o, t->ext, f, i, extent);
            break;
        case MPB_ARRAY:
            v->p = mpb_to_number_array(o, t, f, i, extent);
            break;
        default: {  // MPB_PTR
            mp_buffer_info_t b;
            if (t->pointee != 0) {
                v->p = mpb_to_ptr_extent(o, t->pointee, t->is_const, t->name, extent);
            } else {
                v->p = mpb_to_void_ptr_kept(o, f, i);
                *extent = o != mp_const_none && mp_get_buffer(o, &b, MP_BUFFER_READ) ? b.len : SIZE_MAX;
            }
            break;
        }
    }
}

// The common cases inline (most arguments): a small int in range, an interned str, an object
// or struct of the argument's own type and alive, None for a pointer that may be NULL.
// False: convert_one.
static inline MP_ALWAYSINLINE bool convert_fast(const mpb_proto_t *p, size_t i, mp_obj_t o, mpb_cval_t *v) {
    const mpb_ctype_t *t = mpb_proto_ctype(p, i + 1);
    if (t->kind <= MPB_UINT) {
        if (!mp_obj_is_small_int(o)) {
            return false;
        }
        mp_int_t x = MP_OBJ_SMALL_INT_VALUE(o);
        bool u = t->kind == MPB_UINT;
        v->i = x;
        return x >= int_lo[t->size][u] && (x < 0 || (uint64_t)x <= int_hi[t->size][u]);
    }
    if (t->kind == MPB_CSTR) {
        // An interned str (literals, names) is never freed: nothing to keep.
        v->p = mp_obj_is_qstr(o) ? (void *)qstr_str(MP_OBJ_QSTR_VALUE(o)) : NULL;
        return v->p != NULL;
    }
    if (t->kind != MPB_HANDLE && t->kind != MPB_STRUCT_PTR && t->kind != MPB_PTR) {
        return false;
    }
    if (o == mp_const_none) {
        v->p = NULL;
        return p->none_ok >> i & 1;
    }
    if (!mp_obj_is_obj(o)) {
        return false;
    }
    const mp_obj_type_t *type = ((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type;
    if (t->kind == MPB_HANDLE) {
        if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(type, make_new) != mpb_handle_make_new) {
            return false;
        }
        const mpb_class_t *c = MP_OBJ_TYPE_GET_SLOT(type, protocol);
        v->p = ((mpb_handle_t *)MP_OBJ_TO_PTR(o))->ptr;
        return c->family == t->ext && v->p != NULL;
    }
    if (t->kind == MPB_STRUCT_PTR) {
        v->p = ((mpb_struct_t *)MP_OBJ_TO_PTR(o))->data;
        return type == ((const mpb_struct_desc_t *)t->ext)->type && v->p != NULL;
    }
    return false;
}

static void convert(const mpb_function_t *f, const mp_obj_t *args, mpb_cval_t *v) {
    const mpb_proto_t *p = f->proto;
    if (p->lengths == 0) {
        for (size_t i = 0; i < p->n_args; i++) {
            if (!convert_fast(p, i, args[i], &v[i])) {
                size_t extent;
                convert_one(f, i, args[i], &v[i], &extent);
            }
        }
        return;
    }
    // With a length after a buffer: the buffer's extent (SIZE_MAX: unknown) checks it.
    size_t extent = SIZE_MAX;
    for (size_t i = 0; i < p->n_args; i++) {
        const mpb_ctype_t *t = mpb_proto_ctype(p, i + 1);
        if (convert_fast(p, i, args[i], &v[i])) {
            if (t->kind > MPB_UINT) {
                extent = SIZE_MAX;
            }
        } else {
            convert_one(f, i, args[i], &v[i], &extent);
        }
        if (p->lengths >> i & 1) {
            // The length of the buffer before it: no more than the buffer holds. An untyped
            // pointer given something that is no buffer (an object by reference) would have
            // C go over the object.
            const mpb_ctype_t *b = mpb_proto_ctype(p, i);
            if (b->kind == MPB_PTR && !b->pointee) {
                mpb_buffer_before_length(args[i - 1], mpb_arg_name(f, i));
            }
            mpb_check_extent(extent, v[i].u, b->pointee ? b->pointee : 1, mpb_arg_name(f, i));
        }
    }
}

// Keywords or a wrong count: the arguments in order first (the frame with room for them only
// for such calls).
static MP_NOINLINE void convert_keywords(const mpb_function_t *f, size_t n_args, size_t n_kw,
                                         const mp_obj_t *args, mpb_cval_t *v) {
    mp_obj_t buf[MPB_MAX_ARGS];
    convert(f, mpb_args_slow(f, n_args, n_kw, args, buf), v);
}

void mpb_convert_args(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                      mpb_cval_t *v) {
    if (n_kw != 0 || n_args != f->proto->n_args) {
        convert_keywords(f, n_args, n_kw, args, v);
    } else {
        convert(f, args, v);
    }
}
