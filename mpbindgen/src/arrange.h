// How a C library looks from Python once its conventions are known (config entries
// "prefix", "methods", "objects", "group"): names without the library's prefix, functions as
// methods of the struct or object class they act on, classes of objects behind one handle
// type, enums and constants grouped into classes. Runs between reading and writing.
#pragma once

#include <string>

#include "model.h"
#include "options.h"

namespace mpbindgen {

// False, with the reason in `error`, when the config names what the headers do not have.
bool arrange(const Options &opt, Module &mod, std::string &error);

}  // namespace mpbindgen
