// The generator's report: what was bound, and everything skipped with the reason.
#pragma once

#include <string>

#include "model.h"

namespace mpbindgen {

std::string report(const Module &mod);

}  // namespace mpbindgen
