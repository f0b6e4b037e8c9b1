// Decides, for every function-pointer slot, how a Python callable can be found when C calls
// it: the user_data of a struct argument, the void * given at registration, or a config entry.
#pragma once

#include "model.h"
#include "options.h"

namespace mpbindgen {

void plan_callbacks(const Options &opt, Module &mod);

}  // namespace mpbindgen
