// libclang front end: parses the headers as a compiler would, then walks the declarations of
// the selected files in source order. Types are reduced to model Kinds; anything that cannot
// be bound is recorded in Module::skipped with the reason.
#include "reader.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "clang_util.h"
#include "cxx_reader.h"
#include "names.h"

namespace mpbindgen {
namespace {

// Strips typedefs and other sugar from the outside of a type, keeping what is inside (a
// function pointer's parameters stay spelled as the header wrote them).
CXType desugar(CXType t) {
    for (;;) {
        if (t.kind == CXType_Typedef) t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
        else if (t.kind == CXType_Elaborated) t = clang_Type_getNamedType(t);
        else if (t.kind == CXType_Attributed) t = clang_Type_getModifiedType(t);
        else return t;
    }
}

// A declaration without a tag of its own (it may still have a typedef name).
bool unnamed(CXCursor c) {
    std::string s = str(clang_getCursorSpelling(c));
    return s.empty() || s.find("(unnamed") != std::string::npos || s.find("(anonymous") != std::string::npos;
}

// A record type's identity, without qualifiers (const struct foo and struct foo are one).
std::string record_key(CXType t) {
    return str(
        clang_getTypeSpelling(clang_getCanonicalType(clang_getCursorType(clang_getTypeDeclaration(t)))));
}

class Reader {
  public:
    Reader(const Options &opt, Module &mod) : opt_(opt), mod_(mod) {}

    bool run();

  private:
    bool selected(CXCursor c) const;
    bool excluded(const std::string &name) const;
    void skip(CXCursor c, const std::string &what, const std::string &reason) {
        mod_.skipped.push_back({location(c), what, reason});
    }
    void collect_records(CXCursor c);
    void add_record(CXCursor decl, const std::string &typedef_name);
    void fill_fields(CXCursor decl, Record &r, const std::string &prefix);
    void add_function(CXCursor c);
    void add_enum(CXCursor c, const std::string &typedef_name);
    void add_global(CXCursor c);
    void add_macros(const std::vector<CXCursor> &macros);
    std::optional<std::string> string_macro(CXCursor m);
    bool alias_macro(CXCursor m, const std::string &name);
    std::string includes() const;
    CXErrorCode parse(CXIndex index, const char *name, const std::string &src, const char *flag,
                      unsigned options, CXTranslationUnit *tu) const;
    std::optional<Type> classify(CXType t, std::string &why, bool in_struct = false);
    std::shared_ptr<Signature> signature(CXType fn, std::string &why);

    bool allow_variadic_ = false;  // a printf-like function (config) is being read
    const Options &opt_;
    Module &mod_;
    CXTranslationUnit tu_ = nullptr;
    std::set<std::string> headers_;                // canonical paths of the given headers
    std::map<std::string, std::string> record_c_;  // canonical type spelling -> C name
    std::set<std::string> seen_;                   // names bound so far
};

bool Reader::selected(CXCursor c) const {
    Location l = location(c);
    if (l.file.empty()) return false;
    std::error_code ec;
    auto canon = std::filesystem::weakly_canonical(l.file, ec).string();
    if (headers_.count(canon)) return true;
    return opt_.include && std::regex_search(l.file, *opt_.include);
}

bool Reader::excluded(const std::string &name) const {
    for (auto &s : opt_.skip) {
        if (s == name) return true;
    }
    return opt_.exclude && std::regex_search(name, *opt_.exclude);
}

std::optional<Type> Reader::classify(CXType t, std::string &why, bool in_struct) {
    Type r;
    r.c = str(clang_getTypeSpelling(t));
    CXType canon = clang_getCanonicalType(t);
    r.canon = str(clang_getTypeSpelling(canon));
    r.size = static_cast<int>(clang_Type_getSizeOf(canon));
    if (Kind k = scalar_kind(canon); k != Kind::Void) {
        r.kind = k;
        CXType builtin =
            canon.kind == CXType_Enum
                ? clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(canon)))
                : canon;
        r.builtin = str(clang_getTypeSpelling(builtin));
        r.py = k == Kind::Bool ? "bool" : k == Kind::Float || k == Kind::Double ? "float" : "int";
        r.wraps = k == Kind::UInt && std::find(opt_.wraps.begin(), opt_.wraps.end(), r.c) != opt_.wraps.end();
        return r;
    }
    switch (canon.kind) {
        case CXType_Void:
            r.kind = Kind::Void;
            r.py = "None";
            return r;
        case CXType_Record: {
            auto it = record_c_.find(record_key(canon));
            if (it == record_c_.end()) {
                why = "struct/union type '" + r.c + "' is not bound";
                return std::nullopt;
            }
            r.kind = Kind::Struct;
            r.record = it->second;
            r.py = py_name_of_record(it->second);
            return r;
        }
        case CXType_IncompleteArray:
        case CXType_ConstantArray: {
            if (!in_struct) {
                // A parameter: C passes a pointer to the first element.
                CXType elem = clang_getArrayElementType(canon);
                std::string es = str(clang_getTypeSpelling(clang_getArrayElementType(t).kind == CXType_Invalid
                                                               ? elem
                                                               : clang_getArrayElementType(t)));
                CXType ecanon = clang_getCanonicalType(elem);
                Type p;
                p.c = es + " *";
                p.canon = str(clang_getTypeSpelling(ecanon)) + " *";
                p.pointee_const = clang_isConstQualifiedType(ecanon);
                if (ecanon.kind == CXType_Record) {
                    // An array of bound structs (lv_line_set_points' points[]): a sequence of them.
                    auto it = record_c_.find(record_key(ecanon));
                    if (it == record_c_.end() || clang_getArrayElementType(canon).kind == CXType_Invalid)
                        break;  // va_list
                    p.kind = Kind::StructPtr;
                    p.array = true;
                    p.record = it->second;
                    p.py = "Sequence[" + py_name_of_record(it->second) + "] | None";
                    return p;
                }
                if (ecanon.kind == CXType_ConstantArray) break;  // matrices
                if ((ecanon.kind == CXType_Char_S || ecanon.kind == CXType_Char_U) && p.pointee_const) {
                    p.kind = Kind::CStr;
                    p.py = "str | None";
                    return p;
                }
                p.kind = Kind::Ptr;
                p.py = "Blob | None";
                p.pointee = es;
                p.count =
                    canon.kind == CXType_ConstantArray ? static_cast<int>(clang_getArraySize(canon)) : 0;
                bool text = ecanon.kind == CXType_Char_S || ecanon.kind == CXType_Char_U;
                if (Kind ek = scalar_kind(ecanon); ek != Kind::Void && ek != Kind::Bool && !text) {
                    // Numbers (lv_chart_set_series_ext_y_array's array[]): a list of them too.
                    p.typecode = typecode_for(ek == Kind::Int, ek == Kind::Float || ek == Kind::Double,
                                              static_cast<int>(clang_Type_getSizeOf(ecanon)));
                    p.array = p.typecode != 0;
                    if (p.array) {
                        p.py = std::string("Sequence[") +
                               (ek == Kind::Int || ek == Kind::UInt ? "int" : "float") +
                               "] | Blob | bytes | bytearray | memoryview | None";
                    }
                }
                return p;
            }
            if (canon.kind == CXType_IncompleteArray) break;
            std::string ewhy;
            auto elem = classify(clang_getArrayElementType(canon), ewhy);
            if (elem && elem->kind == Kind::Struct) {
                r.kind = Kind::StructArray;
                r.record = elem->record;
                r.count = static_cast<int>(clang_getArraySize(canon));
                r.py = "Sequence[" + elem->py + "]";
                return r;
            }
            if (!elem || !(elem->kind == Kind::Int || elem->kind == Kind::UInt || elem->kind == Kind::Float ||
                           elem->kind == Kind::Double || elem->kind == Kind::Bool)) {
                why = "arrays of '" + str(clang_getTypeSpelling(clang_getArrayElementType(canon))) +
                      "' are not supported";
                return std::nullopt;
            }
            r.kind = Kind::Array;
            r.record = elem->c;
            r.count = static_cast<int>(clang_getArraySize(canon));
            r.typecode = typecode_for(elem->kind == Kind::Int,
                                      elem->kind == Kind::Float || elem->kind == Kind::Double, elem->size);
            r.py = "memoryview";
            if (!r.typecode) {
                why = "no memoryview typecode for '" + elem->c + "'";
                return std::nullopt;
            }
            return r;
        }
        case CXType_Pointer: {
            CXType pointee = clang_getPointeeType(canon);
            CXType pcanon = clang_getCanonicalType(pointee);
            r.pointee_const = clang_isConstQualifiedType(pcanon);
            if (pcanon.kind == CXType_FunctionProto || pcanon.kind == CXType_FunctionNoProto) {
                std::string swhy;
                r.kind = Kind::FuncPtr;
                CXType sugared = desugar(clang_getPointeeType(desugar(t)));
                r.sig = signature(sugared.kind == pcanon.kind ? sugared : pcanon, swhy);
                r.py = "Callable";
                if (!r.sig) {
                    // Still assignable from C functions and Blobs; no Python callables.
                    r.sig = std::make_shared<Signature>();
                    r.sig->c_type = "?";
                    r.pointee = swhy;
                }
                r.sig->c_type = str(clang_getTypeSpelling(pcanon));
                return r;
            }
            if ((pcanon.kind == CXType_Char_S || pcanon.kind == CXType_Char_U) && r.pointee_const) {
                r.kind = Kind::CStr;
                r.py = "str | None";
                return r;
            }
            if (pcanon.kind == CXType_Record) {
                std::string key = record_key(pcanon);
                auto it = record_c_.find(key);
                if (it != record_c_.end()) {
                    r.kind = Kind::StructPtr;
                    r.record = it->second;
                    r.py = py_name_of_record(it->second) + " | None";
                    return r;
                }
            }
            r.kind = Kind::Ptr;
            r.py = "Blob | None";
            long long psize = clang_Type_getSizeOf(pcanon);
            if (pcanon.kind != CXType_Void && psize > 0) {
                r.pointee = str(clang_getTypeSpelling(pointee));
                r.size = static_cast<int>(psize);
            } else {
                r.size = 0;
            }
            return r;
        }
        default:
            break;
    }
    why = "type '" + r.c + "' is not supported";
    return std::nullopt;
}

std::shared_ptr<Signature> Reader::signature(CXType fn, std::string &why) {
    if (fn.kind == CXType_FunctionNoProto) {
        why = "function without a prototype";
        return nullptr;
    }
    if (clang_isFunctionTypeVariadic(fn) && !allow_variadic_) {
        why = "variadic";
        return nullptr;
    }
    auto sig = std::make_shared<Signature>();
    auto ret = classify(clang_getResultType(fn), why);
    if (!ret) {
        why = "returns " + why;
        return nullptr;
    }
    sig->ret = *ret;
    int n = clang_getNumArgTypes(fn);
    for (int i = 0; i < n; i++) {
        auto p = classify(clang_getArgType(fn, i), why);
        if (!p) {
            why = "argument " + std::to_string(i) + ": " + why;
            return nullptr;
        }
        sig->params.push_back({"arg" + std::to_string(i), *p});
    }
    return sig;
}

void Reader::collect_records(CXCursor c) {
    // Pass 1: every struct/union definition and the typedef that names it, so that types in
    // pass 2 resolve whichever order the header declares them in.
    // Records of files that are not bound stay opaque (Blob) wherever they appear.
    if (!selected(c)) return;
    CXCursorKind k = clang_getCursorKind(c);
    if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) && clang_isCursorDefinition(c) &&
        !clang_Cursor_isAnonymousRecordDecl(c)) {
        std::string canon = record_key(clang_getCursorType(c));
        std::string name = str(clang_getCursorSpelling(c));
        if (!record_c_.count(canon) && !clang_Cursor_isAnonymous(c)) {
            record_c_[canon] = (k == CXCursor_StructDecl ? "struct " : "union ") + name;
        }
        visit(c, [&](CXCursor child) { collect_records(child); });
    } else if (k == CXCursor_TypedefDecl) {
        CXType under = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
        if (under.kind == CXType_Record) {
            CXCursor decl = clang_getTypeDeclaration(under);
            if (clang_isCursorDefinition(clang_getCursorDefinition(decl))) {
                std::string canon = record_key(under);
                std::string tname = str(clang_getCursorSpelling(c));
                auto it = record_c_.find(canon);
                // The typedef name wins over the tag: it is what C code and users write.
                if (it == record_c_.end() || it->second.rfind("struct ", 0) == 0 ||
                    it->second.rfind("union ", 0) == 0)
                    record_c_[canon] = tname;
            }
        }
    }
}

void Reader::fill_fields(CXCursor decl, Record &r, const std::string &prefix) {
    visit(decl, [&](CXCursor c) {
        CXCursorKind k = clang_getCursorKind(c);
        if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) && clang_Cursor_isAnonymousRecordDecl(c)) {
            fill_fields(c, r, prefix);  // C11 anonymous member: its fields belong to the parent
            return;
        }
        if (k != CXCursor_FieldDecl) return;
        Field f;
        f.name = str(clang_getCursorSpelling(c));
        if (f.name.empty()) return;
        std::string why;
        auto t = classify(clang_getCursorType(c), why, true);
        if (!t) {
            skip(c, r.c + "." + f.name, why);
            return;
        }
        f.type = *t;
        if (clang_Cursor_isBitField(c)) {
            f.bit_width = clang_getFieldDeclBitWidth(c);
            f.bit_signed = t->kind == Kind::Int;
        }
        if (f.name == "user_data" && t->kind == Kind::Ptr && t->pointee.empty()) r.has_user_data = true;
        if (t->kind == Kind::Struct && t->record == r.c) {
            skip(c, r.c + "." + f.name, "recursive");
            return;
        }
        r.fields.push_back(std::move(f));
    });
}

void Reader::add_record(CXCursor decl, const std::string &c_name) {
    if (seen_.count("record " + c_name)) return;
    seen_.insert("record " + c_name);
    Record r;
    r.c = c_name;
    r.py = py_name_of_record(c_name);
    r.is_union = clang_getCursorKind(decl) == CXCursor_UnionDecl;
    r.doc = doc_of(decl);
    r.loc = location(decl);
    if (excluded(r.py)) {
        skip(decl, r.c, "excluded");
        return;
    }
    mod_.records.push_back(std::move(r));
    // Fields after the push, so that a field can point at its own struct.
    Record &added = mod_.records.back();
    Record tmp = added;
    fill_fields(decl, tmp, "");
    mod_.records.back() = std::move(tmp);
}

void Reader::add_function(CXCursor c) {
    std::string name = str(clang_getCursorSpelling(c));
    if (seen_.count("fn " + name)) return;
    seen_.insert("fn " + name);
    if (excluded(name)) {
        skip(c, name, "excluded");
        return;
    }
    if (name.rfind("__", 0) == 0) {
        skip(c, name, "reserved name");
        return;
    }
    if (clang_getCursorAvailability(c) != CXAvailability_Available) {
        skip(c, name + "()", "deprecated or unavailable");
        return;
    }
    std::string why;
    const bool printf_like =
        std::find(opt_.printf_like.begin(), opt_.printf_like.end(), name) != opt_.printf_like.end();
    allow_variadic_ = printf_like && clang_isFunctionTypeVariadic(clang_getCursorType(c));
    auto sig = signature(clang_getCursorType(c), why);
    const bool variadic = allow_variadic_;
    allow_variadic_ = false;
    if (!sig) {
        skip(c, name + "()", why);
        return;
    }
    if (printf_like) {
        // The format is the last fixed argument; the others must be plain scalars or strings.
        bool fits = variadic && !sig->params.empty() && sig->params.back().type.kind == Kind::CStr;
        for (size_t i = 0; fits && i + 1 < sig->params.size(); i++) {
            Kind k = sig->params[i].type.kind;
            fits = k == Kind::Int || k == Kind::UInt || k == Kind::Bool || k == Kind::CStr;
        }
        if (!fits) {
            skip(c, name + "()",
                 "config printf: not variadic with a const char * format last and scalar or string arguments "
                 "before it");
            return;
        }
        sig->printf = true;
    }
    int n = clang_Cursor_getNumArguments(c);
    for (int i = 0; i < n && i < static_cast<int>(sig->params.size()); i++) {
        std::string pn = str(clang_getCursorSpelling(clang_Cursor_getArgument(c, i)));
        if (!pn.empty()) sig->params[i].name = pn;
    }
    // Pointers to structs and to typed data are dereferenced by the callee: None (NULL) is
    // refused unless the config says the function takes NULL there. void *, opaque handles and
    // strings take None.
    // The header's own documentation of a parameter may say it takes NULL ("@param disp ...
    // NULL to refresh all displays").
    std::string doc = doc_of(c);
    for (auto &p : sig->params) {
        bool typed = p.type.kind == Kind::StructPtr || (p.type.kind == Kind::Ptr && !p.type.pointee.empty());
        std::string slot = name + "." + p.name;
        p.nullable = !typed ||
                     std::find(opt_.nullable.begin(), opt_.nullable.end(), slot) != opt_.nullable.end() ||
                     doc_allows_null(doc, p.name);
    }
    sig->c_type = str(clang_getTypeSpelling(clang_getCanonicalType(clang_getCursorType(c))));
    Function f{name, name, false, "", *sig, doc, location(c), false, ""};
    // Declared with C++ linkage (a C API compiled as C++): C reaches it through a thunk.
    f.thunk = mod_.cxx && str(clang_Cursor_getMangling(c)) != name;
    mod_.functions.push_back(std::move(f));
}

void Reader::add_global(CXCursor c) {
    std::string name = str(clang_getCursorSpelling(c));
    if (seen_.count("var " + name)) return;
    seen_.insert("var " + name);
    CXType t = clang_getCursorType(c);
    bool is_const = clang_isConstQualifiedType(t);
    if (excluded(name)) {
        skip(c, name, "excluded");
        return;
    }
    if (clang_getCursorLinkage(c) == CXLinkage_Internal && !is_const) {
        skip(c, name, "static variable in a header: every file that includes it has its own");
        return;
    }
    std::string why;
    auto type = classify(t, why, true);
    if (type && (type->kind == Kind::FuncPtr || type->kind == Kind::Void)) {
        type.reset();
        why = "function pointer variables are not bound";
    }
    if (!type) {
        skip(c, name, why);
        return;
    }
    mod_.globals.push_back({name, name, *type, is_const, doc_of(c)});
}

void Reader::add_enum(CXCursor c, const std::string &typedef_name) {
    // Once per enum: a second typedef of it (an API's old name) adds nothing.
    if (!seen_.insert("enum " + str(clang_getCursorUSR(c))).second) return;
    Enum e;
    e.doc = doc_of(c);
    bool is_unsigned = false;
    {
        CXType it = clang_getCanonicalType(clang_getEnumDeclIntegerType(c));
        is_unsigned = it.kind == CXType_UInt || it.kind == CXType_ULong || it.kind == CXType_ULongLong;
    }
    visit(c, [&](CXCursor m) {
        if (clang_getCursorKind(m) != CXCursor_EnumConstantDecl) return;
        EnumMember em;
        em.c = str(clang_getCursorSpelling(m));
        em.value = is_unsigned ? static_cast<int64_t>(clang_getEnumConstantDeclUnsignedValue(m))
                               : clang_getEnumConstantDeclValue(m);
        if (excluded(em.c)) return;
        if (!fits_small_int(em.value)) {
            skip(m, em.c, "value " + std::to_string(em.value) + " does not fit a MicroPython small int");
            return;
        }
        e.members.push_back(em);
    });
    if (e.members.empty()) return;
    std::string tag = unnamed(c) ? "" : str(clang_getCursorSpelling(c));
    std::string c_name = typedef_name.empty() ? tag : typedef_name;
    e.c = c_name;
    name_enum(e, c_name);
    if (c_name.empty() && e.py == "ENUM") {
        // An anonymous enum whose members share no prefix (one member, say): constants.
        for (auto &m : e.members) {
            if (!seen_.insert(m.c).second) continue;
            Constant k;
            k.name = k.py = m.c;
            k.value = std::to_string(m.value);
            k.loc = location(c);
            mod_.constants.push_back(k);
        }
        return;
    }
    auto taken = [&](const std::string &py) {
        for (auto &other : mod_.enums) {
            if (other.py == py) return true;
        }
        return false;
    };
    if (taken(e.py) && !c_name.empty() && !taken(c_name)) e.py = c_name;  // a prefix two enums share
    for (auto &other : mod_.enums) {
        if (other.py == e.py) {
            // Two enums with one prefix (the seed's espidf.h splits GPIO constants so): one class.
            for (auto &m : e.members) other.members.push_back(m);
            return;
        }
    }
    if (seen_.count(e.py)) {
        skip(c, "enum " + e.py, "name already used");
        return;
    }
    seen_.insert(e.py);
    mod_.enums.push_back(std::move(e));
}

// A source file that includes the headers, as a compiler would see them.
std::string Reader::includes() const {
    std::string src = "/* mpbindgen */\n";
    for (auto &h : opt_.headers) src += "#include \"" + std::filesystem::absolute(h).string() + "\"\n";
    return src;
}

// Parses `src` (an unsaved file called `name`) as C or C++ with the user's clang arguments.
CXErrorCode Reader::parse(CXIndex index, const char *name, const std::string &src, const char *flag,
                          unsigned options, CXTranslationUnit *tu) const {
    std::vector<std::string> args = {"-x", mod_.cxx ? "c++" : "c", mod_.cxx ? "-std=gnu++20" : "-std=gnu11",
                                     "-ferror-limit=0", flag};
    for (auto &a : opt_.clang_args) args.push_back(a);
    std::vector<const char *> argv;
    for (auto &a : args) argv.push_back(a.c_str());
    CXUnsavedFile unsaved{name, src.c_str(), static_cast<unsigned long>(src.size())};
    return clang_parseTranslationUnit2(index, name, argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
                                       options, tu);
}

// A macro whose body is one string literal (in parentheses or not): its text, unescaped
// only as far as stubs need.
std::optional<std::string> Reader::string_macro(CXCursor m) {
    CXToken *tokens = nullptr;
    unsigned n = 0;
    clang_tokenize(tu_, clang_getCursorExtent(m), &tokens, &n);
    std::vector<std::string> body;
    for (unsigned i = 1; i < n; i++) {
        std::string t = str(clang_getTokenSpelling(tu_, tokens[i]));
        if (t != "(" && t != ")") body.push_back(t);
    }
    clang_disposeTokens(tu_, tokens, n);
    if (body.size() != 1 || body[0].size() < 2 || body[0].front() != '"' || body[0].back() != '"')
        return std::nullopt;
    return body[0].substr(1, body[0].size() - 2);
}

// A macro whose body is the name of a bound function is that function under another name
// (LVGL's API maps keep old names so: #define lv_obj_add_event lv_obj_add_event_cb). Bound as
// a function of its own name that calls the macro; names with a leading underscore are the
// implementation's and stay out.
bool Reader::alias_macro(CXCursor m, const std::string &name) {
    CXToken *tokens = nullptr;
    unsigned n = 0;
    clang_tokenize(tu_, clang_getCursorExtent(m), &tokens, &n);
    std::string target = n == 2 && clang_getTokenKind(tokens[1]) == CXToken_Identifier
                             ? str(clang_getTokenSpelling(tu_, tokens[1]))
                             : "";
    clang_disposeTokens(tu_, tokens, n);
    const Function *f = nullptr;
    for (auto &g : mod_.functions)
        if (!target.empty() && g.name == target) f = &g;
    if (!f) return false;
    if (name[0] == '_') {
        skip(m, name, "an alias with a leading underscore (the implementation's name)");
        return true;
    }
    Function alias = *f;
    alias.name = name;
    alias.alias_of = target;
    alias.loc = location(m);
    alias.doc = "Another name of " + target + ".";
    seen_.insert(name);
    mod_.functions.push_back(alias);
    return true;
}

// Object-like macros: each is compiled as the initializer of a variable in a second
// translation unit and evaluated there, so that only those that are constants (integer,
// floating or string) are bound, whatever their expansion looks like.
void Reader::add_macros(const std::vector<CXCursor> &macros) {
    std::string src = includes();
    std::vector<std::pair<std::string, CXCursor>> names;
    for (CXCursor m : macros) {
        std::string name = str(clang_getCursorSpelling(m));
        if (excluded(name) || seen_.count(name)) continue;
        if (alias_macro(m, name)) continue;
        names.push_back({name, m});
        src += std::string(mod_.cxx ? "static const auto" : "static const __auto_type") + " mpb_m_" + name +
               " = (" + name + ");\n";
    }
    CXIndex index = clang_createIndex(0, 0);
    CXTranslationUnit tu = nullptr;
    parse(index, "mpbindgen_macros.c", src, "-w", CXTranslationUnit_SkipFunctionBodies, &tu);
    std::map<std::string, CXEvalResult> values;
    if (tu) {
        visit(clang_getTranslationUnitCursor(tu), [&](CXCursor c) {
            if (clang_getCursorKind(c) != CXCursor_VarDecl) return;
            std::string n = str(clang_getCursorSpelling(c));
            if (n.rfind("mpb_m_", 0) != 0) return;
            CXEvalResult r = clang_Cursor_Evaluate(c);
            if (r) values[n.substr(6)] = r;
        });
    }
    for (auto &[name, cursor] : names) {
        auto it = values.find(name);
        Constant k;
        k.name = name;
        k.loc = location(cursor);
        CXEvalResultKind kind = it == values.end() ? CXEval_UnExposed : clang_EvalResult_getKind(it->second);
        if (kind == CXEval_Int) {
            bool is_unsigned = clang_EvalResult_isUnsignedInt(it->second);
            int64_t v = is_unsigned ? static_cast<int64_t>(clang_EvalResult_getAsUnsigned(it->second))
                                    : clang_EvalResult_getAsLongLong(it->second);
            k.value =
                is_unsigned ? std::to_string(clang_EvalResult_getAsUnsigned(it->second)) : std::to_string(v);
            k.kind = fits_small_int(v) && !(is_unsigned && v < 0) ? ConstKind::Int : ConstKind::BigInt;
        } else if (kind == CXEval_Float) {
            k.kind = ConstKind::Float;
            k.value = std::to_string(clang_EvalResult_getAsDouble(it->second));
        } else if (kind == CXEval_StrLiteral) {
            k.kind = ConstKind::String;
            k.value = clang_EvalResult_getAsStr(it->second);
        } else if (auto text = string_macro(cursor)) {
            k.kind = ConstKind::String;
            k.value = *text;
        } else {
            skip(cursor, name, "macro is not an integer, floating or string constant");
            continue;
        }
        seen_.insert(name);
        k.py = name;
        mod_.constants.push_back(k);
    }
    for (auto &[n, r] : values) clang_EvalResult_dispose(r);
    if (tu) clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);
}

bool Reader::run() {
    for (auto &h : opt_.headers) {
        std::error_code ec;
        if (!std::filesystem::exists(h)) {
            std::fprintf(stderr, "%s: no such header\n", h.c_str());
            return false;
        }
        headers_.insert(std::filesystem::weakly_canonical(h, ec).string());
    }
    CXIndex index = clang_createIndex(0, 0);
    CXErrorCode err =
        parse(index, "mpbindgen_main.c", includes(), "-Wno-pragma-once-outside-header",
              CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies, &tu_);
    if (err != CXError_Success || !tu_) {
        std::fprintf(stderr, "mpbindgen: libclang could not parse the headers (error %d)\n",
                     static_cast<int>(err));
        clang_disposeIndex(index);
        return false;
    }
    bool ok = true;
    for (unsigned i = 0, n = clang_getNumDiagnostics(tu_); i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu_, i);
        CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Warning && opt_.diagnostics) {
            std::fprintf(stderr, "%s\n",
                         str(clang_formatDiagnostic(
                                 d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn))
                             .c_str());
        }
        if (sev >= CXDiagnostic_Error) ok = false;
        clang_disposeDiagnostic(d);
    }
    if (ok && mod_.cxx_api) {
        CxxReadContext ctx{
            [&](CXCursor c) { return selected(c); }, [&](const std::string &n) { return excluded(n); },
            [&](CXCursor c, const std::string &what, const std::string &why) { skip(c, what, why); }};
        read_cxx(tu_, ctx, mod_);
        std::vector<CXCursor> macros;
        visit(clang_getTranslationUnitCursor(tu_), [&](CXCursor c) {
            if (clang_getCursorKind(c) != CXCursor_MacroDefinition || !selected(c) ||
                clang_Cursor_isMacroBuiltin(c))
                return;
            if (clang_Cursor_isMacroFunctionLike(c))
                skip(c, str(clang_getCursorSpelling(c)), "function-like macro");
            else macros.push_back(c);
        });
        add_macros(macros);
    } else if (ok) {
        CXCursor root = clang_getTranslationUnitCursor(tu_);
        visit(root, [&](CXCursor c) { collect_records(c); });
        std::vector<CXCursor> macros;
        std::function<void(CXCursor)> walk = [&](CXCursor c) {
            if (!selected(c)) return;
            switch (clang_getCursorKind(c)) {
                case CXCursor_FunctionDecl:
                    add_function(c);
                    break;
                case CXCursor_StructDecl:
                case CXCursor_UnionDecl: {
                    if (!clang_isCursorDefinition(c) || clang_Cursor_isAnonymousRecordDecl(c)) break;
                    auto it = record_c_.find(record_key(clang_getCursorType(c)));
                    if (it != record_c_.end()) add_record(c, it->second);
                    visit(c, walk);  // records declared inside
                    break;
                }
                case CXCursor_TypedefDecl: {
                    CXType under = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
                    if (under.kind == CXType_Enum) {
                        CXCursor decl = clang_getTypeDeclaration(under);
                        if (unnamed(decl)) add_enum(decl, str(clang_getCursorSpelling(c)));
                    }
                    break;
                }
                case CXCursor_EnumDecl: {
                    // Anonymous enums behind a typedef are bound at the typedef.
                    bool behind_typedef = false;
                    if (unnamed(c)) {
                        std::string t = str(clang_getTypeSpelling(clang_getCursorType(c)));
                        behind_typedef = t.find("(unnamed") == std::string::npos &&
                                         t.find("(anonymous") == std::string::npos;
                    }
                    if (clang_isCursorDefinition(c) && !behind_typedef) add_enum(c, "");
                    break;
                }
                case CXCursor_MacroDefinition:
                    if (!clang_Cursor_isMacroBuiltin(c) && !clang_Cursor_isMacroFunctionLike(c))
                        macros.push_back(c);
                    else if (clang_Cursor_isMacroFunctionLike(c))
                        skip(c, str(clang_getCursorSpelling(c)), "function-like macro");
                    break;
                case CXCursor_VarDecl:
                    add_global(c);
                    break;
                case CXCursor_Namespace:
                case CXCursor_ClassDecl:
                case CXCursor_ClassTemplate:
                case CXCursor_FunctionTemplate:
                    skip(c, str(clang_getCursorSpelling(c)),
                         "C++ namespaces, classes and templates are not bound yet");
                    break;
                case CXCursor_LinkageSpec:
                case CXCursor_UnexposedDecl:  // extern "C" { ... } in older libclang
                    visit(c, walk);
                    break;
                default:
                    break;
            }
        };
        visit(root, walk);
        add_macros(macros);
    }
    clang_disposeTranslationUnit(tu_);
    clang_disposeIndex(index);
    return ok;
}

}  // namespace

bool read_headers(const Options &opt, Module &mod) {
    mod.name = opt.module;
    mod.heap_kept = opt.heap_kept;
    mod.init = opt.init;
    mod.nesting = opt.nesting;
    mod.cxx = !opt.out_thunks.empty();
    mod.cxx_api = opt.cxx_api;
    mod.headers = opt.headers;
    return Reader(opt, mod).run();
}

}  // namespace mpbindgen
