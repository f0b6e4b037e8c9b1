// C++ objects as Python objects, and the standard types that cross with them (std::string,
// std::vector, std::span). An object either owns its C++ object (deleted by its finaliser)
// or is a view of one that C++ or another Python object owns.
#include "py/nlr.h"
#include "py/objlist.h"
#include "py/unicode.h"
#include "mpb.h"

static mp_obj_t new_str(const char *p, size_t n);

mp_obj_t mpb_object_new(const mpb_class_desc_t *d, void *ptr, bool owned, mp_obj_t owner) {
    if (ptr == NULL && !owned) {
        return mp_const_none;
    }
    mpb_object_t *o = owned && d->destroy ? mp_obj_malloc_with_finaliser(mpb_object_t, d->type)
                                          : mp_obj_malloc(mpb_object_t, d->type);
    o->ptr = ptr;
    o->owner = owner;
    o->owned = owned;
    return MP_OBJ_FROM_PTR(o);
}

static const mpb_class_desc_t *class_of(const mp_obj_type_t *t) {
    return MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, print) == mpb_object_print ? MP_OBJ_TYPE_GET_SLOT(t, protocol)
                                                                      : NULL;
}

// p, an object of class `from`, as a pointer to class `to` (NULL if `to` is not a base).
static void *upcast(const mpb_class_desc_t *from, void *p, const mpb_class_desc_t *to) {
    if (from == to) {
        return p;
    }
    for (size_t i = 0; i < from->n_bases; i++) {
        void *r = upcast(from->bases[i].cls, from->bases[i].upcast(p), to);
        if (r) {
            return r;
        }
    }
    return NULL;
}

void *mpb_to_object(mp_obj_t o, const mpb_class_desc_t *d, bool nullable) {
    if (o == mp_const_none && nullable) {
        return NULL;
    }
    const mpb_class_desc_t *from = mp_obj_is_obj(o) ? class_of(mp_obj_get_type(o)) : NULL;
    if (from == NULL && mp_obj_is_obj(o)) {
        // An instance of a Python class derived from a bound one: its native part.
        mp_obj_t native = mp_obj_cast_to_native_base(o, MP_OBJ_FROM_PTR(d->type));
        if (native != MP_OBJ_NULL && native != o) {
            o = native;
            from = class_of(mp_obj_get_type(o));
        }
    }
    void *p = NULL;
    if (from) {
        mpb_object_t *obj = MP_OBJ_TO_PTR(o);
        if (obj->ptr == NULL) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("this %s holds no C++ object"), from->name);
        }
        p = upcast(from, obj->ptr, d);
    }
    if (p == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected %s%s, got %s"), d->name,
                          nullable ? " or None" : "", mp_obj_get_type_str(o));
    }
    return p;
}

void mpb_object_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_object_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<%s object at %p>", class_of(mp_obj_get_type(self_in))->name, self->ptr);
}

static mp_obj_t object_del(mp_obj_t self_in) {
    mpb_object_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_class_desc_t *d = class_of(mp_obj_get_type(self_in));
    if (self->owned && self->ptr && d->destroy) {
        d->destroy(self->ptr);
    }
    self->ptr = NULL;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mpb_object_del_obj, object_del);

mp_obj_t mpb_object_make_default(const mpb_class_desc_t *d, void *(*ctor)(void), size_t n_args, size_t n_kw,
                                 const mp_obj_t *args) {
    if (n_args) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s() takes fields as keywords only"), d->name);
    }
    mp_obj_t o = mpb_object_new(d, NULL, true, MP_OBJ_NULL);
    mpb_object_set(o, ctor());
    mpb_cxx_check();
    if (((mpb_object_t *)MP_OBJ_TO_PTR(o))->ptr == NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s cannot be made without arguments"), d->name);
    }
    for (size_t i = 0; i < n_kw; i++) {
        mp_store_attr(o, mp_obj_str_get_qstr(args[2 * i]), args[2 * i + 1]);
    }
    return o;
}

// ---- std::function calls of Python callables ----------------------------------------------

// The exception a Python callback raised inside C++, until the glue's caller raises it again;
// the pinned callables; the last result, alive while C++ copies what it holds.
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_cxx_pending);
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_cxx_pins);
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_cxx_result);

static mp_obj_t pin_key(const void *key) {
    return MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)key >> 1));  // heap addresses are even
}

bool mpb_cxx_pin(const void *key, void *callable) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (MP_STATE_VM(mpb_cxx_pins) == MP_OBJ_NULL) {
            MP_STATE_VM(mpb_cxx_pins) = mp_obj_new_dict(0);
        }
        mp_obj_dict_store(MP_STATE_VM(mpb_cxx_pins), pin_key(key), MP_OBJ_FROM_PTR(callable));
        nlr_pop();
        return true;
    }
    return false;
}

void mpb_cxx_unpin(const void *key) {
    if (MP_STATE_VM(mpb_cxx_pins) != MP_OBJ_NULL) {  // removing never allocates
        mp_map_lookup(mp_obj_dict_get_map(MP_STATE_VM(mpb_cxx_pins)), pin_key(key),
                      MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    }
}

static mp_obj_t callback_arg(const mpb_cxx_elem_t *e, mpb_cval_t v) {
    switch (e->kind) {
        case MPB_INT:
            return mpb_from_i64(v.i);
        case MPB_UINT:
            return mpb_from_u64(v.u);
        case MPB_BOOL:
            return mp_obj_new_bool(v.u != 0);
        case MPB_FLOAT:
        case MPB_DOUBLE:
            return mp_obj_new_float((mp_float_t)v.f);
        case MPB_CSTR: {
            const mpb_strn_t *s = v.p;
            return s ? new_str(s->p, s->n) : mp_const_none;
        }
        default:
            return mpb_object_new(e->desc, v.p, false, MP_OBJ_NULL);  // a view during the call
    }
}

static mpb_cval_t callback_result(const mpb_cxx_elem_t *e, mp_obj_t r) {
    static mpb_strn_t text;
    mpb_cval_t v = {.u = 0};
    switch (e->kind) {
        case MPB_INT: {
            int64_t smax = e->size >= 8 ? INT64_MAX : ((int64_t)1 << (8 * e->size - 1)) - 1;
            v.i = mpb_to_int(r, -smax - 1, smax, "callback result");
            break;
        }
        case MPB_UINT:
            v.u = mpb_to_uint(r, e->size >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * e->size)) - 1,
                              "callback result");
            break;
        case MPB_BOOL:
            v.u = mp_obj_is_true(r);
            break;
        case MPB_FLOAT:
        case MPB_DOUBLE:
            v.f = mpb_to_double(r);
            break;
        case MPB_CSTR:
            text.p = mpb_to_strn(r, &text.n);
            MP_STATE_VM(mpb_cxx_result) = r;  // alive until the next call: C++ copies it first
            v.p = &text;
            break;
        default:
            break;
    }
    return v;
}

bool mpb_cxx_invoke(void *callable, const mpb_cxx_sig_t *sig, const mpb_cval_t *args, mpb_cval_t *ret) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t py[MPB_CXX_FN_MAX_ARGS];
        for (size_t i = 0; i < sig->n_args; i++) {
            py[i] = callback_arg(&sig->args[i], args[i]);
        }
        mp_obj_t r = mp_call_function_n_kw(MP_OBJ_FROM_PTR(callable), sig->n_args, 0, py);
        *ret = callback_result(&sig->ret, r);
        nlr_pop();
        return true;
    }
    MP_STATE_VM(mpb_cxx_pending) = MP_OBJ_FROM_PTR(nlr.ret_val);
    return false;
}

void *mpb_to_cxx_callable(mp_obj_t o) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (!mp_obj_is_callable(o)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected a callable or None, got %s"),
                          mp_obj_get_type_str(o));
    }
    return MP_OBJ_TO_PTR(o);
}

NORETURN void mpb_cxx_raise(void) {
    static const mp_obj_type_t *const types[] = {
        [MPB_CXX_RUNTIME] = &mp_type_RuntimeError, [MPB_CXX_VALUE] = &mp_type_ValueError,
        [MPB_CXX_INDEX] = &mp_type_IndexError,     [MPB_CXX_OVERFLOW] = &mp_type_OverflowError,
        [MPB_CXX_MEMORY] = &mp_type_MemoryError,   [MPB_CXX_TYPE] = &mp_type_TypeError,
        [MPB_CXX_PYTHON] = &mp_type_RuntimeError,
    };
    int kind = mpb_cxx_error.kind;
    mpb_cxx_error.kind = MPB_CXX_OK;
    if (kind == MPB_CXX_PYTHON && MP_STATE_VM(mpb_cxx_pending) != MP_OBJ_NULL) {
        mp_obj_t exc = MP_STATE_VM(mpb_cxx_pending);
        MP_STATE_VM(mpb_cxx_pending) = MP_OBJ_NULL;
        nlr_raise(exc);  // the callback's own exception, traceback and all
    }
    mp_obj_t msg = mp_obj_new_str(mpb_cxx_error.what, strlen(mpb_cxx_error.what));
    nlr_raise(mp_obj_new_exception_args(types[kind], 1, &msg));
}

// ---- Standard types ------------------------------------------------------------------------

const char *mpb_to_strn(mp_obj_t o, size_t *n) {
    if (mp_obj_is_str(o) || mp_obj_is_type(o, &mp_type_bytes)) {
        return mp_obj_str_get_data(o, n);
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected str or bytes, got %s"),
                      mp_obj_get_type_str(o));
}

void *mpb_to_span(mp_obj_t o, size_t elem_size, bool writable, size_t *n, const char *ctype) {
    mp_buffer_info_t buf;
    mp_get_buffer_raise(o, &buf, writable ? MP_BUFFER_RW : MP_BUFFER_READ);
    if (buf.len % elem_size != 0 || (uintptr_t)buf.buf % elem_size != 0) {
        mp_raise_msg_varg(
            &mp_type_ValueError,
            MP_ERROR_TEXT("std::span<%s> needs whole, aligned %u-byte elements; the buffer has %u bytes"),
            ctype, (unsigned)elem_size, (unsigned)buf.len);
    }
    *n = buf.len / elem_size;
    return buf.buf;
}

static void store_elem(const mpb_elem_t *e, uint8_t *p, mp_obj_t v) {
    const char *ctype = e->desc;
    switch (e->kind) {
        case MPB_INT: {
            int64_t max = (int64_t)((uint64_t)-1 >> (65 - 8 * e->size));
            int64_t x = mpb_to_int(v, -max - 1, max, ctype);
            switch (e->size) {
                case 1:
                    *(int8_t *)p = (int8_t)x;
                    break;
                case 2:
                    *(int16_t *)p = (int16_t)x;
                    break;
                case 4:
                    *(int32_t *)p = (int32_t)x;
                    break;
                default:
                    *(int64_t *)p = x;
                    break;
            }
            break;
        }
        case MPB_UINT: {
            uint64_t x = mpb_to_uint(v, (uint64_t)-1 >> (64 - 8 * e->size), ctype);
            switch (e->size) {
                case 1:
                    *(uint8_t *)p = (uint8_t)x;
                    break;
                case 2:
                    *(uint16_t *)p = (uint16_t)x;
                    break;
                case 4:
                    *(uint32_t *)p = (uint32_t)x;
                    break;
                default:
                    *(uint64_t *)p = x;
                    break;
            }
            break;
        }
        case MPB_BOOL:
            *(bool *)p = mpb_to_bool(v);
            break;
        case MPB_FLOAT:
            *(float *)p = (float)mpb_to_double(v);
            break;
        case MPB_DOUBLE:
            *(double *)p = mpb_to_double(v);
            break;
        case MPB_CSTR: {
            mpb_strn_t *s = (mpb_strn_t *)p;
            s->p = mpb_to_strn(v, &s->n);
            break;
        }
        default:
            *(void **)p = mpb_to_object(v, e->desc, false);
            break;
    }
}

void *mpb_to_seq(mp_obj_t o, const mpb_elem_t *e, size_t *n) {
    if (!mp_obj_is_type(o, &mp_type_list) && !mp_obj_is_type(o, &mp_type_tuple)) {
        if (mp_obj_is_str(o) || !mp_obj_is_obj(o) || !MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(o), iter)) {
            mp_raise_msg_varg(&mp_type_TypeError,
                              MP_ERROR_TEXT("expected a list, tuple or other iterable, got %s"),
                              mp_obj_get_type_str(o));
        }
        o = MP_OBJ_TYPE_GET_SLOT(&mp_type_list, make_new)(&mp_type_list, 1, 0, &o);
    }
    mp_obj_t *items;
    mp_obj_get_array(o, n, &items);
    size_t size = e->kind == MPB_CSTR ? sizeof(mpb_strn_t) : e->kind == MPB_OBJECT ? sizeof(void *) : e->size;
    uint8_t *array = m_new(uint8_t, *n * size + 1);
    for (size_t i = 0; i < *n; i++) {
        store_elem(e, array + i * size, items[i]);
    }
    return array;
}

// A str of C++ bytes, which need not be UTF-8 (a str must).
static mp_obj_t new_str(const char *p, size_t n) {
    if (!utf8_check((const byte *)p, n)) {
        mp_raise_msg(&mp_type_UnicodeError, MP_ERROR_TEXT("a std::string from C++ is not UTF-8"));
    }
    return mp_obj_new_str(p, n);
}

static mp_obj_t vector_elem(const mpb_vector_desc_t *d, const void *v, size_t i) {
    mpb_cval_t c = {.u = 0};
    size_t len = 0;
    if (d->elem.kind == MPB_OBJECT) {
        mp_obj_t o = mpb_object_new(d->elem.desc, NULL, true, MP_OBJ_NULL);
        d->at(v, i, &c, &len);
        mpb_object_set(o, c.p);
        mpb_cxx_check();
        return o;
    }
    d->at(v, i, &c, &len);
    mpb_cxx_check();
    switch (d->elem.kind) {
        case MPB_INT:
            return mpb_from_i64(c.i);
        case MPB_UINT:
            return mpb_from_u64(c.u);
        case MPB_BOOL:
            return mp_obj_new_bool(c.u != 0);
        case MPB_FLOAT:
        case MPB_DOUBLE:
            return mp_obj_new_float((mp_float_t)c.f);
        default:
            return new_str(c.p, len);
    }
}

mp_obj_t mpb_from_cxx_vector(void *v, const mpb_vector_desc_t *d) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        size_t n = d->size(v);
        mp_obj_t list = mp_obj_new_list(0, NULL);
        for (size_t i = 0; i < n; i++) {
            mp_obj_list_append(list, vector_elem(d, v, i));
        }
        nlr_pop();
        d->destroy(v);
        return list;
    }
    d->destroy(v);
    nlr_jump(nlr.ret_val);
}

mp_obj_t mpb_from_cxx_string(void *s) {
    size_t n;
    const char *p = mpb_cxx_string_data(s, &n);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t r = new_str(p, n);
        nlr_pop();
        mpb_cxx_string_delete(s);
        return r;
    }
    mpb_cxx_string_delete(s);
    nlr_jump(nlr.ret_val);
}
