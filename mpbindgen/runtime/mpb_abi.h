// What crosses between a generated C module and its generated C++ glue (mpbindgen --cxx):
// plain C types only, since neither side can see the other's headers.
#ifndef MPB_ABI_H
#define MPB_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// A C value crossing a callback or a vector element, whichever its type.
typedef union {
    int64_t i;
    uint64_t u;
    double f;
    void *p;
} mpb_cval_t;

// A string as C++ takes it: bytes and length (std::string may hold NULs).
typedef struct {
    const char *p;
    size_t n;
} mpb_strn_t;

// The C++ exception the last glue call caught (kind MPB_CXX_OK: none). The glue never lets
// an exception reach C, and the C side never raises through C++ frames: it raises the
// Python exception once the glue has returned.
enum {
    MPB_CXX_OK,
    MPB_CXX_RUNTIME,   // std::exception and anything else: RuntimeError
    MPB_CXX_VALUE,     // std::invalid_argument, std::domain_error, std::length_error: ValueError
    MPB_CXX_INDEX,     // std::out_of_range: IndexError
    MPB_CXX_OVERFLOW,  // std::overflow_error, std::underflow_error, std::range_error: OverflowError
    MPB_CXX_MEMORY,    // std::bad_alloc: MemoryError
    MPB_CXX_TYPE,      // the glue's own: a class that cannot be copied: TypeError
    MPB_CXX_PYTHON,    // a Python callback raised: that exception, re-raised
};
typedef struct {
    int kind;
    char what[160];
} mpb_cxx_error_t;
extern mpb_cxx_error_t mpb_cxx_error;

// A std::function's call of a Python callable: what each argument and the result are (mpb_kind_t
// codes and sizes, as mpb_elem_t; MPB_CSTR values are mpb_strn_t *). Returns false if the
// callable raised (the exception waits for mpb_cxx_raise).
#define MPB_CXX_FN_MAX_ARGS 8
typedef struct {
    uint8_t kind;
    uint8_t size;
    const void *desc;
} mpb_cxx_elem_t;
typedef struct {
    uint8_t n_args;
    mpb_cxx_elem_t ret;  // kind MPB_PTR with size 0: void
    mpb_cxx_elem_t args[MPB_CXX_FN_MAX_ARGS];
} mpb_cxx_sig_t;
bool mpb_cxx_invoke(void *callable, const mpb_cxx_sig_t *sig, const mpb_cval_t *args, mpb_cval_t *ret);
// Keeps a callable alive while C++ holds it (key: the holder's address); false if out of memory.
bool mpb_cxx_pin(const void *key, void *callable);
void mpb_cxx_unpin(const void *key);

// A std::string the glue returned with new: its bytes, and its deletion.
const char *mpb_cxx_string_data(const void *s, size_t *n);
void mpb_cxx_string_delete(void *s);

#ifdef __cplusplus
}
#endif

#endif  // MPB_ABI_H
