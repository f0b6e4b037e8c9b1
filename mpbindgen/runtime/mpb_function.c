// Bound C functions: a small object per function with its C function (so that it can be
// stored in a function-pointer field, as the seed's hybrid driver does with
// `flush_cb = espidf.ili9341_flush`), its name and argument names; the wrapper, the C type
// and the annotations are the prototype's, shared by every function of that prototype.
#include "mpb.h"

static mp_obj_t function_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_function_t *self = MP_OBJ_TO_PTR(self_in);
    return self->proto->call(self, n_args, n_kw, args);
}

void mpb_print_signature(const mp_print_t *print, const mpb_function_t *f) {
    const mpb_proto_t *p = f->proto;
    const char *t = p->types;
    mp_printf(print, "%q(", f->name);
    for (size_t i = 0; i <= p->n_args; i++) {
        const char *end = strchr(t, '\n');
        int len = (int)(end - t);
        if (i == p->n_args) {
            mp_printf(print, ")%s%.*s", len ? " -> " : "", len, t);
        } else {
            mp_printf(print, "%s%q: %.*s", i ? ", " : "", f->arg_names[i], len, t);
        }
        t = end + 1;
    }
}

static void function_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_print_str(print, "<function ");
    mpb_print_signature(print, MP_OBJ_TO_PTR(self_in));
    mp_print_str(print, ">");
}

MP_DEFINE_CONST_OBJ_TYPE(
    mpb_type_function, MP_QSTR_function, MP_TYPE_FLAG_NONE,
    call, function_call,
    print, function_print);

MP_DEFINE_CONST_OBJ_TYPE(
    mpb_type_method, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF,
    call, function_call,
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

const mp_obj_t *mpb_args_slow(const mpb_function_t *f, size_t n_args, size_t n_kw,
    const mp_obj_t *args, mp_obj_t *out) {
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
        while (i < p->n_args && f->arg_names[i] != name) {
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
            raise_call_error(f, "missing argument '%q'", f->arg_names[i]);
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
            raise_call_error(f, "give '%q' too, since a later argument is given", f->arg_names[i]);
        }
    }
    return n;
}

void mpb_raise_none_arg(const mpb_function_t *f, size_t i) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%q(): %q cannot be None (C would dereference NULL)"),
        f->name, f->arg_names[i]);
}
