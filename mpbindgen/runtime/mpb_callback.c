// Callbacks from C into Python. A trampoline (generated, one per function-pointer slot) hands
// its C arguments and a context pointer to mpb_callback_call, which finds the Python callable
// behind the context and runs it in the slot's mode:
// - plain: at once, exceptions propagate (C libraries calling back synchronously);
// - hard: at once, as from an interrupt: the heap is locked (allocating raises MemoryError)
//   and exceptions are printed, never propagated into the interrupted code;
// - scheduled: queued with mp_sched_schedule, to run later in thread context; a full queue
//   is reported.
// Objects handed to hard and scheduled callbacks are made ahead of time (mpb_slot_t), since
// interrupt context must not allocate.
#include <stdarg.h>

#include "py/gc.h"
#include "py/mphal.h"
#include "mpb.h"

// Per-slot state for interrupt-context calls, pinned while the slot is in use.
typedef struct {
    mp_obj_base_t base;
    const mpb_callback_desc_t *desc;
    mp_obj_t callable;                // pending scheduled call, or MP_OBJ_NULL
    mp_obj_t views[MPB_CB_MAX_ARGS];  // reusable pointer objects
    mp_obj_t args[MPB_CB_MAX_ARGS];   // pending scheduled arguments
    uint32_t dropped;
} mpb_slot_t;

static const mp_obj_type_t mpb_type_slot;

static void callback_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_callback_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<callback ");
    mp_obj_print_helper(print, self->callable, PRINT_REPR);
    mp_printf(print, ">");
}

MP_DEFINE_CONST_OBJ_TYPE(mpb_type_callback, MP_QSTR_callback, MP_TYPE_FLAG_NONE, print, callback_print);

static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_slot, MP_QSTR_callback_slot, MP_TYPE_FLAG_NONE);

static mp_obj_t slot_key(const mpb_callback_desc_t *d) {
    return MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)d >> 2));
}

static mp_obj_t default_key(const mpb_callback_desc_t *d) {
    return MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)d >> 2) + 1);
}

static mp_obj_t wrap(mp_obj_t callable, mp_obj_t user) {
    mpb_callback_t *cb = mp_obj_malloc(mpb_callback_t, &mpb_type_callback);
    cb->callable = callable;
    cb->user = user;
    cb->pin_key = MP_OBJ_NULL;
    cb->registered = false;
    cb->pending = false;
    return MP_OBJ_FROM_PTR(cb);
}

static mp_obj_t registration(mp_obj_t callable, mp_obj_t user) {
    mp_obj_t cb = wrap(callable, user);
    ((mpb_callback_t *)MP_OBJ_TO_PTR(cb))->registered = true;
    return cb;
}

// The record of the last registration with a trailing void * (a root, so always alive): the
// common case, registering and being called back through one record, finds it without a
// dict lookup or a heap-block check.
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_last_record);

// Makes the reusable argument objects before C can call the slot from an interrupt.
static void prepare_slot(const mpb_callback_desc_t *d) {
    if (d->mode == MPB_CB_PLAIN || d->mode == MPB_CB_CAUGHT || mpb_pinned_get(slot_key(d)) != MP_OBJ_NULL) {
        return;
    }
    mpb_slot_t *slot = mp_obj_malloc(mpb_slot_t, &mpb_type_slot);
    slot->desc = d;
    slot->callable = MP_OBJ_NULL;
    slot->dropped = 0;
    for (size_t i = 0; i < MPB_CB_MAX_ARGS; i++) {
        slot->views[i] = slot->args[i] = MP_OBJ_NULL;
        if (i >= d->n_args) {
            continue;
        }
        if (d->args[i].kind == MPB_STRUCT_PTR && d->mode == MPB_CB_SCHEDULED) {
            // The struct may be gone when the call runs: it gets a copy taken at interrupt time.
            slot->views[i] = mpb_struct_new(d->args[i].desc, NULL);
        } else if (d->args[i].kind == MPB_STRUCT_PTR) {
            slot->views[i] = mpb_struct_view(d->args[i].desc, NULL, MP_OBJ_NULL);
        } else if (d->args[i].kind == MPB_PTR) {
            slot->views[i] = mpb_from_ptr((void *)1);
        }
    }
    mpb_pin(slot_key(d), MP_OBJ_FROM_PTR(slot));
}

// One C type of a parameter list: [s, e) with the spaces around it left out.
static void trim(const char **s, const char **e) {
    while (*s < *e && **s == ' ') {
        (*s)++;
    }
    while (*e > *s && (*e)[-1] == ' ') {
        (*e)--;
    }
}

static bool same_type(const char *a, const char *ae, const char *b, const char *be) {
    trim(&a, &ae);
    trim(&b, &be);
    if (ae - a == be - b && memcmp(a, b, ae - a) == 0) {
        return true;
    }
    // A data pointer passes for void *, and the other way round: C APIs hand objects to
    // callbacks as void * (an animation's exec callback takes lv_obj_set_x so).
    bool a_void =
        (ae - a == 6 && memcmp(a, "void *", 6) == 0) || (ae - a == 12 && memcmp(a, "const void *", 12) == 0);
    bool b_void =
        (be - b == 6 && memcmp(b, "void *", 6) == 0) || (be - b == 12 && memcmp(b, "const void *", 12) == 0);
    bool a_ptr = ae > a && ae[-1] == '*' && !memchr(a, '(', ae - a);
    bool b_ptr = be > b && be[-1] == '*' && !memchr(b, '(', be - b);
    return (a_void && b_ptr) || (b_void && a_ptr);
}

// Splits "RET (P, Q)" into its result and parameter list (the last top-level parentheses).
static bool split_function_type(const char *t, const char **params) {
    size_t n = strlen(t);
    if (n < 2 || t[n - 1] != ')') {
        return false;
    }
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        depth += t[i] == ')' ? 1 : t[i] == '(' ? -1 : 0;
        if (depth == 0) {
            *params = t + i;
            return true;
        }
    }
    return false;
}

bool mpb_c_types_compatible(const char *want, const char *have) {
    if (strcmp(want, have) == 0) {
        return true;
    }
    const char *wp, *hp;
    if (!split_function_type(want, &wp) || !split_function_type(have, &hp) ||
        !same_type(want, wp, have, hp)) {
        return false;
    }
    // Parameter by parameter, split at top-level commas.
    const char *w = wp + 1, *h = hp + 1, *wend = want + strlen(want) - 1, *hend = have + strlen(have) - 1;
    while (w <= wend && h <= hend) {
        const char *we = w, *he = h;
        for (int depth = 0; we < wend && (depth || *we != ','); we++) {
            depth += *we == '(' ? 1 : *we == ')' ? -1 : 0;
        }
        for (int depth = 0; he < hend && (depth || *he != ','); he++) {
            depth += *he == '(' ? 1 : *he == ')' ? -1 : 0;
        }
        if (!same_type(w, we, h, he)) {
            return false;
        }
        w = we + 1;
        h = he + 1;
    }
    return w > wend && h > hend;
}

void *mpb_to_callback(mp_obj_t o, const mpb_callback_desc_t *d, mp_obj_t ctx_obj) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mp_obj_is_type(o, &mpb_type_function) || mp_obj_is_type(o, &mpb_type_method)) {
        const mpb_function_t *f = MP_OBJ_TO_PTR(o);
        vstr_t c_type;
        mp_print_t print;
        vstr_init_print(&c_type, 64, &print);
        mpb_print_c_type(&print, f);
        if (!mpb_c_types_compatible(d->c_type, vstr_null_terminated_str(&c_type))) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s expects %s, got %s"), d->name, d->c_type,
                              vstr_null_terminated_str(&c_type));
        }
        vstr_clear(&c_type);
        const mpb_proto_ext_t *ext = mpb_proto_ext(f->proto);
        if (ext && ext->slot) {
            prepare_slot(ext->slot);  // a trampoline: its interrupt-time objects, made now
        }
        return (void *)f->cfun;
    }
    if (mp_obj_is_type(o, &mpb_type_blob)) {
        return ((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    if (!mp_obj_is_callable(o)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s expects a callable or None, got %s"), d->name,
                          mp_obj_get_type_str(o));
    }
    switch (d->ctx) {
        case MPB_CTX_USER_DATA: {
            if (ctx_obj == MP_OBJ_NULL || !mpb_is_struct(ctx_obj)) {
                mp_raise_msg_varg(
                    &mp_type_TypeError,
                    MP_ERROR_TEXT("%s: a Python callback needs the struct whose user_data carries it"),
                    d->name);
            }
            mpb_struct_t *s = MP_OBJ_TO_PTR(ctx_obj);
            void **slot = (void **)((uint8_t *)s->data + d->ctx_offset);
            mp_obj_t dict = mpb_kept(ctx_obj, slot, *slot);
            if (dict == MP_OBJ_NULL || !mp_obj_is_type(dict, &mp_type_dict)) {
                dict = mp_obj_new_dict(0);
                *slot = MP_OBJ_TO_PTR(dict);
                mpb_keep(ctx_obj, slot, dict);
            }
            mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(d->key), wrap(o, mp_const_none));
            break;
        }
        case MPB_CTX_FIELD:
            // The context travels in a field of the callback's argument, set per call (for
            // example a transaction's `user`); this callable answers when that field is NULL.
            mpb_pin(default_key(d), wrap(o, mp_const_none));
            break;
        default:
            mp_raise_msg_varg(&mp_type_TypeError,
                              MP_ERROR_TEXT("%s cannot call Python: the C type carries no user data (add a "
                                            "callback entry to the mpbindgen config)"),
                              d->name);
    }
    prepare_slot(d);
    return (void *)d->trampoline;
}

bool mpb_is_python_callable(mp_obj_t o) {
    return o != mp_const_none && !mp_obj_is_type(o, &mpb_type_function) &&
           !mp_obj_is_type(o, &mpb_type_method) && !mp_obj_is_type(o, &mpb_type_blob) &&
           mp_obj_is_callable(o);
}

mp_obj_t mpb_pin_key(const mpb_callback_desc_t *d, mp_obj_t handle) {
    if (handle == MP_OBJ_NULL) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)d >> 2) + 1);
    }
    mp_obj_t items[2] = {slot_key(d), handle};
    return mp_obj_new_tuple(2, items);
}

mp_obj_t mpb_pin_key_n(const mpb_callback_desc_t *d, size_t n, ...) {
    mp_obj_t items[1 + MPB_CB_MAX_ARGS];
    if (n > MPB_CB_MAX_ARGS) {
        n = MPB_CB_MAX_ARGS;
    }
    items[0] = slot_key(d);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        items[1 + i] = va_arg(ap, mp_obj_t);
    }
    va_end(ap);
    return mp_obj_new_tuple(1 + n, items);
}

void *mpb_callback_context(const mpb_callback_desc_t *d, mp_obj_t callable, mp_obj_t user, mp_obj_t pin_key) {
    // callable: checked by mpb_is_python_callable in the generated wrapper
    if (pin_key == MP_OBJ_NULL) {
        // A library whose memory is on MicroPython's heap keeps each record it is given for
        // as long as it can call it: a new one every time, nothing pinned (not even as the
        // last record, which would outlive the library's reference).
        mp_obj_t cb = registration(callable, user);
        prepare_slot(d);
        return MP_OBJ_TO_PTR(cb);
    }
    // A registration under the same key replaces the last one: its record is reused, so that
    // registering in a loop (a for-each with a callback) allocates nothing.
    mp_obj_t cb = MP_STATE_VM(mpb_last_record);
    if (cb == MP_OBJ_NULL || ((mpb_callback_t *)MP_OBJ_TO_PTR(cb))->pin_key != pin_key) {
        cb = mpb_pinned_get(pin_key);
    }
    if (cb != MP_OBJ_NULL && mp_obj_is_type(cb, &mpb_type_callback)) {
        mpb_callback_t *record = MP_OBJ_TO_PTR(cb);
        record->callable = callable;
        record->user = user;
    } else {
        cb = registration(callable, user);
        ((mpb_callback_t *)MP_OBJ_TO_PTR(cb))->pin_key = pin_key;
        mpb_pin(pin_key, cb);
    }
    MP_STATE_VM(mpb_last_record) = cb;
    prepare_slot(d);
    return MP_OBJ_TO_PTR(cb);
}

mp_obj_t mpb_callback_add(mp_obj_t ctx, const mpb_callback_desc_t *d, mp_obj_t callable, mp_obj_t user) {
    if (ctx == MP_OBJ_NULL) {
        ctx = mp_obj_new_dict(0);
    }
    mp_obj_dict_store(ctx, MP_OBJ_NEW_QSTR(d->key), registration(callable, user));
    prepare_slot(d);
    return ctx;
}

void *mpb_callback_contexts(mp_obj_t ctx, mp_obj_t pin_key) {
    if (pin_key != MP_OBJ_NULL) {
        mpb_pin(pin_key, ctx);
    }
    return MP_OBJ_TO_PTR(ctx);
}

mp_obj_t mpb_from_callback(void *fn, const mpb_callback_desc_t *d, mp_obj_t ctx_obj) {
    if (fn == NULL) {
        return mp_const_none;
    }
    if (fn == (void *)d->trampoline) {
        if (d->ctx == MPB_CTX_USER_DATA && ctx_obj != MP_OBJ_NULL) {
            mpb_struct_t *s = MP_OBJ_TO_PTR(ctx_obj);
            void **slot = (void **)((uint8_t *)s->data + d->ctx_offset);
            mp_obj_t dict = mpb_kept(ctx_obj, slot, *slot);
            if (dict != MP_OBJ_NULL && mp_obj_is_type(dict, &mp_type_dict)) {
                mp_map_elem_t *e =
                    mp_map_lookup(mp_obj_dict_get_map(dict), MP_OBJ_NEW_QSTR(d->key), MP_MAP_LOOKUP);
                if (e != NULL) {
                    return ((mpb_callback_t *)MP_OBJ_TO_PTR(e->value))->callable;
                }
            }
        } else if (d->ctx == MPB_CTX_FIELD) {
            mp_obj_t cb = mpb_pinned_get(default_key(d));
            if (cb != MP_OBJ_NULL) {
                return ((mpb_callback_t *)MP_OBJ_TO_PTR(cb))->callable;
            }
        }
    }
    return mpb_from_ptr(fn);
}

// The callable behind a context pointer: a callback record, or a dict holding one (or a plain
// callable) under the slot's key. MP_OBJ_NULL: nothing to call.
mp_obj_t mpb_callback_find(const mpb_callback_desc_t *d, void *ctx, mp_obj_t *user) {
    mp_obj_t last = MP_STATE_VM(mpb_last_record);
    if (ctx != NULL && ctx == MP_OBJ_TO_PTR(last)) {
        mpb_callback_t *cb = MP_OBJ_TO_PTR(last);
        *user = cb->user;
        return cb->callable;
    }
    *user = mp_const_none;
    mp_obj_t o = ctx ? mpb_obj_from_ptr(ctx) : MP_OBJ_NULL;
    if (ctx == NULL && d->ctx == MPB_CTX_FIELD) {
        o = mpb_pinned_get(default_key(d));
    }
    if (o == MP_OBJ_NULL) {
        if (ctx != NULL) {
            mp_printf(MICROPY_ERROR_PRINTER,
                      "mpbindgen: %s: context %p is not a Python callback; not called\n", d->name, ctx);
        }
        return MP_OBJ_NULL;
    }
    if (mp_obj_is_type(o, &mp_type_dict)) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(o), MP_OBJ_NEW_QSTR(d->key), MP_MAP_LOOKUP);
        if (e == NULL) {
            return MP_OBJ_NULL;
        }
        o = e->value;
    }
    if (mp_obj_is_type(o, &mpb_type_callback)) {
        mpb_callback_t *cb = MP_OBJ_TO_PTR(o);
        *user = cb->user;
        return cb->callable;
    }
    return o;
}

static mp_obj_t to_obj(const mpb_cb_arg_t *a, mpb_cval_t v, mp_obj_t view) {
    switch (a->kind) {
        case MPB_INT:
            return mpb_from_i64(v.i);
        case MPB_UINT:
            return mpb_from_u64(v.u);
        case MPB_BOOL:
            return mp_obj_new_bool(v.u != 0);
        case MPB_FLOAT:
        case MPB_DOUBLE:
            return mp_obj_new_float((mp_float_t)v.f);
        case MPB_CSTR:
            return mpb_from_cstr(v.p);
        case MPB_STRUCT_PTR:
            if (v.p == NULL) {
                return mp_const_none;
            }
            if (view != MP_OBJ_NULL) {
                mpb_struct_t *s = MP_OBJ_TO_PTR(view);
                if (s->owner == view) {
                    memcpy(s->data, v.p, ((const mpb_struct_desc_t *)a->desc)->size);
                } else {
                    s->data = v.p;
                }
                return view;
            }
            return mpb_struct_view(a->desc, v.p, MP_OBJ_NULL);
        case MPB_HANDLE:
            return mpb_from_handle(a->desc, v.p);
        default:
            if (v.p == NULL) {
                return mp_const_none;
            }
            if (view != MP_OBJ_NULL) {
                ((mpb_blob_t *)MP_OBJ_TO_PTR(view))->ptr = v.p;
                return view;
            }
            return mpb_from_ptr(v.p);
    }
}

static mpb_cval_t from_obj(const mpb_cb_arg_t *a, mp_obj_t o) {
    mpb_cval_t v = {.u = 0};
    switch (a->kind) {
        case MPB_INT:
            v.i = mpb_to_int(o, a->size >= 8 ? INT64_MIN : -((int64_t)1 << (a->size * 8 - 1)),
                             a->size >= 8 ? INT64_MAX : ((int64_t)1 << (a->size * 8 - 1)) - 1,
                             "callback result");
            break;
        case MPB_UINT:
            v.u = mpb_to_uint(o, a->size >= 8 ? UINT64_MAX : ((uint64_t)1 << (a->size * 8)) - 1,
                              "callback result");
            break;
        case MPB_BOOL:
            v.u = mp_obj_is_true(o);
            break;
        case MPB_FLOAT:
        case MPB_DOUBLE:
            v.f = mpb_to_double(o);
            break;
        case MPB_STRUCT_PTR:
        case MPB_PTR:
            if (a->size == 0) {
                v.p = NULL;
            } else if (a->any_object) {
                // A void * result: what a void * argument takes (an LVGL file system's open_cb
                // returns a dict the other callbacks get back). The last one is kept alive
                // here; C memory on MicroPython's heap keeps the others it holds.
                mp_obj_t keep;
                v.p = mpb_to_void_ptr(o, &keep);
                mpb_pin_arg(a, 0, keep);
            } else {
                v.p = mpb_to_ptr(o, 0, true, "callback result");
            }
            break;
        case MPB_HANDLE:
            v.p = mpb_to_handle(o, a->desc);
            break;
        default:
            break;
    }
    return v;
}

mpb_cval_t mpb_callback_result(const mpb_callback_desc_t *d, mp_obj_t r) { return from_obj(&d->ret, r); }

static size_t make_args(const mpb_callback_desc_t *d, const mpb_cval_t *args, mp_obj_t user,
                        const mpb_slot_t *slot, mp_obj_t *out) {
    for (size_t i = 0; i < d->n_args; i++) {
        if (d->ctx == MPB_CTX_VOID_ARG && i == d->ctx_arg) {
            out[i] = user;
        } else {
            out[i] = to_obj(&d->args[i], args[i], slot ? slot->views[i] : MP_OBJ_NULL);
        }
    }
    return d->n_args;
}

static mp_obj_t run_scheduled(mp_obj_t slot_in) {
    mpb_slot_t *slot = MP_OBJ_TO_PTR(slot_in);
    mp_obj_t callable = slot->callable;
    mp_obj_t args[MPB_CB_MAX_ARGS];
    memcpy(args, slot->args, sizeof(args));
    slot->callable = MP_OBJ_NULL;  // the slot takes the next interrupt from here on
    return mp_call_function_n_kw(callable, slot->desc->n_args, 0, args);
}
static MP_DEFINE_CONST_FUN_OBJ_1(run_scheduled_obj, run_scheduled);

// A scheduled call of a registration whose callback gets nothing but its user data (a timer's
// function): queued per registration, so that registrations of one slot (several timers)
// that fire together each run.
static mp_obj_t run_record(mp_obj_t record_in) {
    mpb_callback_t *cb = MP_OBJ_TO_PTR(record_in);
    cb->pending = false;
    return mp_call_function_1(cb->callable, cb->user);
}
static MP_DEFINE_CONST_FUN_OBJ_1(run_record_obj, run_record);

static mpb_callback_t *record_of(const mpb_callback_desc_t *d, void *ctx) {
    if (d->n_args != 1 || d->ctx != MPB_CTX_VOID_ARG || ctx == NULL) {
        return NULL;
    }
    mp_obj_t o = ctx == MP_OBJ_TO_PTR(MP_STATE_VM(mpb_last_record)) ? MP_STATE_VM(mpb_last_record)
                                                                    : mpb_obj_from_ptr(ctx);
    return o != MP_OBJ_NULL && mp_obj_is_type(o, &mpb_type_callback) ? MP_OBJ_TO_PTR(o) : NULL;
}

static void report(const mpb_callback_desc_t *d, mp_obj_t exc) {
    static const char *const modes[] = {"plain", "hard", "scheduled", "caught"};
    mp_printf(MICROPY_ERROR_PRINTER, "mpbindgen: exception in %s callback %s\n", modes[d->mode], d->name);
    mp_obj_print_exception(MICROPY_ERROR_PRINTER, exc);
}

mpb_cval_t mpb_callback_call(const mpb_callback_desc_t *d, void *ctx, const mpb_cval_t *args) {
    mpb_cval_t result = {.u = 0};
    mp_obj_t py_args[MPB_CB_MAX_ARGS];
    if (d->mode == MPB_CB_PLAIN) {
        mp_obj_t user;
        mp_obj_t callable = mpb_callback_find(d, ctx, &user);
        if (callable != MP_OBJ_NULL) {
            size_t n = make_args(d, args, user, NULL, py_args);
            mp_obj_t r = mp_call_function_n_kw(callable, n, 0, py_args);
            result = from_obj(&d->ret, r);
        }
        return result;
    }
    if (d->mode == MPB_CB_CAUGHT) {
        nlr_buf_t nlr;
        mpb_nesting_depth++;
        if (nlr_push(&nlr) == 0) {
            mp_obj_t user;
            mp_obj_t callable = mpb_callback_find(d, ctx, &user);
            if (callable != MP_OBJ_NULL) {
                size_t n = make_args(d, args, user, NULL, py_args);
                result = from_obj(&d->ret, mp_call_function_n_kw(callable, n, 0, py_args));
            }
            nlr_pop();
        } else {
            result = (mpb_cval_t){.u = 0};
            report(d, MP_OBJ_FROM_PTR(nlr.ret_val));
        }
        mpb_nesting_depth--;
        return result;
    }
    // Interrupt context: nothing may allocate, nothing may propagate.
    mp_sched_lock();
    gc_lock();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t user;
        mp_obj_t callable = mpb_callback_find(d, ctx, &user);
        mpb_slot_t *slot = callable ? MP_OBJ_TO_PTR(mpb_pinned_get(slot_key(d))) : NULL;
        if (callable != MP_OBJ_NULL && slot == NULL) {
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("callback slot was not prepared"));
        }
        if (callable != MP_OBJ_NULL && d->mode == MPB_CB_HARD) {
            size_t n = make_args(d, args, user, slot, py_args);
            mp_obj_t r = mp_call_function_n_kw(callable, n, 0, py_args);
            result = from_obj(&d->ret, r);
        } else if (callable != MP_OBJ_NULL && record_of(d, ctx) != NULL) {
            // One pending call per registration; a second before it ran is the same call
            // (as a second timer tick before the first was served).
            mpb_callback_t *record = record_of(d, ctx);
            if (!record->pending) {
                record->pending = true;
                if (!mp_sched_schedule(MP_OBJ_FROM_PTR(&run_record_obj), MP_OBJ_FROM_PTR(record))) {
                    record->pending = false;
                    slot->dropped++;
                    if ((slot->dropped & (slot->dropped - 1)) == 0) {
                        mp_printf(MICROPY_ERROR_PRINTER,
                                  "mpbindgen: scheduled callback %s dropped (%u so far): the schedule queue "
                                  "is full\n",
                                  d->name, (unsigned)slot->dropped);
                    }
                }
            }
        } else if (callable != MP_OBJ_NULL) {
            bool queued = false;
            if (slot->callable == MP_OBJ_NULL) {
                make_args(d, args, user, slot, slot->args);
                slot->callable = callable;
                queued = mp_sched_schedule(MP_OBJ_FROM_PTR(&run_scheduled_obj), MP_OBJ_FROM_PTR(slot));
                if (!queued) {
                    slot->callable = MP_OBJ_NULL;
                }
            }
            // Reported at the 1st, 2nd, 4th, 8th... drop: visible, without flooding the console.
            if (!queued) {
                slot->dropped++;
            }
            if (!queued && (slot->dropped & (slot->dropped - 1)) == 0) {
                mp_printf(
                    MICROPY_ERROR_PRINTER,
                    "mpbindgen: scheduled callback %s dropped (%u so far): the schedule queue is full\n",
                    d->name, (unsigned)slot->dropped);
            }
        }
        nlr_pop();
    } else {
        report(d, MP_OBJ_FROM_PTR(nlr.ret_val));
    }
    gc_unlock();
    mp_sched_unlock();
    return result;
}

int mpb_nesting_depth;

static void nesting_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    (void)self;
    if (attr == MP_QSTR_value && dest[0] == MP_OBJ_NULL) {
        dest[0] = MP_OBJ_NEW_SMALL_INT(mpb_nesting_depth);
    }
}
static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_nesting, MP_QSTR_nesting, MP_TYPE_FLAG_NONE, attr, nesting_attr);
const mp_obj_base_t mpb_nesting = {&mpb_type_nesting};
