// Reads C headers with libclang into a Module.
#pragma once

#include <string>

#include "model.h"
#include "options.h"

namespace mpbindgen {

// Parses the headers; false (with file:line diagnostics printed to stderr) when they do not
// compile.
bool read_headers(const Options &opt, Module &mod);

}  // namespace mpbindgen
