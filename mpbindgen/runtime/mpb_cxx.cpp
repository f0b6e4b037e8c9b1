// The C++ half of mpbindgen's run-time: C++ exceptions to error codes, std::string results.
#include <new>
#include <stdexcept>
#include <string>

#include <cstdio>

#include "mpb_cxx.h"

extern "C" {

mpb_cxx_error_t mpb_cxx_error;

static void record(int kind, const char *what) {
    mpb_cxx_error.kind = kind;
    std::snprintf(mpb_cxx_error.what, sizeof mpb_cxx_error.what, "%s", what);
}

void mpb_cxx_fail(int kind, const char *what) { record(kind, what); }

void mpb_cxx_catch(void) {
#if defined(__cpp_exceptions)
    try {
        throw;
    } catch (const mpb_cxx_python_error &) {
        record(MPB_CXX_PYTHON, "");
    } catch (const std::bad_alloc &e) {
        record(MPB_CXX_MEMORY, e.what());
    } catch (const std::out_of_range &e) {
        record(MPB_CXX_INDEX, e.what());
    } catch (const std::invalid_argument &e) {
        record(MPB_CXX_VALUE, e.what());
    } catch (const std::domain_error &e) {
        record(MPB_CXX_VALUE, e.what());
    } catch (const std::length_error &e) {
        record(MPB_CXX_VALUE, e.what());
    } catch (const std::overflow_error &e) {
        record(MPB_CXX_OVERFLOW, e.what());
    } catch (const std::underflow_error &e) {
        record(MPB_CXX_OVERFLOW, e.what());
    } catch (const std::range_error &e) {
        record(MPB_CXX_OVERFLOW, e.what());
    } catch (const std::exception &e) {
        record(MPB_CXX_RUNTIME, e.what());
    } catch (...) {
        record(MPB_CXX_RUNTIME, "unknown C++ exception");
    }
#endif
}

const char *mpb_cxx_string_data(const void *s, size_t *n) {
    auto *str = static_cast<const std::string *>(s);
    *n = str->size();
    return str->data();
}

void mpb_cxx_string_delete(void *s) { delete static_cast<std::string *>(s); }

}  // extern "C"
