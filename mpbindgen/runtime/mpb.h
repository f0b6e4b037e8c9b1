// mpbindgen's run-time support: what every generated module shares. Generated code declares
// tables (functions, struct fields, callbacks); the conversions and object types live here,
// once, so that pointers made by one generated module are understood by all others.
#ifndef MPB_H
#define MPB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "py/obj.h"
#include "py/objarray.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/smallint.h"
#include "py/runtime.h"

#include "mpb_abi.h"

// The per-call conversions are inlined even in size-optimised builds: they are the call overhead.
#if defined(__GNUC__)
#define MPB_INLINE static inline __attribute__((always_inline))
#else
#define MPB_INLINE static inline
#endif

// ---- Integers and floats: range-checked, OverflowError names the C type -------------------

NORETURN void mpb_raise_overflow(const char *ctype);

// Limits of any C integer type, from its size (the chip's, not the generating host's).
#define MPB_UMAX(T) ((uint64_t)-1 >> (64 - 8 * sizeof(T)))
#define MPB_SMAX(T) ((int64_t)((uint64_t)-1 >> (65 - 8 * sizeof(T))))
#define MPB_SMIN(T) (-MPB_SMAX(T) - 1)

int64_t mpb_to_i64_slow(mp_obj_t o, int64_t min, int64_t max, const char *ctype);
uint64_t mpb_to_u64_slow(mp_obj_t o, uint64_t max, const char *ctype);

// Signed C integers up to 64 bits. Small ints (nearly every call) never leave the inline path.
MPB_INLINE int64_t mpb_to_int(mp_obj_t o, int64_t min, int64_t max, const char *ctype) {
    if (mp_obj_is_small_int(o)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o);
        if (v < min || v > max) {
            mpb_raise_overflow(ctype);
        }
        return v;
    }
    return mpb_to_i64_slow(o, min, max, ctype);
}

// Unsigned C integers up to 64 bits; negative values are out of range, not wrapped.
MPB_INLINE uint64_t mpb_to_uint(mp_obj_t o, uint64_t max, const char *ctype) {
    if (mp_obj_is_small_int(o)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o);
        if (v < 0 || (uint64_t)v > max) {
            mpb_raise_overflow(ctype);
        }
        return (uint64_t)v;
    }
    return mpb_to_u64_slow(o, max, ctype);
}

bool mpb_to_bool(mp_obj_t o);
double mpb_to_double(mp_obj_t o);
mp_obj_t mpb_from_i64_slow(int64_t v);
mp_obj_t mpb_from_u64_slow(uint64_t v);
MPB_INLINE mp_obj_t mpb_from_i64(int64_t v) {
    return v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX ? MP_OBJ_NEW_SMALL_INT((mp_int_t)v)
                                                          : mpb_from_i64_slow(v);
}
MPB_INLINE mp_obj_t mpb_from_u64(uint64_t v) {
    return v <= (uint64_t)MP_SMALL_INT_MAX ? MP_OBJ_NEW_SMALL_INT((mp_int_t)v) : mpb_from_u64_slow(v);
}

// ---- Strings -----------------------------------------------------------------------------

// `const char *` argument: str or bytes (NUL-terminated by MicroPython), None is NULL. Valid
// for the duration of the call.
const char *mpb_to_cstr(mp_obj_t o);
// The same, for functions that may keep the pointer: the string stays alive until the same
// argument of the same function gets another (interned strings live for ever anyway).
const char *mpb_to_cstr_kept(mp_obj_t o, const void *function, size_t arg);
// A copy on the MicroPython heap, for C memory that keeps the pointer (struct fields).
const char *mpb_to_cstr_copy(mp_obj_t o);
mp_obj_t mpb_from_cstr(const char *s);

// ---- Blob: an opaque C pointer ------------------------------------------------------------

typedef struct {
    mp_obj_base_t base;
    void *ptr;
} mpb_blob_t;
extern const mp_obj_type_t mpb_type_blob;

mp_obj_t mpb_from_ptr(const void *p);  // NULL is None
// A void * result: the dict, list, tuple or callable it points at if Python gave it, else a Blob.
mp_obj_t mpb_from_void_ptr(void *p);
// C_Pointer, a cell for out-parameters (mpb_c_pointer.c).
extern const mp_obj_type_t mpb_type_c_pointer;

// ---- Integer constants too big for a small int, as ROM objects (groups of constants) -----

// Digit i of the magnitude m (a uint64_t) in MicroPython's mpz at the port's digit size (0
// past the 64 bits), and how many digits m has; shifts stay under 64 bits.
#define MPB_MPZ_DIG(m, i)                                                                   \
    ((mpz_dig_t)((i)*MPZ_DIG_SIZE < 64                                                      \
                     ? (m) >> ((i)*MPZ_DIG_SIZE % 64) & (((uint64_t)1 << MPZ_DIG_SIZE) - 1) \
                     : 0))
#define MPB_MPZ_HAS(m, i) ((i)*MPZ_DIG_SIZE < 64 && ((m) >> ((i)*MPZ_DIG_SIZE % 64)) != 0)
#define MPB_MPZ_LEN(m)                                                                                   \
    (MPB_MPZ_HAS(m, 0) + MPB_MPZ_HAS(m, 1) + MPB_MPZ_HAS(m, 2) + MPB_MPZ_HAS(m, 3) + MPB_MPZ_HAS(m, 4) + \
     MPB_MPZ_HAS(m, 5) + MPB_MPZ_HAS(m, 6) + MPB_MPZ_HAS(m, 7))

// ---- Structs and unions -------------------------------------------------------------------

typedef enum {
    MPB_INT,   // signed integer or enum, `size` bytes
    MPB_UINT,  // unsigned integer, `size` bytes
    MPB_BOOL,
    MPB_FLOAT,
    MPB_DOUBLE,
    MPB_PTR,           // any other pointer: Blob, or the Python object stored there
    MPB_CSTR,          // const char *: str in, str out (stored as a heap copy)
    MPB_STRUCT,        // nested struct/union by value: a view that writes into the parent
    MPB_STRUCT_PTR,    // pointer to a known struct: a view of the pointee
    MPB_ARRAY,         // fixed array of scalars: a writable memoryview
    MPB_BITFIELD,      // through generated accessors; `bits` wide
    MPB_CALLBACK,      // function pointer: C functions, or Python callables via a trampoline
    MPB_OBJECT,        // C++ class (mpb_class_desc_t): a pointer to the object
    MPB_STRUCT_ARRAY,  // fixed array of `count` structs (ext: their desc): a sequence of views
    MPB_HANDLE,        // an object of an object-style library (ext: its mpb_family_t)
} mpb_kind_t;

typedef struct _mpb_struct_desc_t mpb_struct_desc_t;
typedef struct _mpb_callback_desc_t mpb_callback_desc_t;

// A bitfield: C alone knows where its bits are, so each struct with bitfields has one
// generated accessor that reads (and with `set` first writes) its bitfield number `field`.
typedef struct {
    int64_t (*access)(void *data, unsigned field, bool set, int64_t v);
    uint8_t field;
    uint8_t width;  // bits
    bool is_signed;
} mpb_bitfield_t;

typedef struct {
    qstr_short_t name;
    uint16_t offset;
    union {
        uint16_t size;   // bytes of the field
        uint16_t count;  // MPB_ARRAY, MPB_STRUCT_ARRAY: number of elements (each the size of
                         // the typecode's or of the struct's)
    };
    uint8_t kind;     // mpb_kind_t
    char typecode;    // MPB_ARRAY: memoryview typecode of the elements
    const void *ext;  // MPB_STRUCT*: mpb_struct_desc_t; MPB_BITFIELD: mpb_bitfield_t;
                      // MPB_CALLBACK: mpb_callback_desc_t
} mpb_field_t;

struct _mpb_struct_desc_t {
    const mp_obj_type_t *type;
    const char *c_name;
    uint16_t size;
    uint16_t n_fields;
    const mpb_field_t *fields;
};

// A struct/union object: `data` is its own storage (owner == self), part of a parent
// (owner == parent), or C memory (owner == NULL).
typedef struct {
    mp_obj_base_t base;
    void *data;
    mp_obj_t owner;
    mp_obj_t refs;  // dict: field offset -> Python object kept alive for C (owned structs)
} mpb_struct_t;

bool mpb_is_struct(mp_obj_t o);
const mpb_struct_desc_t *mpb_struct_desc(const mp_obj_type_t *type);
mp_obj_t mpb_from_struct_ptr(const mpb_struct_desc_t *d, const void *p);  // NULL is None
mp_obj_t mpb_struct_new(const mpb_struct_desc_t *d, const void *init);    // a copy
mp_obj_t mpb_struct_view(const mpb_struct_desc_t *d, void *data, mp_obj_t owner);
mp_obj_t mpb_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
void mpb_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
// The attribute handler's body once the field is known (NULL: not a field); generated types
// find the field with a switch on the name.
void mpb_struct_field_attr(mp_obj_t self_in, const mpb_field_t *f, mp_obj_t *dest);
void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags);
// Shared entries of every struct type's locals: T.__cast__(pointer) (a classmethod) and
// t.__dereference__([size]).
extern const mp_rom_obj_static_class_method_t mpb_struct_cast_obj;
extern const mp_rom_obj_static_class_method_t mpb_struct_cast_instance_obj;
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mpb_struct_dereference_obj);

// A C global variable at `addr` described as a field at offset 0 (a module's `cvar` object):
// read and written as a struct field is; a const one is read only, as copies.
void mpb_global_attr(void *addr, const mpb_field_t *f, bool read_only, mp_obj_t *dest);
// Its value, as a module attribute reads it.
mp_obj_t mpb_global_get(void *addr, const mpb_field_t *f, bool read_only);
mp_obj_t mpb_struct_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs);

// Struct arguments: a T object, a dict (a temporary T), a Blob, or None for NULL.
void *mpb_to_struct_ptr(mp_obj_t o, const mpb_struct_desc_t *d);
// The first of an array of T (a `T name[]` parameter): a list or tuple of T objects or dicts,
// copied into an array that stays alive until the same argument of the same function gets
// another (C may keep it: LVGL's line points); a T object or a Blob points at itself. *extent:
// the array's bytes (SIZE_MAX: C alone knows).
void *mpb_to_struct_array(mp_obj_t o, const mpb_struct_desc_t *d, const void *function, size_t arg,
                          size_t *extent);
// By value: a T object or a dict.
const void *mpb_to_struct_value(mp_obj_t o, const mpb_struct_desc_t *d);

// ---- Other pointers -----------------------------------------------------------------------

// A pointer argument: None, Blob, struct object, or buffer; `min_size` bytes at least
// (0: unknown), writable unless `is_const`.
void *mpb_to_ptr(mp_obj_t o, size_t min_size, bool is_const, const char *ctype);

// A pointer argument C will dereference: None (NULL) is a ValueError, not a crash.
MPB_INLINE void mpb_not_none(mp_obj_t o, const char *what) {
    if (o == mp_const_none) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%s cannot be None (C would dereference NULL)"),
                          what);
    }
}

// The same, with the buffer's size in bytes in *extent (SIZE_MAX for a Blob or None).
void *mpb_to_ptr_extent(mp_obj_t o, size_t min_size, bool is_const, const char *ctype, size_t *extent);

// A pointer-plus-length pair: `count` elements of `elem_size` bytes must fit the buffer given
// for the pointer (not checked for Blobs, whose extent C alone knows).
void mpb_check_length(mp_obj_t buffer, uint64_t count, size_t elem_size, qstr name);
// What comes before a length must be a buffer, None or a Blob: TypeError otherwise.
void mpb_buffer_before_length(mp_obj_t o, qstr name);
NORETURN void mpb_raise_length(qstr name, uint64_t count, size_t extent);
// The same once the buffer's extent is known (mpb_to_ptr_extent).
MPB_INLINE void mpb_check_extent(size_t extent, uint64_t count, size_t elem_size, qstr name) {
    if (extent != SIZE_MAX && count > extent / elem_size) {
        mpb_raise_length(name, count, extent);
    }
}

// A void * argument or field: pointers as they are; any other Python object by reference
// (dicts, lists and tuples as themselves, callables wrapped so that trampolines recognise
// them), with `*keep` set to what must stay alive while C holds the pointer.
void *mpb_to_void_ptr(mp_obj_t v, mp_obj_t *keep);
// For a void * argument: kept alive until the same argument of the same function gets another.
void *mpb_to_void_ptr_kept(mp_obj_t v, const void *function, size_t arg);

// ---- Functions ----------------------------------------------------------------------------

typedef struct _mpb_function_t mpb_function_t;
typedef mp_obj_t (*mpb_wrapper_t)(const mpb_function_t *self, size_t n_args, size_t n_kw,
                                  const mp_obj_t *args);

// A C type of parameters and results, shared by every function that has it: how a value of
// it converts (generated functions convert their arguments by these, in a loop, so that their
// wrappers are only the C call), and how it is spelled.
typedef struct _mpb_ctype_t {
    // mpb_kind_t: INT, UINT, BOOL, FLOAT, DOUBLE, CSTR, PTR, STRUCT_PTR, STRUCT, HANDLE, CALLBACK,
    // STRUCT_ARRAY, ARRAY (a `T name[]` parameter of numbers)
    uint8_t kind;
    uint8_t size;       // INT, UINT, FLOAT, DOUBLE: bytes
    bool is_const;      // PTR, ARRAY: points at const data
    bool wraps;         // UINT: negative values convert as in C (-1 is all ones; config "wrap")
    char typecode;      // ARRAY: memoryview typecode of the elements
    uint32_t pointee;   // PTR, ARRAY: bytes it points at (0: void * or unknown)
    const char *name;   // the C spelling, for messages ("int32_t", "lv_area_t *")
    const char *canon;  // the canonical C spelling, for assignment checks ("struct _lv_area_t *")
    const char *py;     // the annotation ("int", "area_t | None")
    const void *ext;    // STRUCT, STRUCT_PTR: mpb_struct_desc_t; HANDLE: mpb_family_t
} mpb_ctype_t;

// A `T name[]` parameter of numbers (MPB_ARRAY): a list or tuple of numbers copied into a new
// array of T, kept until the same argument of the same function gets another (C may hold it:
// LVGL's chart series); a buffer or Blob points at itself. *extent: the array's bytes
// (SIZE_MAX: C alone knows).
void *mpb_to_number_array(mp_obj_t o, const mpb_ctype_t *t, const void *function, size_t arg, size_t *extent);

// What C++ functions and exported trampolines add to a prototype.
typedef struct {
    const char *c_type;  // an exported trampoline's C type ("" for C++)
    const char *types;   // C++: annotations, one per argument then the result, each ending in '\n'
    const struct _mpb_arg_t *arg_kinds;       // what each argument accepts, for overloads (C++)
    const struct _mpb_callback_desc_t *slot;  // an exported trampoline: the slot it serves
} mpb_proto_ext_t;

// What all functions of one prototype share (the reference binding's trick, which keeps a
// big library's module small): the wrapper that calls the C function through the function
// object's pointer, and what describes the prototype.
typedef struct _mpb_proto_t {
    mpb_wrapper_t call;
    const qstr_short_t *names;  // the argument names of the module's functions
    uint8_t n_args;
    uint8_t n_optional;  // trailing arguments with defaults (C++)
    uint16_t none_ok;    // C: bit i set: argument i takes None for NULL
    uint16_t lengths;    // C: bit i set: argument i is the length of argument i-1's buffer
    bool has_ext;
    // C functions: the ctypes of the result, then of each argument. C++ functions and
    // exported trampolines (has_ext): their mpb_proto_ext_t alone. In the prototype itself,
    // not behind a pointer: a big library has a thousand prototypes.
    const union {
        const mpb_ctype_t *ctype;
        const mpb_proto_ext_t *ext;
    } types[];
} mpb_proto_t;

// The ctype of a C function's result (0) or argument i (i + 1).
MPB_INLINE const mpb_ctype_t *mpb_proto_ctype(const mpb_proto_t *p, size_t i) { return p->types[i].ctype; }
// What a C++ function or exported trampoline adds, or NULL.
MPB_INLINE const mpb_proto_ext_t *mpb_proto_ext(const mpb_proto_t *p) {
    return p->has_ext ? p->types[0].ext : NULL;
}

// A bound C function: callable from Python, printable with its signature, and assignable to
// a struct field or argument of a compatible function-pointer type.
struct _mpb_function_t {
    mp_obj_base_t base;
    const mpb_proto_t *proto;
    void (*cfun)(void);
    qstr_short_t name;
    uint16_t args;  // its argument names: proto->names[args...]
};
extern const mp_obj_type_t mpb_type_function;

MPB_INLINE qstr mpb_arg_name(const mpb_function_t *f, size_t i) { return f->proto->names[f->args + i]; }

// "name(a: int, b: int) -> int", for messages.
void mpb_print_signature(const mp_print_t *print, const mpb_function_t *f);
// The C type of a C function, canonical ("int (int, void *)"), for assignment checks.
void mpb_print_c_type(const mp_print_t *print, const mpb_function_t *f);
// The arguments of a C function as C values, converted by its prototype's ctypes (at most
// MPB_MAX_ARGS; functions with more, or with callbacks, convert in their own wrappers).
#define MPB_MAX_ARGS 12  // none_ok and lengths have a bit each
void mpb_convert_args(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                      mpb_cval_t *v);

// Positional and keyword arguments to n_args positional values (MP_OBJ_NULL for optional
// ones not given, unless none were given by keyword: then `args` itself).
const mp_obj_t *mpb_args_slow(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                              mp_obj_t *out);
MPB_INLINE const mp_obj_t *mpb_args(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                                    mp_obj_t *out) {
    // Positional arguments (some trailing defaults may be left out: wrappers read those only
    // when given).
    const mpb_proto_t *p = f->proto;
    if (n_kw == 0 && n_args <= p->n_args && n_args + p->n_optional >= p->n_args) {
        return args;
    }
    return mpb_args_slow(f, n_args, n_kw, args, out);
}

// A printf-like function's text (config "printf"): its first n_fixed positional arguments
// (no keywords), the last of them the format, which Python's % formats with the rest.
const char *mpb_printf_text(const mpb_function_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args,
                            size_t n_fixed);

// Argument i of f is a pointer C dereferences: None (NULL) is a ValueError, not a crash.
NORETURN void mpb_raise_none_arg(const mpb_function_t *f, size_t i);
MPB_INLINE void mpb_not_none_arg(mp_obj_t o, const mpb_function_t *f, size_t i) {
    if (o == mp_const_none) {
        mpb_raise_none_arg(f, i);
    }
}

// ---- Callbacks ----------------------------------------------------------------------------

typedef enum {
    MPB_CB_PLAIN,      // called at once; exceptions propagate (synchronous C callbacks)
    MPB_CB_HARD,       // interrupt context: heap locked, exceptions reported, not propagated
    MPB_CB_SCHEDULED,  // interrupt context: queued with micropython.schedule
    MPB_CB_CAUGHT,     // called at once; an exception is printed and C gets a zero result, so
                       // that none crosses the library's frames (LVGL's event loop)
} mpb_cb_mode_t;

// How many caught-mode callbacks are running (C calling Python calling C calling Python...):
// an event loop must not re-enter the library from inside one. A module shows it as
// NAME.value (config "nesting NAME"; lv._nesting for lv_binding_micropython's lv_utils).
extern int mpb_nesting_depth;
extern const mp_obj_base_t mpb_nesting;

typedef enum {
    MPB_CTX_NONE,       // only C functions can be assigned
    MPB_CTX_USER_DATA,  // the struct at argument `ctx_arg` has `void *user_data` at ctx_offset
    MPB_CTX_VOID_ARG,   // argument `ctx_arg` is the void * given at registration
    MPB_CTX_FIELD,      // a config entry: the void * at ctx_offset of the struct at `ctx_arg`
} mpb_ctx_kind_t;

#define MPB_CB_MAX_ARGS 8

typedef struct {
    uint8_t kind;  // mpb_kind_t: INT, UINT, BOOL, FLOAT, DOUBLE, PTR, CSTR, STRUCT_PTR, HANDLE
    uint8_t size;
    bool any_object;   // a void *: a result may be any Python object a void * argument takes
    const void *desc;  // MPB_STRUCT_PTR: mpb_struct_desc_t; MPB_HANDLE: mpb_family_t
} mpb_cb_arg_t;

struct _mpb_callback_desc_t {
    const char *name;          // the slot, as the user sees it: "spi_device_interface_config_t.post_cb"
    const char *c_type;        // canonical C function type
    qstr key;                  // its key in a user_data dict
    uint8_t mode;              // mpb_cb_mode_t
    uint8_t ctx;               // mpb_ctx_kind_t
    uint8_t ctx_arg;           // MPB_CTX_VOID_ARG: the argument that carries the context
    uint16_t ctx_offset;       // MPB_CTX_USER_DATA: offsetof(struct, user_data)
    uint8_t n_args;            // Python-visible arguments (the void * context is not one)
    mpb_cb_arg_t ret;          // kind MPB_PTR with size 0: void
    const mpb_cb_arg_t *args;  // n_args of them
    void (*trampoline)(void);
};

// A Python callable wrapped for C, with the caller's own user data (MPB_CTX_VOID_ARG).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t callable;
    mp_obj_t user;
    mp_obj_t pin_key;  // where it is pinned (MP_OBJ_NULL: kept by its owner instead)
    bool registered;   // made by a registration: read back as a void *, it is the caller's `user`
    bool pending;      // scheduled mode, no argument but the user data: a call is queued
} mpb_callback_t;
extern const mp_obj_type_t mpb_type_callback;

// The body of every trampoline: finds the callable from `ctx` (the user_data, void * or
// configured field value), converts `args` and calls it according to the slot's mode.
mpb_cval_t mpb_callback_call(const mpb_callback_desc_t *d, void *ctx, const mpb_cval_t *args);
// The callable behind a context (and the user data it was registered with), or MP_OBJ_NULL;
// generated trampolines of plain slots convert their arguments themselves.
mp_obj_t mpb_callback_find(const mpb_callback_desc_t *d, void *ctx, mp_obj_t *user);
// A callback's Python result as the slot's C return value (non-scalar returns).
mpb_cval_t mpb_callback_result(const mpb_callback_desc_t *d, mp_obj_t r);
// What a function-pointer slot gets for a Python value: the C function of a bound function
// of the same type, NULL for None, a Blob's pointer, or the trampoline for a Python callable
// after storing it where the context says (`ctx_obj`: the struct object whose user_data
// carries it, or the struct that owns the field for MPB_CTX_FIELD).
void *mpb_to_callback(mp_obj_t o, const mpb_callback_desc_t *d, mp_obj_t ctx_obj);
// Whether a C function of type `have` may go where C wants `want` (canonical spellings,
// "int (int, void *)"): the same type, or one where data pointers stand for void *.
bool mpb_c_types_compatible(const char *want, const char *have);
// A Python callable that is not a bound C function (those pass their C function instead).
bool mpb_is_python_callable(mp_obj_t o);
// The key a MPB_CTX_VOID_ARG registration is pinned under: the slot and the handle it is
// registered on (MP_OBJ_NULL: none), so that registering again replaces, not accumulates.
mp_obj_t mpb_pin_key(const mpb_callback_desc_t *d, mp_obj_t handle);
// The pin key of a registration told apart by n argument values (config key=): the slot and
// those values, compared by value.
mp_obj_t mpb_pin_key_n(const mpb_callback_desc_t *d, size_t n, ...);
// For MPB_CTX_VOID_ARG registrations: the void * that carries the callable and the caller's
// user data, pinned under `pin_key` (a new registration under the same key replaces it).
void *mpb_callback_context(const mpb_callback_desc_t *d, mp_obj_t callable, mp_obj_t user, mp_obj_t pin_key);
// Callbacks that share one user data (several in one registration): `ctx` (MP_OBJ_NULL at
// first) becomes a dict of their records under each slot's key; mpb_callback_contexts pins it
// like mpb_callback_context and gives the void * to pass.
mp_obj_t mpb_callback_add(mp_obj_t ctx, const mpb_callback_desc_t *d, mp_obj_t callable, mp_obj_t user);
void *mpb_callback_contexts(mp_obj_t ctx, mp_obj_t pin_key);
// A function-pointer field read back: the bound function, callable or Blob it holds.
mp_obj_t mpb_from_callback(void *fn, const mpb_callback_desc_t *d, mp_obj_t ctx_obj);

// ---- Keeping Python objects alive while C holds them --------------------------------------

// `slot` in C memory now points at `o` (or nothing, for MP_OBJ_NULL). Owned structs keep `o`
// in their refs; C memory the collector does not scan pins it in a registry root.
void mpb_keep(mp_obj_t owner, void *slot, mp_obj_t o);
// The Python object a pointer slot was given, if it still points at it, else MP_OBJ_NULL.
mp_obj_t mpb_kept(mp_obj_t owner, void *slot, void *value);
// A heap pointer that is the start of a Python object of a type we can call or look into.
mp_obj_t mpb_obj_from_ptr(void *p);
// Pins `o` under `key` (replacing what was there); MP_OBJ_NULL unpins.
void mpb_pin(mp_obj_t key, mp_obj_t o);
// Pins `o` as what argument `arg` of `function` holds, until the same argument gets another.
void mpb_pin_arg(const void *function, size_t arg, mp_obj_t o);
mp_obj_t mpb_pinned_get(mp_obj_t key);

// ---- Objects of an object-style library (mpb_handle.c) ------------------------------------

// One Python wrapper per C object, whatever class the library made it with. The wrapper is
// stored with the object (`find`/`attach`) and told when the library deletes it (`attach`
// registers the notification; the generated callback calls mpb_handle_deleted).
typedef struct _mpb_family_t mpb_family_t;

typedef struct {
    const mp_obj_type_t *type;
    const struct _mpb_function_t *create;  // create(parent, ...): the class's constructor
    const void *class_id;                  // what family->of() answers for its objects (NULL: unknown)
    const mpb_family_t *family;
} mpb_class_t;

struct _mpb_family_t {
    const char *c_type;                        // "lv_obj_t"
    void *(*find)(void *obj);                  // the wrapper stored with obj (NULL: none stored)
    void (*attach)(void *obj, void *wrapper);  // stores it and asks to be told of the deletion
    const void *(*of)(void *obj);              // obj's class id
    const mpb_class_t *const *classes;         // [0] the base class; NULL-terminated
    bool heap_kept;                            // the library's memory is on MicroPython's heap
};

typedef struct {
    mp_obj_base_t base;
    void *ptr;        // NULL once the library deleted the object
    mp_obj_t fields;  // a dict of the attributes Python gave the object; NULL before the first
} mpb_handle_t;

// The C object behind a wrapper (a subclass instance passes its native part); None is NULL.
void *mpb_to_handle(mp_obj_t o, const mpb_family_t *f);
// The family of a wrapper (of its own class, not a Python subclass), or NULL.
const mpb_family_t *mpb_handle_family(mp_obj_t o);
// The wrapper of a C object: the one it has, or a new one of its class (NULL: None).
mp_obj_t mpb_from_handle(const mpb_family_t *f, void *obj);
// The library deleted the object whose wrapper this is.
void mpb_handle_deleted(void *wrapper);
mp_obj_t mpb_handle_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
void mpb_handle_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
void mpb_handle_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
// set_user_data(data) / get_user_data() (config "objects ... user_data="): a Python object kept
// with the C object (its attribute user_data), as the library's own slot holds the wrapper.
MP_DECLARE_CONST_FUN_OBJ_2(mpb_handle_set_user_data_obj);
MP_DECLARE_CONST_FUN_OBJ_1(mpb_handle_get_user_data_obj);

// ---- C++ classes, overloads and standard types (mpb_object.c, mpb_overload.c) --------------

typedef struct _mpb_class_desc_t mpb_class_desc_t;

typedef struct {
    const mpb_class_desc_t *cls;
    void *(*upcast)(void *p);  // Derived * to Base *: C++ may move the address
} mpb_base_t;

struct _mpb_class_desc_t {
    const mp_obj_type_t *type;
    const char *name;          // "geo::Circle"
    void (*destroy)(void *p);  // delete; NULL: the destructor is not public
    uint8_t n_bases;
    const mpb_base_t *bases;
};

// A C++ object seen from Python: owned (deleted when collected) or a view of an object C++
// or another Python object (`owner`, kept alive by the view) owns.
typedef struct {
    mp_obj_base_t base;
    void *ptr;  // NULL: no object (its constructor raised)
    mp_obj_t owner;
    bool owned;
} mpb_object_t;

// An object for `ptr` (NULL: None, unless owned: then ptr comes later, see mpb_object_set).
mp_obj_t mpb_object_new(const mpb_class_desc_t *d, void *ptr, bool owned, mp_obj_t owner);
// Owned results: the Python object is made first, so that a failed allocation leaks nothing.
MPB_INLINE void mpb_object_set(mp_obj_t o, void *ptr) { ((mpb_object_t *)MP_OBJ_TO_PTR(o))->ptr = ptr; }
// The C++ object an argument holds, as a pointer to class d (through its bases).
void *mpb_to_object(mp_obj_t o, const mpb_class_desc_t *d, bool nullable);
void mpb_object_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
MP_DECLARE_CONST_FUN_OBJ_1(mpb_object_del_obj);
// make_new of a class with only the implicit default constructor: T(), fields as keywords.
mp_obj_t mpb_object_make_default(const mpb_class_desc_t *d, void *(*ctor)(void), size_t n_args, size_t n_kw,
                                 const mp_obj_t *args);

// What an argument accepts, for choosing among overloads: a first pass without conversions
// (an int for an int), a second with them (an int for a double, a derived class for a base).
typedef enum {
    MPB_A_INT,
    MPB_A_BOOL,
    MPB_A_FLOAT,
    MPB_A_STR,     // str or bytes
    MPB_A_CSTR,    // str, bytes or None
    MPB_A_OBJECT,  // ext: mpb_class_desc_t
    MPB_A_OBJECT_OR_NONE,
    MPB_A_BUFFER,    // None, a Blob, a struct or anything with the buffer protocol
    MPB_A_SEQ,       // a list or tuple; ext: the elements' mpb_arg_t
    MPB_A_CALLABLE,  // a callable or None
    MPB_A_ANY,
} mpb_arg_kind_t;

typedef struct _mpb_arg_t {
    uint8_t kind;
    const void *ext;
} mpb_arg_t;

// Several C++ overloads under one Python name.
typedef struct {
    mp_obj_base_t base;
    const char *name;
    uint16_t n;
    const mpb_function_t *const *overloads;
} mpb_overloads_t;
extern const mp_obj_type_t mpb_type_overloads;
// Methods: as mpb_type_function and mpb_type_overloads, binding self when looked up on an object.
extern const mp_obj_type_t mpb_type_method;
extern const mp_obj_type_t mpb_type_method_overloads;

// The C++ operator an overload set stands for, or MP_OBJ_NULL (NotImplemented) if none takes
// these operands.
mp_obj_t mpb_operator(const mpb_overloads_t *o, mp_obj_t lhs, mp_obj_t rhs);
// How many leading arguments were given (the rest take their C++ defaults); a gap is a TypeError.
size_t mpb_given(const mpb_function_t *f, const mp_obj_t *a);

// std::string and std::string_view arguments: str or bytes.
const char *mpb_to_strn(mp_obj_t o, size_t *n);
// std::span<T>: a buffer of whole, aligned elements of `elem_size` bytes.
void *mpb_to_span(mp_obj_t o, size_t elem_size, bool writable, size_t *n, const char *ctype);

// Elements of std::vector arguments and results: MPB_INT, MPB_UINT, MPB_BOOL, MPB_FLOAT,
// MPB_DOUBLE (`size` bytes, desc: the C type's name), MPB_CSTR (mpb_strn_t) or MPB_OBJECT
// (desc: mpb_class_desc_t; a void * each).
typedef struct {
    uint8_t kind;
    uint8_t size;
    const void *desc;
} mpb_elem_t;
// A list, tuple or other iterable as an array of elements on the MicroPython heap.
void *mpb_to_seq(mp_obj_t o, const mpb_elem_t *e, size_t *n);

// A std::vector the glue returned with new: its size, element i and deletion.
typedef struct {
    mpb_elem_t elem;
    size_t (*size)(const void *v);
    void (*at)(const void *v, size_t i, mpb_cval_t *out, size_t *len);  // MPB_OBJECT: a new copy
    void (*destroy)(void *v);
} mpb_vector_desc_t;
// A list of the elements; the vector is deleted, whatever happens.
mp_obj_t mpb_from_cxx_vector(void *v, const mpb_vector_desc_t *d);
// A str of the std::string the glue returned with new; it is deleted, whatever happens.
mp_obj_t mpb_from_cxx_string(void *s);

// A std::function argument: a callable (pinned by the glue while C++ keeps it) or None.
void *mpb_to_cxx_callable(mp_obj_t o);

// The Python exception for the C++ exception the last glue call caught.
NORETURN void mpb_cxx_raise(void);
MPB_INLINE void mpb_cxx_check(void) {
    if (mpb_cxx_error.kind != MPB_CXX_OK) {
        mpb_cxx_raise();
    }
}

#endif  // MPB_H
