// The module of a C++ API (--cxx): its C half (MicroPython types and wrappers) and its C++
// glue (extern "C" functions that call the API).
#pragma once

#include <string>

#include "model.h"

namespace mpbindgen {

struct CxxOutput {
    std::string c;     // the module
    std::string glue;  // its C++ glue
};

CxxOutput write_cxx(const Module &mod);
// Its .pyi stubs.
std::string write_cxx_pyi(const Module &mod);

}  // namespace mpbindgen
