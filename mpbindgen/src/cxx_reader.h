// The C++ front end (--cxx): namespaces, classes, overloaded functions, enums and constants
// of the selected files, into Module::root.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>

#include "model.h"

namespace mpbindgen {

struct CxxReadContext {
    std::function<bool(CXCursor)> selected;             // declared in a file that is bound
    std::function<bool(const std::string &)> excluded;  // by qualified name
    std::function<void(CXCursor, const std::string &, const std::string &)> skip;  // what, why
};

void read_cxx(CXTranslationUnit tu, const CxxReadContext &ctx, Module &mod);

}  // namespace mpbindgen
