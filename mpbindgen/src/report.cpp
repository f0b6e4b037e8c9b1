#include "report.h"

#include <filesystem>
#include <sstream>

namespace mpbindgen {

std::string report(const Module &mod) {
  std::ostringstream r;
  size_t python_slots = 0;
  for (auto &s : mod.callbacks) python_slots += s->trampoline;
  r << "mpbindgen: " << mod.name << ": bound " << mod.functions.size() << " functions, " << mod.records.size()
    << " structs/unions, " << mod.enums.size() << " enums, " << mod.constants.size() << " constants; "
    << mod.callbacks.size() << " callback slots (" << python_slots << " take Python callables); skipped "
    << mod.skipped.size() << "\n";
  for (auto &s : mod.skipped) {
    r << "  skipped " << std::filesystem::path(s.loc.file).filename().string() << ":" << s.loc.line << ": " << s.what
      << ": " << s.reason << "\n";
  }
  for (auto &s : mod.callbacks) {
    if (!s->trampoline) r << "  C functions only: " << s->name << ": " << s->why_not << "\n";
  }
  return r.str();
}

}  // namespace mpbindgen
