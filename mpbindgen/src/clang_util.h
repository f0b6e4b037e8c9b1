// Small helpers over libclang's C API that both readers (C and C++ declarations) use.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>

#include "model.h"
#include "names.h"

namespace mpbindgen {

inline std::string str(CXString s) {
  const char *c = clang_getCString(s);
  std::string r = c ? c : "";
  clang_disposeString(s);
  return r;
}

inline std::string spelling(CXCursor c) { return str(clang_getCursorSpelling(c)); }
inline std::string spelling(CXType t) { return str(clang_getTypeSpelling(t)); }

inline Location location(CXCursor c) {
  CXFile file;
  unsigned line, col, off;
  clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, &off);
  Location l;
  if (file) l.file = str(clang_getFileName(file));
  l.line = line;
  return l;
}

inline std::string doc_of(CXCursor c) { return clean_comment(str(clang_Cursor_getRawCommentText(c))); }

// Calls fn for each child of parent, in source order.
inline void visit(CXCursor parent, const std::function<void(CXCursor)> &fn) {
  clang_visitChildren(
      parent,
      [](CXCursor c, CXCursor, CXClientData data) {
        (*static_cast<const std::function<void(CXCursor)> *>(data))(c);
        return CXChildVisit_Continue;
      },
      const_cast<std::function<void(CXCursor)> *>(&fn));
}

}  // namespace mpbindgen
