// What generated C++ glue (mpbindgen --cxx) shares: catching C++ exceptions at the border
// and building std::vector arguments from the arrays the C side converted.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mpb_abi.h"

// Called in a catch (...) block: records the exception in mpb_cxx_error.
extern "C" void mpb_cxx_catch(void);

#if defined(__cpp_exceptions)
#define MPB_TRY try {
#define MPB_CATCH(...) } catch (...) { mpb_cxx_catch(); return __VA_ARGS__; }
#else
#define MPB_TRY {
#define MPB_CATCH(...) }
#endif

inline std::vector<std::string> mpb_cxx_strings(const mpb_strn_t *s, size_t n) {
    std::vector<std::string> v;
    v.reserve(n);
    for (size_t i = 0; i < n; i++) v.emplace_back(s[i].p, s[i].n);
    return v;
}

// Copies of the objects the C side found (Python keeps its own).
template <typename T>
std::vector<T> mpb_cxx_objects(void *const *p, size_t n) {
    std::vector<T> v;
    v.reserve(n);
    for (size_t i = 0; i < n; i++) v.push_back(*static_cast<const T *>(p[i]));
    return v;
}
