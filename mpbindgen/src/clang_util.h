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

// The one classification of scalar C and C++ types both readers build on: a builtin's Kind
// (Int, UInt, Bool, Float, Double), an enum's as its integer type's, Void for anything else.
inline Kind scalar_kind(CXType canon) {
    switch (canon.kind) {
        case CXType_Bool:
            return Kind::Bool;
        case CXType_Char_S:
        case CXType_SChar:
        case CXType_Short:
        case CXType_Int:
        case CXType_Long:
        case CXType_LongLong:
            return Kind::Int;
        case CXType_Char_U:
        case CXType_UChar:
        case CXType_UShort:
        case CXType_UInt:
        case CXType_ULong:
        case CXType_ULongLong:
            return Kind::UInt;
        case CXType_Float:
            return Kind::Float;
        case CXType_Double:
            return Kind::Double;
        case CXType_Enum:
            return scalar_kind(
                clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(canon))));
        default:
            return Kind::Void;
    }
}

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
