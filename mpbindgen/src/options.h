// Command line and config file of mpbindgen.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "model.h"

namespace mpbindgen {

// A config entry for one callback slot ("struct.field", "function.param") or for every slot
// of a function-pointer typedef.
struct CallbackConfig {
  std::string slot;
  std::optional<Mode> mode;
  int ctx_arg = -1;        // context=ARG.FIELD: argument index ...
  std::string ctx_field;   // ... and the void * field of the struct it points at
};

struct Options {
  std::string module;
  std::vector<std::string> headers;
  std::vector<std::string> clang_args;  // -I, -D, -std, ...
  std::optional<std::regex> include;    // more files whose declarations are bound
  std::optional<std::regex> exclude;    // declarations (by name) left out
  std::string out_c, out_pyi;
  std::string out_thunks;               // --cxx-thunks: read as C++, thunks for C++ linkage
  bool cxx_api = false;                 // --cxx OUT.cpp: bind the C++ API, glue in out_thunks
  std::vector<CallbackConfig> callbacks;
  std::vector<std::string> skip;        // names left out (config "skip NAME")
  std::vector<std::string> nullable;    // "FUNCTION.PARAM" pointers that may be None (config "nullable")
  std::vector<std::pair<std::string, std::string>> exports;  // config "export SLOT as NAME"
  bool quiet = false;
  bool diagnostics = true;              // print the compiler's diagnostics (the fuzzer turns them off)

  const CallbackConfig *callback(const std::string &slot) const {
    for (auto &c : callbacks) {
      if (c.slot == slot) return &c;
    }
    return nullptr;
  }
};

// Parses argv into `opt`; on a usage error returns false with the message in `error`.
bool parse_args(int argc, char **argv, Options &opt, std::string &error);
// Reads a config file: lines "callback SLOT [mode=hard|scheduled|plain] [context=N.FIELD]",
// "skip NAME", "nullable FUNCTION.PARAM", "export SLOT as NAME" (the slot's trampoline as a
// C function NAME of the module, to assign where C wants one), "# comment".
bool read_config(const std::string &path, Options &opt, std::string &error);

}  // namespace mpbindgen
