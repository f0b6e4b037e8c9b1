// What crosses between a generated C module and its generated C++ glue (mpbindgen --cxx):
// plain C types only, since neither side can see the other's headers.
#ifndef MPB_ABI_H
#define MPB_ABI_H

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
};
typedef struct {
    int kind;
    char what[160];
} mpb_cxx_error_t;
extern mpb_cxx_error_t mpb_cxx_error;

// A std::string the glue returned with new: its bytes, and its deletion.
const char *mpb_cxx_string_data(const void *s, size_t *n);
void mpb_cxx_string_delete(void *s);

#ifdef __cplusplus
}
#endif

#endif  // MPB_ABI_H
