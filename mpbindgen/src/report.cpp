#include "report.h"

#include <filesystem>
#include <functional>
#include <set>
#include <sstream>

namespace mpbindgen {

std::string report(const Module &mod) {
    std::ostringstream r;
    if (mod.cxx_api) {
        size_t counts[4] = {0, 0, 0, 0};  // namespaces, classes, functions and methods, enums
        std::function<void(const Scope &)> count = [&](const Scope &s) {
            counts[2] += s.functions.size();
            counts[3] += s.enums.size();
            for (auto &c : s.scopes) {
                counts[c->is_class ? 1 : 0]++;
                count(*c);
            }
        };
        count(*mod.root);
        r << "mpbindgen: " << mod.name << ": bound " << counts[0] << " namespaces, " << counts[1]
          << " classes, " << counts[2] << " functions, methods and constructors, " << counts[3]
          << " enums; skipped " << mod.skipped.size() << "\n";
    }
    size_t python_slots = 0;
    for (auto &s : mod.callbacks) python_slots += s->trampoline;
    std::set<std::string> constants;  // a C constant in two groups is one
    for (auto &k : mod.constants) constants.insert(k.name);
    if (!mod.cxx_api)
        r << "mpbindgen: " << mod.name << ": bound " << mod.functions.size() << " functions, "
          << mod.records.size() << " structs/unions, " << mod.enums.size() << " enums, " << constants.size()
          << " constants, " << mod.globals.size() << " variables; " << mod.callbacks.size()
          << " callback slots (" << python_slots << " take Python callables); skipped " << mod.skipped.size()
          << "\n";
    for (auto &s : mod.skipped) {
        r << "  skipped " << std::filesystem::path(s.loc.file).filename().string() << ":" << s.loc.line
          << ": " << s.what << ": " << s.reason << "\n";
    }
    for (auto &s : mod.callbacks) {
        if (!s->trampoline) r << "  C functions only: " << s->name << ": " << s->why_not << "\n";
    }
    return r.str();
}

}  // namespace mpbindgen
