// Decides, for every function-pointer slot, how a Python callable can be found when C calls
// it: the user_data of a struct argument, the void * given at registration, or a config entry.
#pragma once

#include <string>

#include "model.h"
#include "options.h"

namespace mpbindgen {

// False, with the reason in `error`, for a config entry that names no slot it can use.
bool plan_callbacks(const Options &opt, Module &mod, std::string &error);

}  // namespace mpbindgen
