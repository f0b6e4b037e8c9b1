// Writes the MicroPython module (C) for a Module: declarative tables for the run-time
// (mpbindgen/runtime/mpb.h): a descriptor per C type, one wrapper per C prototype (the C call;
// the arguments convert by the descriptors), an object per function, and one trampoline per
// callback slot.
#pragma once

#include <string>

#include "model.h"

namespace mpbindgen {

std::string write_c(const Module &mod);
// The C++ side of functions with C++ linkage: one extern "C" thunk each.
std::string write_thunks(const Module &mod);

}  // namespace mpbindgen
