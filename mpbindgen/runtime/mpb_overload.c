// C++ overloads under one Python name. A call goes to the first overload whose arguments
// take the given values without conversions (an int for int, the exact class), else to the
// first that takes them with conversions (an int for double, a derived class for its base),
// as C++ itself prefers exact matches.
#include "py/objstr.h"
#include "mpb.h"

static bool accepts(const mpb_arg_t *k, mp_obj_t o, bool convert);

static bool is_object_of(mp_obj_t o, const mpb_class_desc_t *d, bool convert) {
    if (!mp_obj_is_obj(o)) {
        return false;
    }
    if (mp_obj_get_type(o) == d->type) {
        return true;
    }
    return convert && mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(o)), MP_OBJ_FROM_PTR(d->type));
}

static bool is_sequence_of(const mpb_arg_t *elem, mp_obj_t o, bool convert) {
    if (!mp_obj_is_type(o, &mp_type_list) && !mp_obj_is_type(o, &mp_type_tuple)) {
        return false;
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(o, &n, &items);
    for (size_t i = 0; i < n; i++) {
        if (!accepts(elem, items[i], convert)) {
            return false;
        }
    }
    return true;
}

static bool accepts(const mpb_arg_t *k, mp_obj_t o, bool convert) {
    switch (k->kind) {  // (bools are not ints in MicroPython's object model)
        case MPB_A_INT:
            return mp_obj_is_int(o) || (convert && mp_obj_is_bool(o));
        case MPB_A_BOOL:
            return mp_obj_is_bool(o) || (convert && mp_obj_is_int(o));
        case MPB_A_FLOAT:
            return mp_obj_is_float(o) || (convert && (mp_obj_is_int(o) || mp_obj_is_bool(o)));
        case MPB_A_CSTR:
            if (o == mp_const_none) {
                return true;
            }  // fall through
        case MPB_A_STR:
            return mp_obj_is_str(o) || mp_obj_is_type(o, &mp_type_bytes);
        case MPB_A_OBJECT_OR_NONE:
            if (o == mp_const_none) {
                return true;
            }  // fall through
        case MPB_A_OBJECT:
            return is_object_of(o, k->ext, convert);
        case MPB_A_BUFFER: {
            mp_buffer_info_t buf;
            return o == mp_const_none || mp_obj_is_type(o, &mpb_type_blob) || mpb_is_struct(o) ||
                   mp_get_buffer(o, &buf, MP_BUFFER_READ);
        }
        case MPB_A_SEQ:
            return is_sequence_of(k->ext, o, convert);
        case MPB_A_CALLABLE:
            return o == mp_const_none || mp_obj_is_callable(o);
        default:
            return true;
    }
}

// Whether f takes these arguments (positional, then keyword pairs).
static bool matches(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args, bool convert) {
    size_t required = f->proto->n_args - f->proto->n_optional;
    if (n_args > f->proto->n_args || n_args + n_kw < required || n_args + n_kw > f->proto->n_args) {
        return false;
    }
    for (size_t i = 0; i < n_args; i++) {
        if (!accepts(&mpb_proto_ext(f->proto)->arg_kinds[i], args[i], convert)) {
            return false;
        }
    }
    size_t given_required = n_args < required ? n_args : required;
    for (size_t k = 0; k < n_kw; k++) {
        qstr name = mp_obj_str_get_qstr(args[n_args + 2 * k]);
        size_t i = n_args;
        while (i < f->proto->n_args && mpb_arg_name(f, i) != name) {
            i++;
        }
        if (i == f->proto->n_args ||
            !accepts(&mpb_proto_ext(f->proto)->arg_kinds[i], args[n_args + 2 * k + 1], convert)) {
            return false;
        }
        given_required += i < required;
    }
    return given_required == required;
}

static const mpb_function_t *pick(const mpb_overloads_t *o, size_t n_args, size_t n_kw,
                                  const mp_obj_t *args) {
    if (n_kw == 0) {
        // The common call: positional arguments that some overload takes as they are.
        for (size_t i = 0; i < o->n; i++) {
            const mpb_function_t *f = o->overloads[i];
            if (n_args > f->proto->n_args || n_args + f->proto->n_optional < f->proto->n_args) {
                continue;
            }
            size_t k = 0;
            while (k < n_args && accepts(&mpb_proto_ext(f->proto)->arg_kinds[k], args[k], false)) {
                k++;
            }
            if (k == n_args) {
                return f;
            }
        }
    }
    for (int convert = 0; convert < 2; convert++) {
        for (size_t i = 0; i < o->n; i++) {
            if (matches(o->overloads[i], n_args, n_kw, args, convert)) {
                return o->overloads[i];
            }
        }
    }
    return NULL;
}

static NORETURN void raise_no_match(const mpb_overloads_t *o, size_t n_args, size_t n_kw,
                                    const mp_obj_t *args) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 96, &print);
    mp_printf(&print, "%s(): no overload takes (", o->name);
    for (size_t i = 0; i < n_args + n_kw; i++) {
        if (i >= n_args) {
            mp_printf(&print, "%q=", mp_obj_str_get_qstr(args[n_args + 2 * (i - n_args)]));
        }
        mp_printf(&print, "%s%s",
                  mp_obj_get_type_str(i < n_args ? args[i] : args[n_args + 2 * (i - n_args) + 1]),
                  i + 1 < n_args + n_kw ? ", " : "");
    }
    mp_print_str(&print, "); it has:");
    for (size_t i = 0; i < o->n; i++) {
        mp_print_str(&print, "\n  ");
        mpb_print_signature(&print, o->overloads[i]);
    }
    mp_obj_t msg = mp_obj_new_str_from_vstr(&v);
    nlr_raise(mp_obj_new_exception_args(&mp_type_TypeError, 1, &msg));
}

static mp_obj_t overloads_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_overloads_t *o = MP_OBJ_TO_PTR(self_in);
    const mpb_function_t *f = pick(o, n_args, n_kw, args);
    if (f == NULL) {
        raise_no_match(o, n_args, n_kw, args);
    }
    return f->proto->call(f, n_args, n_kw, args);
}

static void overloads_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const mpb_overloads_t *o = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<function %s, %u overloads:", o->name, (unsigned)o->n);
    for (size_t i = 0; i < o->n; i++) {
        mp_print_str(print, " ");
        mpb_print_signature(print, o->overloads[i]);
        mp_print_str(print, i + 1 < o->n ? ";" : ">");
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_overloads, MP_QSTR_function, MP_TYPE_FLAG_NONE, call, overloads_call, print,
                         overloads_print);

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_method_overloads, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF, call,
                         overloads_call, print, overloads_print);

mp_obj_t mpb_operator(const mpb_overloads_t *o, mp_obj_t lhs, mp_obj_t rhs) {
    mp_obj_t args[2] = {lhs, rhs};
    const mpb_function_t *f = pick(o, 2, 0, args);
    return f ? f->proto->call(f, 2, 0, args) : MP_OBJ_NULL;
}
