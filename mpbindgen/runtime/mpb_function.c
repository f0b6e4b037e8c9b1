// Bound C functions: a small object per function with its wrapper, the C function itself (so
// it can be stored in a function-pointer field, as the seed's hybrid driver does with
// `flush_cb = espidf.ili9341_flush`) and its signature for help() and error messages.
#include "mpb.h"

static mp_obj_t function_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mpb_function_t *self = MP_OBJ_TO_PTR(self_in);
    return self->call(n_args, n_kw, args);
}

static void function_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_function_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<function %s>", self->signature);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mpb_type_function, MP_QSTR_function, MP_TYPE_FLAG_NONE,
    call, function_call,
    print, function_print);

MP_DEFINE_CONST_OBJ_TYPE(
    mpb_type_method, MP_QSTR_function, MP_TYPE_FLAG_BINDS_SELF,
    call, function_call,
    print, function_print);

static NORETURN void raise_arity(const mpb_function_t *f) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s: wrong number of arguments"), f->signature);
}

const mp_obj_t *mpb_args_slow(const mpb_function_t *f, size_t n_args, size_t n_kw,
    const mp_obj_t *args, mp_obj_t *out) {
    size_t required = f->n_args - f->n_optional;
    if (n_args > f->n_args || n_args + n_kw > f->n_args) {
        raise_arity(f);
    }
    for (size_t i = 0; i < f->n_args; i++) {
        out[i] = i < n_args ? args[i] : MP_OBJ_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        qstr name = mp_obj_str_get_qstr(args[n_args + 2 * k]);
        size_t i = 0;
        while (i < f->n_args && f->arg_names[i] != name) {
            i++;
        }
        if (i == f->n_args) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s: unexpected keyword argument '%q'"),
                f->signature, name);
        }
        if (out[i] != MP_OBJ_NULL) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s: argument '%q' given twice"), f->signature, name);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
    for (size_t i = 0; i < required; i++) {
        if (out[i] == MP_OBJ_NULL) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s: missing argument '%q'"), f->signature,
                f->arg_names[i]);
        }
    }
    return out;
}

size_t mpb_given(const mpb_function_t *f, const mp_obj_t *a) {
    size_t n = f->n_args;
    while (n > 0 && a[n - 1] == MP_OBJ_NULL) {
        n--;
    }
    for (size_t i = 0; i < n; i++) {
        if (a[i] == MP_OBJ_NULL) {
            // C++ fills defaults from the right only.
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s: give '%q' too, since a later argument is given"),
                f->signature, f->arg_names[i]);
        }
    }
    return n;
}
