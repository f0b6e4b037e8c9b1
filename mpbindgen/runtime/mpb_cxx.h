// What generated C++ glue (mpbindgen --cxx) shares: catching C++ exceptions at the border
// and building std::vector arguments from the arrays the C side converted.
#pragma once

#include <cstddef>
#include <string>
#include <type_traits>
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

// Records an error the glue found itself (not a C++ exception).
extern "C" void mpb_cxx_fail(int kind, const char *what);

// A copy on the heap, or nullptr and a TypeError for a class C++ cannot copy (one whose copy
// constructor the headers did not show as deleted).
template <typename T>
T *mpb_cxx_copy(const T &v) {
    if constexpr (std::is_copy_constructible_v<T>) {
        return new T(v);
    } else {
        mpb_cxx_fail(MPB_CXX_TYPE, "this C++ class cannot be copied");
        return nullptr;
    }
}

template <typename T>
void mpb_cxx_assign(T &to, const T &from) {
    if constexpr (std::is_copy_assignable_v<T>) {
        to = from;
    } else {
        mpb_cxx_fail(MPB_CXX_TYPE, "this C++ class cannot be assigned");
    }
}

// Copies of the objects the C side found (Python keeps its own).
template <typename T>
std::vector<T> mpb_cxx_objects(void *const *p, size_t n) {
    std::vector<T> v;
    if constexpr (std::is_copy_constructible_v<T>) {
        v.reserve(n);
        for (size_t i = 0; i < n; i++) v.push_back(*static_cast<const T *>(p[i]));
    } else {
        mpb_cxx_fail(MPB_CXX_TYPE, "this C++ class cannot be copied into a std::vector");
    }
    return v;
}
