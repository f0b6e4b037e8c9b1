// C++ declarations to the model. Pass 1 finds every class (so that types resolve whatever
// the order of declaration), pass 2 reads namespaces and class members. Each C++ type is
// reduced to a Conv: how its values cross between the C module and the C++ glue.
#include "cxx_reader.h"

#include <map>
#include <set>

#include "clang_util.h"

namespace mpbindgen {
namespace {

// A declaration's name with its namespaces and classes ("geo::Circle"), inline namespaces
// left out as C++ itself lets users do.
std::string qualified_name(CXCursor c) {
    std::string q = spelling(c);
    for (CXCursor p = clang_getCursorSemanticParent(c); !clang_Cursor_isNull(p);
         p = clang_getCursorSemanticParent(p)) {
        CXCursorKind k = clang_getCursorKind(p);
        if (k == CXCursor_TranslationUnit) break;
        if (k == CXCursor_Namespace && clang_Cursor_isInlineNamespace(p)) continue;
        q = spelling(p) + "::" + q;
    }
    return q;
}

bool in_anonymous_namespace(CXCursor c) {
    for (CXCursor p = clang_getCursorSemanticParent(c); !clang_Cursor_isNull(p);
         p = clang_getCursorSemanticParent(p)) {
        if (clang_getCursorKind(p) == CXCursor_TranslationUnit) return false;
        if (clang_getCursorKind(p) == CXCursor_Namespace && spelling(p).empty()) return true;
    }
    return false;
}

std::string usr(CXCursor c) { return str(clang_getCursorUSR(clang_getCanonicalCursor(c))); }

// "vector" for std::vector<...> (std::__cxx11::basic_string too), "" for anything else.
std::string std_template(CXType canon) {
    if (canon.kind != CXType_Record) return "";
    CXCursor decl = clang_getTypeDeclaration(canon);
    CXCursor tmpl = clang_getSpecializedCursorTemplate(decl);
    if (clang_Cursor_isNull(tmpl)) return "";
    std::string q = qualified_name(tmpl);
    for (std::string inner : {"std::__cxx11::", "std::__1::"}) {
        if (q.rfind(inner, 0) == 0) q = "std::" + q.substr(inner.size());
    }
    return q.rfind("std::", 0) == 0 ? q.substr(5) : "";
}

CXType template_arg(CXType canon, unsigned i) {
    return clang_getCanonicalType(clang_Type_getTemplateArgumentAsType(canon, i));
}

// A canonical type without its const: records and enums by their declaration; builtins are
// told by kind alone (and spelled by builtin_name).
CXType bare(CXType canon) {
    if (canon.kind == CXType_Record || canon.kind == CXType_Enum)
        return clang_getCanonicalType(clang_getCursorType(clang_getTypeDeclaration(canon)));
    return canon;
}

std::string builtin_name(CXTypeKind k) {
    switch (k) {
        case CXType_Bool:
            return "bool";
        case CXType_Char_S:
        case CXType_Char_U:
            return "char";
        case CXType_SChar:
            return "signed char";
        case CXType_UChar:
            return "unsigned char";
        case CXType_Short:
            return "short";
        case CXType_UShort:
            return "unsigned short";
        case CXType_Int:
            return "int";
        case CXType_UInt:
            return "unsigned int";
        case CXType_Long:
            return "long";
        case CXType_ULong:
            return "unsigned long";
        case CXType_LongLong:
            return "long long";
        case CXType_ULongLong:
            return "unsigned long long";
        case CXType_Float:
            return "float";
        case CXType_Double:
            return "double";
        default:
            return "";
    }
}

bool is_char(CXType canon) { return canon.kind == CXType_Char_S || canon.kind == CXType_Char_U; }

const char *py_of(Kind k) {
    switch (k) {
        case Kind::Bool:
            return "bool";
        case Kind::Float:
        case Kind::Double:
            return "float";
        default:
            return "int";
    }
}

// Python names of the operators bound, by C++ spelling.
const std::map<std::string, std::string> &operator_names() {
    static const std::map<std::string, std::string> names = {
        {"operator+", "__add__"},     {"operator-", "__sub__"},     {"operator*", "__mul__"},
        {"operator/", "__truediv__"}, {"operator==", "__eq__"},     {"operator!=", "__ne__"},
        {"operator<", "__lt__"},      {"operator<=", "__le__"},     {"operator>", "__gt__"},
        {"operator>=", "__ge__"},     {"operator[]", "__getitem__"}};
    return names;
}

class CxxReader {
  public:
    CxxReader(CXTranslationUnit tu, const CxxReadContext &ctx, Module &mod) : tu_(tu), ctx_(ctx), mod_(mod) {}

    void run() {
        mod_.root = std::make_unique<Scope>();
        mod_.root->name = mod_.name;
        mod_.root->id = "root";
        CXCursor root = clang_getTranslationUnitCursor(tu_);
        visit(root, [&](CXCursor c) { collect(c, *mod_.root); });
        visit(root, [&](CXCursor c) { walk(c, *mod_.root); });
    }

  private:
    Scope &child(Scope &parent, CXCursor c, bool is_class);
    void collect(CXCursor c, Scope &scope);
    void walk(CXCursor c, Scope &scope);
    void members(CXCursor c, Scope &cls);
    void class_members(CXCursor c) {  // of a class pass 1 found
        auto it = classes_.find(usr(c));
        if (clang_isCursorDefinition(c) && it != classes_.end()) members(c, *it->second);
    }
    void add_function(CXCursor c, Scope &scope, CxxFunction::Role role);
    void add_enum(CXCursor c, Scope &scope);
    void add_constant(CXCursor c, Scope &scope);
    std::optional<CxxType> classify(CXType t, std::string &why, bool result);
    std::optional<CxxType> element(CXType canon, std::string &why);
    std::string default_text(CXCursor param);
    const Scope *bound_class(CXType canon) const {
        if (canon.kind != CXType_Record) return nullptr;
        auto it = classes_.find(usr(clang_getTypeDeclaration(canon)));
        return it == classes_.end() ? nullptr : it->second;
    }

    CXTranslationUnit tu_;
    const CxxReadContext &ctx_;
    Module &mod_;
    std::map<std::string, Scope *> classes_;  // by USR
    std::map<std::string, int> ids_;          // overload ids given so far
};

Scope &CxxReader::child(Scope &parent, CXCursor c, bool is_class) {
    std::string name = spelling(c);
    for (auto &s : parent.scopes) {
        if (s->name == name && s->is_class == is_class) return *s;  // a namespace opened again
    }
    auto s = std::make_unique<Scope>();
    s->is_class = is_class;
    s->name = name;
    s->qualified = qualified_name(c);
    s->id = c_ident(s->qualified);  // "geo::Circle" -> "geo__Circle"
    s->doc = doc_of(c);
    s->loc = location(c);
    parent.scopes.push_back(std::move(s));
    return *parent.scopes.back();
}

void CxxReader::collect(CXCursor c, Scope &scope) {
    if (!ctx_.selected(c)) return;
    CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_Namespace) {
        if (spelling(c).empty()) return;  // internal linkage: not an API
        Scope &ns = clang_Cursor_isInlineNamespace(c) ? scope : child(scope, c, false);
        visit(c, [&](CXCursor m) { collect(m, ns); });
    } else if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl) {
        visit(c, [&](CXCursor m) { collect(m, scope); });
    } else if ((k == CXCursor_ClassDecl || k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
               clang_isCursorDefinition(c) && !clang_Cursor_isAnonymous(c) && !in_anonymous_namespace(c)) {
        if (scope.is_class && clang_getCXXAccessSpecifier(c) != CX_CXXPublic) return;
        if (ctx_.excluded(qualified_name(c))) {
            ctx_.skip(c, qualified_name(c), "excluded");
            return;
        }
        if (clang_getCursorAvailability(c) != CXAvailability_Available) {
            ctx_.skip(c, qualified_name(c), "deprecated or unavailable");
            return;
        }
        Scope &cls = child(scope, c, true);
        classes_[usr(c)] = &cls;
        visit(c, [&](CXCursor m) {
            if (clang_getCursorKind(m) == CXCursor_Constructor && clang_CXXConstructor_isCopyConstructor(m) &&
                (clang_getCursorAvailability(m) != CXAvailability_Available ||
                 clang_getCXXAccessSpecifier(m) != CX_CXXPublic))
                cls.copyable = false;
            collect(m, cls);
        });
    }
}

void CxxReader::walk(CXCursor c, Scope &scope) {
    if (!ctx_.selected(c)) return;
    switch (clang_getCursorKind(c)) {
        case CXCursor_Namespace: {
            if (spelling(c).empty()) return;
            Scope *ns = &scope;
            if (!clang_Cursor_isInlineNamespace(c)) {
                for (auto &s : scope.scopes) {
                    if (!s->is_class && s->name == spelling(c)) ns = s.get();
                }
            }
            visit(c, [&](CXCursor m) { walk(m, *ns); });
            break;
        }
        case CXCursor_LinkageSpec:
        case CXCursor_UnexposedDecl:
            visit(c, [&](CXCursor m) { walk(m, scope); });
            break;
        case CXCursor_ClassDecl:
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
            class_members(c);
            break;
        case CXCursor_FunctionDecl:
            add_function(c, scope, CxxFunction::Free);
            break;
        case CXCursor_EnumDecl:
            add_enum(c, scope);
            break;
        case CXCursor_VarDecl:
            add_constant(c, scope);
            break;
        case CXCursor_ClassTemplate:
        case CXCursor_FunctionTemplate:
        case CXCursor_ClassTemplatePartialSpecialization:
            ctx_.skip(c, qualified_name(c),
                      "templates are not bound (bind an instantiation through a wrapper)");
            break;
        default:
            break;
    }
}

void CxxReader::members(CXCursor c, Scope &cls) {
    cls.abstract = clang_CXXRecord_isAbstract(c);
    bool any_ctor = false;
    visit(c, [&](CXCursor m) {
        CXCursorKind k = clang_getCursorKind(m);
        bool is_public = clang_getCXXAccessSpecifier(m) == CX_CXXPublic;
        if (k == CXCursor_CXXBaseSpecifier) {
            const Scope *base = bound_class(clang_getCanonicalType(clang_getCursorType(m)));
            if (is_public && base && !clang_isVirtualBase(m)) cls.bases.push_back(base);
            else if (is_public)
                ctx_.skip(m, cls.qualified + " : " + spelling(clang_getCursorType(m)),
                          "base class not bound");
            return;
        }
        if (k == CXCursor_Constructor) any_ctor = true;
        if (k == CXCursor_Destructor) {
            cls.deletable = is_public && clang_getCursorAvailability(m) == CXAvailability_Available;
            return;
        }
        if (!is_public) return;
        switch (k) {
            case CXCursor_Constructor:
                if (clang_CXXConstructor_isMoveConstructor(m)) return;
                if (!cls.abstract) add_function(m, cls, CxxFunction::Constructor);
                break;
            case CXCursor_CXXMethod:
                add_function(m, cls, clang_CXXMethod_isStatic(m) ? CxxFunction::Static : CxxFunction::Method);
                break;
            case CXCursor_FieldDecl: {
                CxxField f;
                f.name = spelling(m);
                std::string why;
                auto t = classify(clang_getCursorType(m), why, true);
                if (t && (t->conv == Conv::ScalarRef || t->conv == Conv::Owned || t->conv == Conv::Span)) {
                    t.reset();
                    why = "field type '" + spelling(clang_getCursorType(m)) + "' is not supported";
                }
                if (!t) {
                    ctx_.skip(m, cls.qualified + "::" + f.name, why);
                    return;
                }
                f.type = *t;
                f.read_only = clang_isConstQualifiedType(clang_getCursorType(m));
                if (clang_Cursor_isBitField(m)) f.bit_width = clang_getFieldDeclBitWidth(m);
                cls.fields.push_back(f);
                break;
            }
            case CXCursor_VarDecl:
                add_constant(m, cls);
                break;
            case CXCursor_EnumDecl:
                add_enum(m, cls);
                break;
            case CXCursor_ClassDecl:
            case CXCursor_StructDecl:
            case CXCursor_UnionDecl:
                class_members(m);
                break;
            case CXCursor_FunctionTemplate:
                ctx_.skip(m, qualified_name(m), "templates are not bound");
                break;
            default:
                break;
        }
    });
    cls.implicit_ctor = !any_ctor && !cls.abstract;
}

std::string CxxReader::default_text(CXCursor param) {
    CXToken *tokens = nullptr;
    unsigned n = 0;
    clang_tokenize(tu_, clang_getCursorExtent(param), &tokens, &n);
    std::string text;
    bool after = false;
    int depth = 0;
    for (unsigned i = 0; i < n; i++) {
        std::string t = str(clang_getTokenSpelling(tu_, tokens[i]));
        if (!after) {
            if (t == "<" || t == "(" || t == "[") depth++;
            if (t == ">" || t == ")" || t == "]") depth--;
            if (t == "=" && depth == 0) after = true;
            continue;
        }
        text += (text.empty() || t == "(" || t == ")" || text.back() == '(' || t == "::" || text.back() == ':'
                     ? ""
                     : " ") +
                t;
    }
    clang_disposeTokens(tu_, tokens, n);
    return text;
}

void CxxReader::add_function(CXCursor c, Scope &scope, CxxFunction::Role role) {
    CxxFunction f;
    f.role = role;
    f.name = spelling(c);
    f.py = f.name;
    std::string what = (scope.qualified.empty() ? "" : scope.qualified + "::") + f.name + "()";
    if (role == CxxFunction::Constructor) f.py = "__init__";
    if (ctx_.excluded(qualified_name(c))) {
        ctx_.skip(c, what, "excluded");
        return;
    }
    if (f.name.rfind("operator", 0) == 0) {
        auto it = operator_names().find(f.name);
        int arity = clang_Cursor_getNumArguments(c);
        if (role != CxxFunction::Method || it == operator_names().end() || arity != 1) {
            ctx_.skip(c, what, "this operator is not bound");
            return;
        }
        f.py = it->second;
    }
    if (clang_getCursorAvailability(c) != CXAvailability_Available) {
        ctx_.skip(c, what, "deleted, deprecated or unavailable");
        return;
    }
    CXType type = clang_getCursorType(c);
    if (clang_isFunctionTypeVariadic(type)) {
        ctx_.skip(c, what, "variadic");
        return;
    }
    std::string why;
    if (role != CxxFunction::Constructor) {
        auto r = classify(clang_getResultType(type), why, true);
        if (!r) {
            ctx_.skip(c, what, "returns " + why);
            return;
        }
        f.ret = *r;
    }
    int n = clang_Cursor_getNumArguments(c);
    for (int i = 0; i < n; i++) {
        CXCursor pc = clang_Cursor_getArgument(c, i);
        auto t = classify(clang_getCursorType(pc), why, false);
        if (!t) {
            ctx_.skip(c, what, "argument " + std::to_string(i) + ": " + why);
            return;
        }
        CxxParam p{spelling(pc), *t, default_text(pc)};
        if (p.name.empty()) p.name = "arg" + std::to_string(i);
        f.params.push_back(p);
    }
    f.doc = doc_of(c);
    f.loc = location(c);
    std::string base = scope.id + "_" + c_ident(f.py);
    f.id = base + "_" + std::to_string(ids_[base]++);
    scope.functions.push_back(std::move(f));
}

void CxxReader::add_enum(CXCursor c, Scope &scope) {
    if (!clang_isCursorDefinition(c)) return;
    Enum e;
    e.doc = doc_of(c);
    CXType it = clang_getCanonicalType(clang_getEnumDeclIntegerType(c));
    bool is_unsigned = scalar_kind(it) == Kind::UInt;
    visit(c, [&](CXCursor m) {
        if (clang_getCursorKind(m) != CXCursor_EnumConstantDecl) return;
        EnumMember em;
        em.py = spelling(m);
        em.value = is_unsigned ? static_cast<int64_t>(clang_getEnumConstantDeclUnsignedValue(m))
                               : clang_getEnumConstantDeclValue(m);
        em.c = std::to_string(em.value);
        if (!fits_small_int(em.value)) {
            ctx_.skip(m, em.py, "value does not fit a MicroPython small int");
            return;
        }
        e.members.push_back(em);
    });
    if (e.members.empty()) return;
    std::string name = spelling(c);
    bool anonymous = clang_Cursor_isAnonymous(c) || name.empty() ||
                     name.find("(unnamed") != std::string::npos ||
                     name.find("(anonymous") != std::string::npos;
    if (clang_EnumDecl_isScoped(c)) {
        e.py = name;
    } else {
        // C-style enum: the members' common prefix names it, as for C headers.
        for (auto &m : e.members) m.c = m.py;
        name_enum(e, anonymous ? "" : name);
        for (auto &m : e.members) m.c = std::to_string(m.value);
    }
    if (anonymous && e.py == "ENUM") {
        // An anonymous enum whose members share no prefix: constants of the scope.
        for (auto &m : e.members)
            scope.constants.push_back({m.py, m.py, "", ConstKind::Int, m.c, location(c)});
        return;
    }
    scope.enums.push_back(std::move(e));
}

void CxxReader::add_constant(CXCursor c, Scope &scope) {
    std::string what = qualified_name(c);
    CXType t = clang_getCursorType(c);
    if (!clang_isConstQualifiedType(t)) {
        ctx_.skip(c, what, "variables are not bound (only constants)");
        return;
    }
    CXEvalResult r = clang_Cursor_Evaluate(c);
    Constant k;
    k.name = spelling(c);
    k.loc = location(c);
    CXEvalResultKind kind = r ? clang_EvalResult_getKind(r) : CXEval_UnExposed;
    if (kind == CXEval_Int) {
        int64_t v = clang_EvalResult_isUnsignedInt(r)
                        ? static_cast<int64_t>(clang_EvalResult_getAsUnsigned(r))
                        : clang_EvalResult_getAsLongLong(r);
        k.value = std::to_string(v);
        k.kind = fits_small_int(v) ? ConstKind::Int : ConstKind::BigInt;
    } else if (kind == CXEval_Float) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", clang_EvalResult_getAsDouble(r));
        k.value = buf;
        k.kind = ConstKind::Float;
    } else if (kind == CXEval_StrLiteral) {
        k.value = clang_EvalResult_getAsStr(r);
        k.kind = ConstKind::String;
    }
    if (r) clang_EvalResult_dispose(r);
    if (k.value.empty() && kind != CXEval_StrLiteral) {
        ctx_.skip(c, what, "not a constant clang can evaluate");
        return;
    }
    if (scope.is_class && (k.kind == ConstKind::Float || k.kind == ConstKind::BigInt)) {
        ctx_.skip(c, what, "float and big integer constants are bound in namespaces only");
        return;
    }
    scope.constants.push_back(k);
}

std::optional<CxxType> CxxReader::element(CXType canon, std::string &why) {
    auto e = classify(canon, why, true);
    if (!e) return std::nullopt;
    if (e->conv != Conv::Scalar && e->conv != Conv::String && e->conv != Conv::Object) {
        why = "std::vector of '" + spelling(canon) + "' is not supported";
        return std::nullopt;
    }
    return e;
}

std::optional<CxxType> CxxReader::classify(CXType t, std::string &why, bool result) {
    CxxType r;
    CXType canon = clang_getCanonicalType(t);
    std::string spelled = spelling(t);
    auto unsupported = [&](const std::string &reason) -> std::optional<CxxType> {
        why = reason.empty() ? "type '" + spelled + "' is not supported" : reason;
        return std::nullopt;
    };
    auto scalar = [&](CXType s) {
        Kind k = scalar_kind(s);
        r.scalar = k;
        r.abi = builtin_name(s.kind);
        r.cxx = r.abi;
        r.py = py_of(k);
        if (s.kind == CXType_Enum) {
            CXType it = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(s)));
            r.scalar = scalar_kind(it);
            r.abi = builtin_name(it.kind);
            r.cxx = spelling(bare(s));
            r.py = "int";
        }
        return r.scalar != Kind::Void;
    };
    if (canon.kind == CXType_Void) return r;
    if (scalar_kind(canon) != Kind::Void) {
        r.conv = Conv::Scalar;
        if (!scalar(bare(canon))) return unsupported("");
        return r;
    }
    std::string tmpl = std_template(canon);
    if (canon.kind == CXType_Record) {
        if ((tmpl == "basic_string" || tmpl == "basic_string_view") && is_char(template_arg(canon, 0))) {
            r.conv = Conv::String;
            r.cxx = tmpl == "basic_string" ? "std::string" : "std::string_view";
            r.py = "str";
            return r;
        }
        if (tmpl == "vector") {
            auto e = element(template_arg(canon, 0), why);
            if (!e) return std::nullopt;
            r.conv = Conv::Vector;
            r.elem = std::make_shared<CxxType>(*e);
            r.cxx = "std::vector<" + e->cxx + ">";
            r.py = "list[" + e->py + "]";
            return r;
        }
        if (tmpl == "function" && !result) {
            CXType fn = template_arg(canon, 0);
            if (fn.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(fn))
                return unsupported("std::function of '" + spelling(fn) + "' is not supported");
            auto ret = classify(clang_getResultType(fn), why, true);
            if (!ret || !(ret->conv == Conv::Void || ret->conv == Conv::Scalar ||
                          (ret->conv == Conv::String && ret->cxx == "std::string")))
                return unsupported("std::function result '" + spelling(clang_getResultType(fn)) +
                                   "' (void, scalars, std::string)");
            r.conv = Conv::Function;
            r.elem = std::make_shared<CxxType>(*ret);
            r.cxx = "std::function<" + spelling(fn) + ">";
            int n = clang_getNumArgTypes(fn);
            if (n > 8) return unsupported("std::function with more than 8 arguments");
            std::string sig = "(";
            for (int i = 0; i < n; i++) {
                auto a = classify(clang_getArgType(fn, i), why, true);
                bool ok = a && (a->conv == Conv::Scalar || a->conv == Conv::String || a->conv == Conv::CStr ||
                                a->conv == Conv::ObjectRef || a->conv == Conv::ObjectPtr ||
                                (a->conv == Conv::Object && a->copied));
                if (!ok)
                    return unsupported("std::function argument '" + spelling(clang_getArgType(fn, i)) +
                                       "' is not supported");
                if (a->conv == Conv::Object) a->conv = Conv::ObjectRef;  // const T &: a view during the call
                r.fargs.push_back(*a);
                sig += (i ? ", " : "") + a->py;
            }
            r.py = "Callable[[" + sig.substr(1) + "], " +
                   (ret->conv == Conv::Void ? std::string("None") : ret->py) + "] | None";
            return r;
        }
        if (tmpl == "span") {
            CXType e = template_arg(canon, 0);
            if (!scalar(bare(e))) return unsupported("std::span of '" + spelling(e) + "' is not supported");
            r.conv = Conv::Span;
            r.is_const = clang_isConstQualifiedType(e);
            r.cxx = "std::span<" + std::string(r.is_const ? "const " : "") + r.cxx + ">";
            r.py = r.is_const ? "bytes | bytearray | memoryview | array" : "bytearray | memoryview | array";
            return r;
        }
        if (tmpl == "unique_ptr" && result) {
            const Scope *cls = bound_class(template_arg(canon, 0));
            if (!cls) return unsupported("");
            r.conv = Conv::Owned;
            r.cls = cls->qualified;
            r.py = cls->name;
            return r;
        }
        if (const Scope *cls = bound_class(canon)) {
            r.conv = Conv::Object;
            r.cls = r.cxx = cls->qualified;
            r.py = cls->name;
            return r;
        }
        return unsupported("");
    }
    if (canon.kind == CXType_LValueReference) {
        CXType pointee = clang_getCanonicalType(clang_getPointeeType(canon));
        bool is_const = clang_isConstQualifiedType(pointee);
        CXType base = bare(pointee);
        if (const Scope *cls = bound_class(base)) {
            // A const reference result is copied: a view could outlive the storage C++ keeps the
            // object in (a vector element, say) and C++ promised no writes through it anyway.
            r.conv = result && is_const && cls->copyable ? Conv::Object : Conv::ObjectRef;
            r.copied = r.conv == Conv::Object;
            r.cls = r.cxx = cls->qualified;
            r.py = cls->name;
            return r;
        }
        if (scalar_kind(base) != Kind::Void) {
            if (is_const) {
                r.conv = Conv::Scalar;
                scalar(base);
                return r;
            }
            if (result || base.kind == CXType_Enum)
                return unsupported("non-const references to scalars are arguments only");
            r.conv = Conv::ScalarRef;
            scalar(base);
            r.py = "bytearray | memoryview | array";
            return r;
        }
        if (!is_const)
            return unsupported("non-const reference '" + spelled + "' (only bound classes and scalars)");
        auto v = classify(base, why, result);
        if (v && (v->conv == Conv::String || v->conv == Conv::Vector || v->conv == Conv::Function)) return v;
        return unsupported("");
    }
    if (canon.kind == CXType_Pointer) {
        CXType pointee = clang_getCanonicalType(clang_getPointeeType(canon));
        bool is_const = clang_isConstQualifiedType(pointee);
        CXType base = bare(pointee);
        if (is_char(base) && is_const) {
            r.conv = Conv::CStr;
            r.py = "str | None";
            return r;
        }
        if (const Scope *cls = bound_class(base)) {
            r.conv = Conv::ObjectPtr;
            r.cls = cls->qualified;
            r.py = cls->name + " | None";
            return r;
        }
        if (base.kind == CXType_Record) {
            r.conv = Conv::Opaque;
            r.cxx = spelling(base);
            r.is_const = is_const;
            r.py = "Blob | None";
            return r;
        }
        if (base.kind == CXType_Void || (scalar_kind(base) != Kind::Void && base.kind != CXType_Enum)) {
            r.conv = Conv::Buffer;
            r.is_const = is_const;
            if (base.kind != CXType_Void) scalar(base);
            else r.abi = r.cxx = "void";
            r.py = "Blob | bytes | bytearray | memoryview | None";
            return r;
        }
        return unsupported("");
    }
    if (canon.kind == CXType_RValueReference) return unsupported("rvalue references are not bound");
    return unsupported("");
}

}  // namespace

void read_cxx(CXTranslationUnit tu, const CxxReadContext &ctx, Module &mod) { CxxReader(tu, ctx, mod).run(); }

}  // namespace mpbindgen
