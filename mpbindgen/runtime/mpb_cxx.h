// What generated C++ glue (mpbindgen --cxx) shares: catching C++ exceptions at the border
// and building std::vector arguments from the arrays the C side converted.
#pragma once

#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "mpb_abi.h"

// Called in a catch (...) block: records the exception in mpb_cxx_error.
extern "C" void mpb_cxx_catch(void);

#if defined(__cpp_exceptions)
#define MPB_TRY try {
#define MPB_CATCH(...)      \
    }                       \
    catch (...) {           \
        mpb_cxx_catch();    \
        return __VA_ARGS__; \
    }
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

// ---- std::function from a Python callable ---------------------------------------------------

// Thrown through the C++ library when a Python callback raised; the glue that called into the
// library catches it and the Python exception is raised again.
struct mpb_cxx_python_error {};

// Pins the callable for as long as any copy of the std::function lives.
struct mpb_cxx_pyref {
    void *obj;
    explicit mpb_cxx_pyref(void *o) : obj(o) {
        if (!mpb_cxx_pin(this, o)) throw std::bad_alloc();
    }
    ~mpb_cxx_pyref() { mpb_cxx_unpin(this); }
    mpb_cxx_pyref(const mpb_cxx_pyref &) = delete;
    mpb_cxx_pyref &operator=(const mpb_cxx_pyref &) = delete;
};

// One argument of the call, as mpb_cxx_invoke reads it.
template <typename T>
void mpb_cxx_put(mpb_cval_t &c, mpb_strn_t &s, const T &v) {
    using U = std::remove_cv_t<std::remove_reference_t<T>>;
    if constexpr (std::is_same_v<U, bool>) {
        c.u = v;
    } else if constexpr (std::is_enum_v<U>) {
        c.i = static_cast<int64_t>(v);
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
        c.i = v;
    } else if constexpr (std::is_integral_v<U>) {
        c.u = v;
    } else if constexpr (std::is_floating_point_v<U>) {
        c.f = v;
    } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, std::string_view>) {
        s = {v.data(), v.size()};
        c.p = &s;
    } else if constexpr (std::is_same_v<U, const char *> || std::is_same_v<U, char *>) {
        s = {v, v ? std::strlen(v) : 0};
        c.p = v ? &s : nullptr;
    } else if constexpr (std::is_pointer_v<U>) {
        c.p = const_cast<void *>(static_cast<const void *>(v));
    } else {
        c.p = const_cast<void *>(static_cast<const void *>(&v));  // a class: a view during the call
    }
}

template <typename R>
R mpb_cxx_result(const mpb_cval_t &r) {
    if constexpr (std::is_void_v<R>) {
        return;
    } else if constexpr (std::is_same_v<R, bool>) {
        return r.u != 0;
    } else if constexpr (std::is_enum_v<R> || (std::is_integral_v<R> && std::is_signed_v<R>)) {
        return static_cast<R>(r.i);
    } else if constexpr (std::is_integral_v<R>) {
        return static_cast<R>(r.u);
    } else if constexpr (std::is_floating_point_v<R>) {
        return static_cast<R>(r.f);
    } else {  // std::string
        auto *s = static_cast<const mpb_strn_t *>(r.p);
        return R(s->p, s->n);
    }
}

// mpb_cxx_function<std::function<R(A...)>>::make(callable, sig): a std::function that calls
// `callable` (an empty one for nullptr: None).
template <typename F>
struct mpb_cxx_function;

template <typename R, typename... A>
struct mpb_cxx_function<std::function<R(A...)>> {
    static std::function<R(A...)> make(void *callable, const mpb_cxx_sig_t *sig);
};

template <typename R, typename... A>
std::function<R(A...)> mpb_cxx_function<std::function<R(A...)>>::make(void *callable,
                                                                      const mpb_cxx_sig_t *sig) {
    if (callable == nullptr) return {};
    auto ref = std::make_shared<mpb_cxx_pyref>(callable);
    return [ref, sig](A... a) -> R {
        mpb_cval_t args[sizeof...(A) + 1] = {};
        mpb_strn_t strs[sizeof...(A) + 1] = {};
        size_t i = 0;
        ((mpb_cxx_put(args[i], strs[i], a), i++), ...);
        (void)i;
        mpb_cval_t r = {};
        if (!mpb_cxx_invoke(ref->obj, sig, args, &r)) throw mpb_cxx_python_error();
        return mpb_cxx_result<R>(r);
    };
}
