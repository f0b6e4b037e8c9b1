// Scalar conversions between Python and C: integers are range-checked against the C type
// (OverflowError, never silent truncation), 64-bit values go through MicroPython's long ints.
#include "mpb.h"

NORETURN void mpb_raise_overflow(const char *ctype) {
    mp_raise_msg_varg(&mp_type_OverflowError, MP_ERROR_TEXT("value out of range for %s"), ctype);
}

// The value as 64 two's-complement bits; false if it needs more.
static bool int_bits(mp_obj_t o, uint64_t *bits, bool *negative, const char *ctype) {
    if (!mp_obj_is_int(o)) {
        if (mp_obj_is_bool(o)) {
            *bits = o == mp_const_true;
            *negative = false;
            return true;
        }
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s expected int, got %s"), ctype,
                          mp_obj_get_type_str(o));
    }
    if (mp_obj_is_small_int(o)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o);
        *bits = (uint64_t)(int64_t)v;
        *negative = v < 0;
        return true;
    }
    *negative = mp_obj_int_sign(o) < 0;
    byte buf[8];
    bool fits = mp_obj_int_to_bytes_impl(o, false, sizeof(buf), buf);
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = (v << 8) | buf[i];
    }
    *bits = v;
    return fits;
}

int64_t mpb_to_i64_slow(mp_obj_t o, int64_t min, int64_t max, const char *ctype) {
    uint64_t bits;
    bool negative;
    bool fits = int_bits(o, &bits, &negative, ctype);
    int64_t v = (int64_t)bits;
    // A value that needed the 64th bit for its magnitude shows up with the wrong sign.
    if (!fits || (v < 0) != negative || v < min || v > max) {
        mpb_raise_overflow(ctype);
    }
    return v;
}

uint64_t mpb_to_u64_slow(mp_obj_t o, uint64_t max, const char *ctype) {
    uint64_t bits;
    bool negative;
    if (!int_bits(o, &bits, &negative, ctype) || negative || bits > max) {
        mpb_raise_overflow(ctype);
    }
    return bits;
}

bool mpb_to_bool(mp_obj_t o) { return mp_obj_is_true(o); }

double mpb_to_double(mp_obj_t o) {
    mp_float_t v;
    if (!mp_obj_get_float_maybe(o, &v)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected float, got %s"),
                          mp_obj_get_type_str(o));
    }
    return (double)v;
}

mp_obj_t mpb_from_i64_slow(int64_t v) { return mp_obj_new_int_from_ll(v); }

mp_obj_t mpb_from_u64_slow(uint64_t v) { return mp_obj_new_int_from_ull(v); }

const char *mpb_to_cstr(mp_obj_t o) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mp_obj_is_str_or_bytes(o)) {
        // str and bytes objects keep a terminating NUL after their data.
        return mp_obj_str_get_data(o, &(size_t){0});
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("expected str, bytes or None, got %s"),
                      mp_obj_get_type_str(o));
}

const char *mpb_to_cstr_kept(mp_obj_t o, const void *function, size_t arg) {
    const char *s = mpb_to_cstr(o);
    if (s != NULL && !mp_obj_is_qstr(o)) {
        mpb_pin_arg(function, arg, o);
    }
    return s;
}

const char *mpb_to_cstr_copy(mp_obj_t o) {
    if (o == mp_const_none) {
        return NULL;
    }
    size_t len;
    mpb_to_cstr(o);  // type check
    const char *s = mp_obj_str_get_data(o, &len);
    char *copy = m_new(char, len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

mp_obj_t mpb_from_cstr(const char *s) {
    if (s == NULL) {
        return mp_const_none;
    }
    return mp_obj_new_str(s, strlen(s));
}
