// Writes the MicroPython module (C) for a Module: declarative tables for the run-time
// (mpbindgen/runtime/mpb.h) plus one small wrapper per function and one trampoline per
// callback slot.
#pragma once

#include <string>

#include "model.h"

namespace mpbindgen {

std::string write_c(const Module &mod);

}  // namespace mpbindgen
