// What the modules' glue shares: raising an exception with a message, and reading a pins
// dict. Written against the part of MicroPython's API that native modules (.mpy) also have
// (no mp_raise_msg_varg, no exception type objects: only the builtins' names), so that the
// built-in modules and the native ones raise the same way. Include after py/runtime.h or
// py/dynruntime.h; a native module's build scans this file for its qstrs (natmod.mk).
#pragma once

namespace upanel::glue {

inline size_t length(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

inline mp_obj_t text(const char *s) { return mp_obj_new_str(s, length(s)); }

// Raises builtin exception `name` with fmt, or with fmt % values formatted by the runtime's
// own str % tuple (%s takes text(...), %d an int object).
[[noreturn]] inline void fail(qstr name, const char *fmt, size_t n = 0, const mp_obj_t *values = nullptr) {
    mp_obj_t msg = text(fmt);
    if (n) msg = mp_binary_op(MP_BINARY_OP_MODULO, msg, mp_obj_new_tuple(n, values));
    nlr_raise(mp_call_function_n_kw(mp_load_global(name), 1, 0, &msg));
}

inline bool same(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

// For each entry of a pins dict {name: pad}, calls set(index, pad) with the name's index in
// names[0 .. count); None sets nothing. TypeError when pins is not a dict, ValueError for a
// name not in names (the message lists them).
template <class Set>
void read_pins(mp_obj_t pins, const char *const *names, size_t count, Set set) {
    if (pins == mp_const_none) return;
    mp_obj_t items[2];
    mp_load_method_maybe(pins, MP_QSTR_items, items);
    if (items[0] == MP_OBJ_NULL)
        fail(MP_QSTR_TypeError, "pins must be a dict of pin name to pad, such as {'oe': 15}");
    mp_obj_t view = mp_call_function_n_kw(items[0], 1, 0, &items[1]);
    mp_obj_t list = mp_call_function_n_kw(mp_load_global(MP_QSTR_list), 1, 0, &view);
    size_t n;
    mp_obj_t *entries;
    mp_obj_get_array(list, &n, &entries);
    for (size_t i = 0; i < n; i++) {
        size_t two;
        mp_obj_t *kv;
        mp_obj_get_array(entries[i], &two, &kv);
        const char *name = mp_obj_str_get_str(kv[0]);
        size_t index = count;
        for (size_t p = 0; p < count; p++)
            if (same(name, names[p])) index = p;
        if (index == count) {
            mp_obj_t known = mp_obj_new_list(0, nullptr);
            for (size_t p = 0; p < count; p++) mp_obj_list_append(known, text(names[p]));
            mp_obj_t v[] = {kv[0],
                            mp_call_function_n_kw(mp_load_attr(text(" "), MP_QSTR_join), 1, 0, &known)};
            fail(MP_QSTR_ValueError, "unknown pin '%s'; pins are %s", 2, v);
        }
        set(index, mp_obj_get_int(kv[1]));
    }
}

}  // namespace upanel::glue
