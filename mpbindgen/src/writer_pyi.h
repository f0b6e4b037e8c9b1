// Writes the .pyi stubs of a Module: C signatures and the headers' doc comments, for editors.
#pragma once

#include <string>

#include "model.h"

namespace mpbindgen {

std::string write_pyi(const Module &mod);

}  // namespace mpbindgen
