// The module of a C++ API (--cxx), in two halves: a C file of MicroPython types, tables and
// wrappers, and a C++ file of extern "C" glue functions, one per constructor, method,
// function and field accessor, that call the C++ API. Both halves are written from one list
// of glue functions, so that their prototypes cannot disagree.
#include "cxx_writer.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "names.h"

namespace mpbindgen {
namespace {

struct Glue {
    std::string proto;  // C prototype: "double mpb_x_geo__Point_norm_0(void *self)"
    std::string body;   // C++ statements
};

bool is_object(Conv c) { return c == Conv::Object || c == Conv::ObjectRef || c == Conv::ObjectPtr; }
bool two_part(Conv c) {
    return c == Conv::String || c == Conv::Span || c == Conv::Vector;
}  // pointer and length

std::string ptr_abi(const CxxType &t) { return (t.is_const ? "const " : "") + t.abi + " *"; }

// The C declaration(s) of a value of type t crossing as an argument called `n`.
std::string abi_param(const CxxType &t, const std::string &n) {
    switch (t.conv) {
        case Conv::Scalar:
            return t.abi + " " + n;
        case Conv::CStr:
            return "const char *" + n;
        case Conv::String:
            return "const char *" + n + ", size_t " + n + "_n";
        case Conv::ScalarRef:
            return t.abi + " *" + n;
        case Conv::Buffer:
        case Conv::Span:
            return ptr_abi(t) + n + (t.conv == Conv::Span ? ", size_t " + n + "_n" : "");
        case Conv::Vector: {
            const CxxType &e = *t.elem;
            std::string p = e.conv == Conv::String   ? "const mpb_strn_t *"
                            : e.conv == Conv::Object ? "void *const *"
                                                     : "const " + e.abi + " *";
            return p + n + ", size_t " + n + "_n";
        }
        default:
            return "void *" + n;
    }
}

std::string cls_ptr(const std::string &cls, const std::string &v) {
    return "static_cast<" + cls + " *>(" + v + ")";
}

// The C++ expression for argument `n` in the glue.
std::string cxx_arg(const CxxType &t, const std::string &n) {
    switch (t.conv) {
        case Conv::Scalar:
            return t.cxx == t.abi ? n : "static_cast<" + t.cxx + ">(" + n + ")";
        case Conv::String:
            return t.cxx + "(" + n + ", " + n + "_n)";
        case Conv::Object:
        case Conv::ObjectRef:
            return "*" + cls_ptr(t.cls, n);
        case Conv::ObjectPtr:
            return cls_ptr(t.cls, n);
        case Conv::Opaque:
            return "static_cast<" + std::string(t.is_const ? "const " : "") + t.cxx + " *>(" + n + ")";
        case Conv::ScalarRef:
            return "*" + n;
        case Conv::Span:
            return t.cxx + "(" + n + ", " + n + "_n)";
        case Conv::Function:
            return "mpb_cxx_function<" + t.cxx + ">::make(" + n + ", &" + t.fsig + ")";
        case Conv::Vector: {
            const CxxType &e = *t.elem;
            if (e.conv == Conv::String) return "mpb_cxx_strings(" + n + ", " + n + "_n)";
            if (e.conv == Conv::Object) return "mpb_cxx_objects<" + e.cls + ">(" + n + ", " + n + "_n)";
            std::string p = "reinterpret_cast<const " + e.cxx + " *>(" + n + ")";
            return t.cxx + "(" + p + ", " + p + " + " + n + "_n)";
        }
        default:
            return n;
    }
}

// The C type a result crosses as.
std::string abi_result(const CxxType &t) {
    switch (t.conv) {
        case Conv::Void:
            return "void";
        case Conv::Scalar:
            return t.abi;
        case Conv::CStr:
            return "const char *";
        default:
            return "void *";
    }
}

// The glue statement that returns the C++ expression e as abi_result(t).
std::string cxx_return(const CxxType &t, const std::string &e) {
    auto as_void = [](const std::string &p) {
        return "const_cast<void *>(static_cast<const void *>(" + p + "))";
    };
    switch (t.conv) {
        case Conv::Void:
            return e + "; return;";
        case Conv::Scalar:
            return "return static_cast<" + t.abi + ">(" + e + ");";
        case Conv::CStr:
            return "return " + e + ";";
        case Conv::String:
            return "return new std::string(" + e + ");";
        case Conv::Object:
            return t.copied ? "return mpb_cxx_copy<" + t.cls + ">(" + e + ");"
                            : "return new " + t.cls + "(" + e + ");";
        case Conv::ObjectRef:
            return "return " + as_void("&(" + e + ")") + ";";
        case Conv::Owned:
            return "return " + e + ".release();";
        case Conv::Vector:
            return "return new " + t.cxx + "(" + e + ");";
        default:
            return "return " + as_void(e) + ";";
    }
}

const char *arg_kind(const CxxType &t) {
    switch (t.conv) {
        case Conv::Scalar:
            return t.scalar == Kind::Bool                                  ? "MPB_A_BOOL"
                   : (t.scalar == Kind::Float || t.scalar == Kind::Double) ? "MPB_A_FLOAT"
                                                                           : "MPB_A_INT";
        case Conv::CStr:
            return "MPB_A_CSTR";
        case Conv::String:
            return "MPB_A_STR";
        case Conv::Object:
        case Conv::ObjectRef:
            return "MPB_A_OBJECT";
        case Conv::ObjectPtr:
            return "MPB_A_OBJECT_OR_NONE";
        case Conv::ScalarRef:
        case Conv::Buffer:
        case Conv::Span:
            return "MPB_A_BUFFER";
        case Conv::Vector:
            return "MPB_A_SEQ";
        case Conv::Function:
            return "MPB_A_CALLABLE";
        default:
            return "MPB_A_ANY";
    }
}

const char *elem_kind(const CxxType &e) {
    if (e.conv == Conv::String) return "MPB_CSTR";
    if (e.conv == Conv::Object) return "MPB_OBJECT";
    switch (e.scalar) {
        case Kind::Bool:
            return "MPB_BOOL";
        case Kind::Float:
            return "MPB_FLOAT";
        case Kind::Double:
            return "MPB_DOUBLE";
        case Kind::UInt:
            return "MPB_UINT";
        default:
            return "MPB_INT";
    }
}

class CxxWriter {
  public:
    explicit CxxWriter(const Module &mod) : mod_(mod) {}
    void run();
    std::string c_text() const { return c_.str(); }
    std::string glue_text() const;

  private:
    void collect(const Scope &s);
    std::string cd(const std::string &cls) const { return "&mpb_cd_" + classes_.at(cls)->id; }
    std::string elem_init(const CxxType &e);
    std::string elem_desc(const CxxType &e);
    std::string arg_desc(const CxxType &t);
    std::string vector_desc(const CxxType &t);
    std::string function_sig(const CxxType &t);
    void function(const Scope &scope, const CxxFunction &f);
    std::string function_object(const Scope &scope, const std::vector<const CxxFunction *> &set, bool method,
                                bool always_set = false);
    void klass(const Scope &c);
    void fields(const Scope &c);
    void enumeration(const Scope &scope, const Enum &e);
    std::string constants(const Scope &scope, std::ostringstream &table);
    void ns(const Scope &s, bool root);
    std::vector<std::vector<const CxxFunction *>> overload_sets(const Scope &s, bool operators) const;

    const Module &mod_;
    std::ostringstream c_, decls_, glue_decls_;
    std::vector<Glue> glue_;
    std::map<std::string, const Scope *> classes_;  // by qualified name
    std::vector<const Scope *> class_order_;        // bases first
    std::map<std::string, std::string> descs_;      // element/vector descriptors by key -> name
    std::set<const Scope *> has_fields_;            // classes with an attr handler for fields
};

void CxxWriter::collect(const Scope &s) {
    for (auto &c : s.scopes) {
        if (c->is_class) classes_[c->qualified] = c.get();
        collect(*c);
    }
}

// The initializer of an mpb_elem_t for e.
std::string CxxWriter::elem_init(const CxxType &e) {
    std::string size = e.conv == Conv::Scalar ? "sizeof(" + e.abi + ")" : "0";
    std::string desc = e.conv == Conv::Object ? cd(e.cls) : e.conv == Conv::Scalar ? quote(e.abi) : "NULL";
    return std::string("{") + elem_kind(e) + ", " + size + ", " + desc + "}";
}

std::string CxxWriter::elem_desc(const CxxType &e) {
    std::string key = "e " + elem_init(e);
    auto it = descs_.find(key);
    if (it != descs_.end()) return it->second;
    std::string name = "mpb_ed_" + std::to_string(descs_.size());
    decls_ << "static const mpb_elem_t " << name << " = " << elem_init(e) << ";\n";
    return descs_[key] = name;
}

std::string CxxWriter::arg_desc(const CxxType &t) {
    std::string ext = "NULL";
    if (is_object(t.conv)) ext = cd(t.cls);
    if (t.conv == Conv::Vector) {
        std::string key = "a " + arg_desc(*t.elem);
        auto it = descs_.find(key);
        if (it == descs_.end()) {
            std::string name = "mpb_ad_" + std::to_string(descs_.size());
            decls_ << "static const mpb_arg_t " << name << " = " << arg_desc(*t.elem) << ";\n";
            it = descs_.emplace(key, name).first;
        }
        ext = "&" + it->second;
    }
    return std::string("{") + arg_kind(t) + ", " + ext + "}";
}

std::string CxxWriter::vector_desc(const CxxType &t) {
    std::string key = "v " + t.cxx;
    auto it = descs_.find(key);
    if (it != descs_.end()) return it->second;
    std::string id = std::to_string(descs_.size());
    std::string name = "mpb_vd_" + id, v = "(*static_cast<const " + t.cxx + " *>(v))";
    const CxxType &e = *t.elem;
    std::string store;
    if (e.conv == Conv::String)
        store = "out->p = const_cast<char *>(" + v + "[i].data()); *len = " + v + "[i].size();";
    else if (e.conv == Conv::Object) store = "MPB_TRY out->p = mpb_cxx_copy(" + v + "[i]); MPB_CATCH()";
    else if (e.scalar == Kind::Float || e.scalar == Kind::Double) store = "out->f = " + v + "[i];";
    else if (e.scalar == Kind::Int) store = "out->i = static_cast<int64_t>(" + v + "[i]);";
    else store = "out->u = static_cast<uint64_t>(" + v + "[i]);";
    glue_.push_back({"size_t mpb_x_vsize_" + id + "(const void *v)", "return " + v + ".size();"});
    glue_.push_back({"void mpb_x_vat_" + id + "(const void *v, size_t i, mpb_cval_t *out, size_t *len)",
                     "(void)len; " + store});
    glue_.push_back({"void mpb_x_vdelete_" + id + "(void *v)", "delete static_cast<" + t.cxx + " *>(v);"});
    for (size_t i = glue_.size() - 3; i < glue_.size(); i++) decls_ << glue_[i].proto << ";\n";
    decls_ << "static const mpb_vector_desc_t " << name << " = {" << elem_init(e) << ", mpb_x_vsize_" << id
           << ", mpb_x_vat_" << id << ", mpb_x_vdelete_" << id << "};\n";
    return descs_[key] = name;
}

// The mpb_cxx_sig_t of a std::function type: defined in C (it points at class descriptors),
// declared to the glue, which hands it to mpb_cxx_invoke.
std::string CxxWriter::function_sig(const CxxType &t) {
    std::string key = "f " + t.cxx;
    auto it = descs_.find(key);
    if (it != descs_.end()) return it->second;
    std::string name = "mpb_cs_" + mod_.name + "_" + std::to_string(descs_.size());
    auto elem = [&](const CxxType &e) {
        if (e.conv == Conv::Void) return std::string("{MPB_PTR, 0, NULL}");
        if (e.conv == Conv::String || e.conv == Conv::CStr) return std::string("{MPB_CSTR, 0, NULL}");
        if (is_object(e.conv)) return "{MPB_OBJECT, 0, " + cd(e.cls) + "}";
        return std::string("{") + elem_kind(e) + ", sizeof(" + e.abi + "), NULL}";
    };
    decls_ << "const mpb_cxx_sig_t " << name << " = {" << t.fargs.size() << ", " << elem(*t.elem) << ", {";
    for (size_t i = 0; i < t.fargs.size(); i++) decls_ << (i ? ", " : "") << elem(t.fargs[i]);
    decls_ << "}};\n";
    glue_decls_ << "extern const mpb_cxx_sig_t " << name << ";\n";
    return descs_[key] = name;
}

// One overload: its glue function, its wrapper and its mpb_function_t.
void CxxWriter::function(const Scope &scope, const CxxFunction &f) {
    bool method = f.role == CxxFunction::Method;
    bool ctor = f.role == CxxFunction::Constructor;
    size_t required = 0;
    // std::function parameters: the descriptor of the Python call they make (C, seen by the glue).
    std::vector<CxxParam> ps = f.params;
    for (auto &p : ps) {
        if (p.type.conv == Conv::Function) p.type.fsig = function_sig(p.type);
    }
    while (required < ps.size() && ps[required].default_text.empty()) required++;
    bool optional = required < ps.size();
    size_t self = method ? 1 : 0;  // Python arguments before the C++ ones

    // The glue.
    std::string callee = f.role == CxxFunction::Free
                             ? (scope.qualified.empty() ? "::" : scope.qualified + "::") + f.name
                         : f.role == CxxFunction::Static ? scope.qualified + "::" + f.name
                         : method                        ? cls_ptr(scope.qualified, "self") + "->" + f.name
                                                         : "new " + scope.qualified;
    CxxType ret = f.ret;
    if (ctor) ret.conv = Conv::ObjectPtr;
    std::string proto = abi_result(ret) + " mpb_x_" + f.id + "(";
    std::vector<std::string> decl;
    if (method) decl.push_back("void *self");
    for (size_t i = 0; i < ps.size(); i++) decl.push_back(abi_param(ps[i].type, "a" + std::to_string(i)));
    if (optional) decl.push_back("size_t n");
    for (size_t i = 0; i < decl.size(); i++) proto += (i ? ", " : "") + decl[i];
    proto += decl.empty() ? "void)" : ")";
    auto call = [&](size_t n) {
        std::string c = callee + "(";
        for (size_t i = 0; i < n; i++) c += (i ? ", " : "") + cxx_arg(ps[i].type, "a" + std::to_string(i));
        return c + ")";
    };
    auto ret_stmt = [&](size_t n) { return ctor ? "return " + call(n) + ";" : cxx_return(ret, call(n)); };
    std::string body;
    if (optional) {
        body = "switch (n) {\n";
        for (size_t k = required; k < ps.size(); k++)
            body += "        case " + std::to_string(k) + ": " + ret_stmt(k) + "\n";
        body += "        default: " + ret_stmt(ps.size()) + "\n    }";
    } else {
        body = ret_stmt(ps.size());
    }
    std::string fail = ret.conv == Conv::Void ? "" : "{}";
    glue_.push_back({proto, "MPB_TRY\n    " + body + "\n    MPB_CATCH(" + fail + ")"});
    decls_ << proto << ";\n";

    // The wrapper.
    std::string id = f.id, fo = "mpb_f_" + id;
    size_t n_py = ps.size() + self;
    c_ << "static mp_obj_t mpb_w_" << id
       << "(const mpb_function_t *self_fn, size_t n_args, size_t n_kw, const mp_obj_t *args) {\n"
       << "    mp_obj_t buf[" << (n_py ? n_py : 1) << "];\n"
       << "    const mp_obj_t *a = mpb_args(self_fn, n_args, n_kw, args, buf);\n";
    if (!n_py) c_ << "    (void)a;\n";
    if (optional)
        c_ << "    size_t n = (n_kw == 0 ? n_args : mpb_given(self_fn, a))" << (self ? " - 1" : "") << ";\n";
    if (method) c_ << "    void *self = mpb_to_object(a[0], " << cd(scope.qualified) << ", false);\n";
    std::string args = method ? "self" : "";
    for (size_t i = 0; i < ps.size(); i++) {
        const CxxType &t = ps[i].type;
        std::string p = "p" + std::to_string(i), ai = "a[" + std::to_string(i + self) + "]";
        std::string what = quote(f.py + "(): " + ps[i].name);
        std::string conv;
        switch (t.conv) {
            case Conv::Scalar: {
                std::string q = quote(t.abi);
                if (t.scalar == Kind::Int)
                    conv = "(" + t.abi + ")mpb_to_int(" + ai + ", MPB_SMIN(" + t.abi + "), MPB_SMAX(" +
                           t.abi + "), " + q + ")";
                else if (t.scalar == Kind::UInt)
                    conv = "(" + t.abi + ")mpb_to_uint(" + ai + ", MPB_UMAX(" + t.abi + "), " + q + ")";
                else if (t.scalar == Kind::Bool) conv = "mpb_to_bool(" + ai + ")";
                else conv = "(" + t.abi + ")mpb_to_double(" + ai + ")";
                c_ << "    " << t.abi << " " << p << " = 0;\n";
                conv = p + " = " + conv + ";";
                break;
            }
            case Conv::CStr:
                c_ << "    const char *" << p << " = NULL;\n";
                conv = p + " = mpb_to_cstr_kept(" + ai + ", self_fn, " + std::to_string(i + self) + ");";
                break;
            case Conv::String:
                c_ << "    const char *" << p << " = NULL;\n    size_t " << p << "_n = 0;\n";
                conv = p + " = mpb_to_strn(" + ai + ", &" + p + "_n);";
                break;
            case Conv::Object:
            case Conv::ObjectRef:
            case Conv::ObjectPtr:
                c_ << "    void *" << p << " = NULL;\n";
                conv = p + " = mpb_to_object(" + ai + ", " + cd(t.cls) + ", " +
                       (t.conv == Conv::ObjectPtr ? "true" : "false") + ");";
                break;
            case Conv::ScalarRef:
                c_ << "    " << t.abi << " *" << p << " = NULL;\n";
                conv = "mpb_not_none(" + ai + ", " + what + "); " + p + " = (" + t.abi + " *)mpb_to_ptr(" +
                       ai + ", sizeof(" + t.abi + "), false, " + quote(t.abi + " &") + ");";
                break;
            case Conv::Buffer:
                c_ << "    " << ptr_abi(t) << p << " = NULL;\n";
                conv = t.abi == "void"
                           ? p + " = mpb_to_void_ptr_kept(" + ai + ", self_fn, " + std::to_string(i + self) +
                                 ");"
                           : p + " = (" + ptr_abi(t) + ")mpb_to_ptr(" + ai + ", sizeof(" + t.abi + "), " +
                                 (t.is_const ? "true" : "false") + ", " + quote(ptr_abi(t)) + ");";
                break;
            case Conv::Opaque:
                c_ << "    void *" << p << " = NULL;\n";
                conv = p + " = mpb_to_ptr(" + ai + ", 0, false, " + quote(t.cxx + " *") + ");";
                break;
            case Conv::Span:
                c_ << "    " << ptr_abi(t) << p << " = NULL;\n    size_t " << p << "_n = 0;\n";
                conv = p + " = (" + ptr_abi(t) + ")mpb_to_span(" + ai + ", sizeof(" + t.abi + "), " +
                       (t.is_const ? "false" : "true") + ", &" + p + "_n, " + quote(t.abi) + ");";
                break;
            case Conv::Function:
                c_ << "    void *" << p << " = NULL;\n";
                conv = p + " = mpb_to_cxx_callable(" + ai + ");";
                break;
            case Conv::Vector: {
                std::string pt = abi_param(t, "");
                pt = pt.substr(0, pt.find(", size_t"));
                c_ << "    " << pt << p << " = NULL;\n    size_t " << p << "_n = 0;\n";
                conv =
                    p + " = (" + pt + ")mpb_to_seq(" + ai + ", &" + elem_desc(*t.elem) + ", &" + p + "_n);";
                break;
            }
            default:
                break;
        }
        if (i >= required) c_ << "    if (n > " << i << ") {\n        " << conv << "\n    }\n";
        else c_ << "    " << conv << "\n";
        args += std::string(args.empty() ? "" : ", ") + p + (two_part(t.conv) ? ", " + p + "_n" : "");
    }
    // Pointer-plus-length pairs: the length must fit the buffer given for the pointer.
    for (size_t i = 0; i + 1 < ps.size(); i++) {
        const CxxType &pt = ps[i].type, &lt = ps[i + 1].type;
        if (pt.conv == Conv::Buffer && lt.conv == Conv::Scalar &&
            (lt.scalar == Kind::Int || lt.scalar == Kind::UInt) && is_length_name(ps[i + 1].name) &&
            i + 1 < required)
            c_ << "    mpb_check_length(a[" << i + self << "], (uint64_t)p" << i + 1 << ", "
               << (pt.abi == "void" ? "1" : "sizeof(" + pt.abi + ")") << ", mpb_arg_name(self_fn, "
               << i + 1 + self << "));\n";
    }
    if (optional) args += std::string(args.empty() ? "" : ", ") + "n";
    std::string glue_call = "mpb_x_" + id + "(" + args + ")";
    if (ctor || ret.conv == Conv::Object || ret.conv == Conv::Owned) {
        std::string cls = ctor ? scope.qualified : ret.cls;
        c_ << "    mp_obj_t r = mpb_object_new(" << cd(cls) << ", NULL, true, MP_OBJ_NULL);\n"
           << "    mpb_object_set(r, " << glue_call << ");\n    mpb_cxx_check();\n";
        if (ret.conv == Conv::Owned)
            c_ << "    if (((mpb_object_t *)MP_OBJ_TO_PTR(r))->ptr == NULL) {\n        return "
                  "mp_const_none;\n    }\n";
        c_ << "    return r;\n}\n";
    } else if (ret.conv == Conv::Void) {
        c_ << "    " << glue_call << ";\n    mpb_cxx_check();\n    return mp_const_none;\n}\n";
    } else {
        c_ << "    " << abi_result(ret) << " r = " << glue_call << ";\n    mpb_cxx_check();\n    return ";
        switch (ret.conv) {
            case Conv::Scalar:
                if (ret.scalar == Kind::Int) c_ << "mpb_from_i64((int64_t)r)";
                else if (ret.scalar == Kind::UInt) c_ << "mpb_from_u64((uint64_t)r)";
                else if (ret.scalar == Kind::Bool) c_ << "mp_obj_new_bool(r)";
                else c_ << "mp_obj_new_float((mp_float_t)r)";
                break;
            case Conv::CStr:
                c_ << "mpb_from_cstr(r)";
                break;
            case Conv::String:
                c_ << "mpb_from_cxx_string(r)";
                break;
            case Conv::ObjectRef:
            case Conv::ObjectPtr:
                c_ << "mpb_object_new(" << cd(ret.cls) << ", r, false, " << (method ? "a[0]" : "MP_OBJ_NULL")
                   << ")";
                break;
            case Conv::Vector:
                c_ << "mpb_from_cxx_vector(r, &" << vector_desc(ret) << ")";
                break;
            default:
                c_ << "mpb_from_ptr(r)";
                break;
        }
        c_ << ";\n}\n";
    }

    // Its descriptor: names, what each argument takes, the annotations users see.
    std::vector<std::string> names, kinds;
    std::string types;
    if (method) {
        names.push_back("MP_QSTR_self");
        kinds.push_back("{MPB_A_OBJECT, " + cd(scope.qualified) + "}");
        types += scope.name + "\n";
    }
    for (size_t i = 0; i < ps.size(); i++) {
        names.push_back("MP_QSTR_" + ps[i].name);
        kinds.push_back(arg_desc(ps[i].type));
        types += ps[i].type.py + (ps[i].default_text.empty() ? "" : " = " + ps[i].default_text) + "\n";
    }
    types += (ctor ? std::string("") : ret.conv == Conv::Void ? std::string("None") : ret.py) + "\n";
    if (n_py) {
        c_ << "static const qstr_short_t mpb_an_" << id << "[] = {";
        for (size_t i = 0; i < names.size(); i++) c_ << (i ? ", " : "") << names[i];
        c_ << "};\nstatic const mpb_arg_t mpb_ak_" << id << "[] = {";
        for (size_t i = 0; i < kinds.size(); i++) c_ << (i ? ", " : "") << kinds[i];
        c_ << "};\n";
    }
    c_ << "static const mpb_proto_ext_t mpb_pe_" << id << " = {\"\", " << quote(types) << ", "
       << (n_py ? "mpb_ak_" + id : "NULL") << ", NULL};\n"
       << "static const mpb_proto_t mpb_p_" << id << " = {mpb_w_" << id << ", "
       << (n_py ? "mpb_an_" + id : "NULL") << ", " << n_py << ", " << ps.size() - required
       << ", 0, 0, true, {{.ext = &mpb_pe_" << id << "}}};\n"
       << "static const mpb_function_t " << fo << " = {{&"
       << (method ? "mpb_type_method" : "mpb_type_function") << "}, &mpb_p_" << id << ", NULL, MP_QSTR_"
       << f.py << ", 0};\n\n";
}

// The Python object for one name: the function itself, or an overload set.
std::string CxxWriter::function_object(const Scope &scope, const std::vector<const CxxFunction *> &set,
                                       bool method, bool always_set) {
    if (set.size() == 1 && !always_set) return "mpb_f_" + set[0]->id;
    std::string id = scope.id + "_" + c_ident(set[0]->py);
    c_ << "static const mpb_function_t *const mpb_ol_" << id << "[] = {";
    for (size_t i = 0; i < set.size(); i++) c_ << (i ? ", " : "") << "&mpb_f_" << set[i]->id;
    c_ << "};\nstatic const mpb_overloads_t mpb_o_" << id << " = {{&"
       << (method ? "mpb_type_method_overloads" : "mpb_type_overloads") << "}, "
       << quote((scope.is_class ? scope.name + "." : "") + set[0]->py) << ", " << set.size() << ", mpb_ol_"
       << id << "};\n\n";
    return "mpb_o_" + id;
}

std::vector<std::vector<const CxxFunction *>> CxxWriter::overload_sets(const Scope &s, bool operators) const {
    std::vector<std::vector<const CxxFunction *>> sets;
    for (auto &f : s.functions) {
        bool is_op = f.py.size() > 4 && f.py.rfind("__", 0) == 0 && f.role != CxxFunction::Constructor;
        if (is_op != operators) continue;
        auto it = std::find_if(sets.begin(), sets.end(), [&](auto &set) { return set[0]->py == f.py; });
        if (it == sets.end()) sets.push_back({&f});
        else it->push_back(&f);
    }
    return sets;
}

void CxxWriter::enumeration(const Scope &scope, const Enum &e) {
    std::string id = scope.id + "_" + c_ident(e.py);
    c_ << "static const mp_rom_map_elem_t mpb_el_" << id << "_table[] = {\n";
    for (auto &m : e.members) c_ << "    {MP_ROM_QSTR(MP_QSTR_" << m.py << "), MP_ROM_INT(" << m.c << ")},\n";
    c_ << "};\nstatic MP_DEFINE_CONST_DICT(mpb_el_" << id << ", mpb_el_" << id << "_table);\n"
       << "static MP_DEFINE_CONST_OBJ_TYPE(mpb_enum_" << id << ", MP_QSTR_" << e.py
       << ", MP_TYPE_FLAG_NONE, locals_dict, &mpb_el_" << id << ");\n\n";
}

// Table entries of a scope's constants; returns the name of its __getattr__ function for
// those made on first use (floats, big integers), or "".
std::string CxxWriter::constants(const Scope &scope, std::ostringstream &table) {
    std::vector<const Constant *> lazy;
    std::vector<Constant> all = scope.constants;
    if (&scope == mod_.root.get()) all.insert(all.begin(), mod_.constants.begin(), mod_.constants.end());
    for (auto &k : all) {
        std::string key = "MP_ROM_QSTR(MP_QSTR_" + k.name + ")";
        if (k.kind == ConstKind::Int) table << "    {" << key << ", MP_ROM_INT(" << k.value << ")},\n";
        if (k.kind == ConstKind::String) {
            std::string s = "mpb_s_" + scope.id + "_" + k.name;
            c_ << "static const MP_DEFINE_STR_OBJ(" << s << ", " << quote(k.value) << ");\n";
            table << "    {" << key << ", MP_ROM_PTR(&" << s << ")},\n";
        }
    }
    std::string fn = "mpb_getattr_" + scope.id;
    std::ostringstream cases;
    for (auto &k : all) {
        if (k.kind == ConstKind::Float)
            cases << "        case MP_QSTR_" << k.name << ": return mp_obj_new_float((mp_float_t)" << k.value
                  << ");\n";
        if (k.kind == ConstKind::BigInt)
            cases << "        case MP_QSTR_" << k.name << ": return mpb_from_i64(" << k.value << "LL);\n";
    }
    if (cases.str().empty()) return "";
    c_ << "static mp_obj_t " << fn << "(mp_obj_t attr) {\n    switch (mp_obj_str_get_qstr(attr)) {\n"
       << cases.str() << "        default: return MP_OBJ_NULL;\n    }\n}\nstatic MP_DEFINE_CONST_FUN_OBJ_1("
       << fn << "_obj, " << fn << ");\n";
    table << "    {MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&" << fn << "_obj)},\n";
    return fn;
}

// The attribute handler of a class's public fields (and its bases').
void CxxWriter::fields(const Scope &c) {
    bool any = !c.fields.empty();
    for (auto *b : c.bases) any = any || has_fields_.count(b);
    if (!any) return;
    has_fields_.insert(&c);
    std::string cls = c.qualified, id = c.id;
    c_ << "static bool mpb_fields_" << id
       << "(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {\n    switch (attr) {\n";
    for (auto &f : c.fields) {
        const CxxType &t = f.type;
        std::string g = "mpb_x_" + id + "_get_" + f.name, s = "mpb_x_" + id + "_set_" + f.name;
        std::string member = cls_ptr(cls, "self") + "->" + f.name;
        // Getter.
        CxxType rt = t;
        if (t.conv == Conv::Object) rt.conv = Conv::ObjectRef;  // a view: writes reach the object
        std::string get_proto = abi_result(rt) + " " + g + "(void *self)";
        glue_.push_back({get_proto, "MPB_TRY\n    " + cxx_return(rt, member) + "\n    MPB_CATCH({})"});
        decls_ << get_proto << ";\n";
        c_ << "        case MP_QSTR_" << f.name << ": {\n"
           << "            void *self = mpb_to_object(self_in, " << cd(cls) << ", false);\n"
           << "            if (dest[0] == MP_OBJ_NULL) {\n"
           << "                " << abi_result(rt) << " r = " << g
           << "(self);\n                mpb_cxx_check();\n"
           << "                dest[0] = ";
        switch (rt.conv) {
            case Conv::Scalar:
                c_ << (rt.scalar == Kind::Int    ? "mpb_from_i64((int64_t)r)"
                       : rt.scalar == Kind::UInt ? "mpb_from_u64((uint64_t)r)"
                       : rt.scalar == Kind::Bool ? "mp_obj_new_bool(r)"
                                                 : "mp_obj_new_float((mp_float_t)r)");
                break;
            case Conv::CStr:
                c_ << "mpb_from_cstr(r)";
                break;
            case Conv::String:
                c_ << "mpb_from_cxx_string(r)";
                break;
            case Conv::ObjectRef:
                c_ << "mpb_object_new(" << cd(t.cls) << ", r, false, self_in)";
                break;
            case Conv::ObjectPtr:
                c_ << "mpb_object_new(" << cd(t.cls) << ", r, false, MP_OBJ_NULL)";
                break;
            case Conv::Vector:
                c_ << "mpb_from_cxx_vector(r, &" << vector_desc(t) << ")";
                break;
            default:
                c_ << "mpb_from_ptr(r)";
                break;
        }
        c_ << ";\n            } else if (dest[1] != MP_OBJ_NULL) {\n";
        // Setter: pointers into Python memory would dangle, so those fields are read-only too.
        bool settable = !f.read_only &&
                        (t.conv == Conv::Scalar || t.conv == Conv::String || t.conv == Conv::Object ||
                         t.conv == Conv::Vector) &&
                        t.cxx != "std::string_view";
        if (!settable) {
            c_ << "                mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT(\"%s.%s is "
                  "read-only\"), "
               << quote(cls) << ", " << quote(f.name) << ");\n";
        } else {
            std::string set_proto = "void " + s + "(void *self, " + abi_param(t, "v") + ")";
            std::string assign = t.conv == Conv::String ? member + ".assign(v, v_n);"
                                 : t.conv == Conv::Object
                                     ? "mpb_cxx_assign(" + member + ", " + cxx_arg(t, "v") + ");"
                                     : member + " = " + cxx_arg(t, "v") + ";";
            glue_.push_back({set_proto, "MPB_TRY\n    " + assign + "\n    MPB_CATCH()"});
            decls_ << set_proto << ";\n";
            std::string v = "dest[1]";
            switch (t.conv) {
                case Conv::Scalar: {
                    std::string q = quote(t.abi);
                    std::string lim = t.scalar == Kind::Int
                                          ? "MPB_SMIN(" + t.abi + "), MPB_SMAX(" + t.abi + ")"
                                          : "MPB_UMAX(" + t.abi + ")";
                    if (f.bit_width >= 0 && f.bit_width < 63) {
                        int64_t w = f.bit_width;
                        lim = t.scalar == Kind::Int ? std::to_string(-(int64_t(1) << (w - 1))) + "LL, " +
                                                          std::to_string((int64_t(1) << (w - 1)) - 1) + "LL"
                                                    : std::to_string((int64_t(1) << w) - 1) + "ULL";
                    }
                    std::string conv = t.scalar == Kind::Int
                                           ? "(" + t.abi + ")mpb_to_int(" + v + ", " + lim + ", " + q + ")"
                                       : t.scalar == Kind::UInt
                                           ? "(" + t.abi + ")mpb_to_uint(" + v + ", " + lim + ", " + q + ")"
                                       : t.scalar == Kind::Bool ? "mpb_to_bool(" + v + ")"
                                                                : "(" + t.abi + ")mpb_to_double(" + v + ")";
                    c_ << "                " << s << "(self, " << conv << ");\n";
                    break;
                }
                case Conv::String:
                    c_ << "                size_t n;\n                const char *p = mpb_to_strn(" << v
                       << ", &n);\n"
                       << "                " << s << "(self, p, n);\n";
                    break;
                case Conv::Object:
                    c_ << "                " << s << "(self, mpb_to_object(" << v << ", " << cd(t.cls)
                       << ", false));\n";
                    break;
                default: {  // Vector
                    std::string pt = abi_param(t, "");
                    pt = pt.substr(0, pt.find(", size_t"));
                    c_ << "                size_t n;\n                " << pt << "p = (" << pt
                       << ")mpb_to_seq(" << v << ", &" << elem_desc(*t.elem) << ", &n);\n                "
                       << s << "(self, p, n);\n";
                    break;
                }
            }
            c_ << "                mpb_cxx_check();\n                dest[0] = MP_OBJ_NULL;\n";
        }
        c_ << "            }\n            return true;\n        }\n";
    }
    c_ << "        default:\n            break;\n    }\n";
    for (auto *b : c.bases) {
        if (has_fields_.count(b))
            c_ << "    if (mpb_fields_" << b->id << "(self_in, attr, dest)) {\n        return true;\n    }\n";
    }
    c_ << "    return false;\n}\n"
       << "static void mpb_attr_" << id << "(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {\n"
       << "    if (!mpb_fields_" << id << "(self_in, attr, dest) && dest[0] == MP_OBJ_NULL) {\n"
       << "        dest[1] = MP_OBJ_SENTINEL;  // not a field: the type's locals (methods)\n    }\n}\n";
}

void CxxWriter::klass(const Scope &c) {
    std::string id = c.id, cls = c.qualified;
    for (auto &e : c.enums) enumeration(c, e);
    for (auto &f : c.functions) function(c, f);
    fields(c);
    // Glue of the class itself: deletion, upcasts, the implicit default constructor.
    if (c.deletable) {
        glue_.push_back({"void mpb_x_" + id + "_delete(void *p)", "delete " + cls_ptr(cls, "p") + ";"});
        decls_ << glue_.back().proto << ";\n";
    }
    for (auto *b : c.bases) {
        glue_.push_back({"void *mpb_x_" + id + "_to_" + b->id + "(void *p)",
                         "return static_cast<" + b->qualified + " *>(" + cls_ptr(cls, "p") + ");"});
        decls_ << glue_.back().proto << ";\n";
    }
    if (c.implicit_ctor) {
        glue_.push_back(
            {"void *mpb_x_" + id + "_new(void)",
             "if constexpr (std::is_default_constructible_v<" + cls +
                 ">) {\n        MPB_TRY\n        return new " + cls +
                 "();\n        MPB_CATCH(nullptr)\n    } else {\n        return nullptr;\n    }"});
        decls_ << glue_.back().proto << ";\n";
    }
    // make_new: the constructors.
    auto sets = overload_sets(c, false);
    std::string make_new;
    for (auto &set : sets) {
        if (set[0]->role != CxxFunction::Constructor) continue;
        std::string obj = function_object(c, set, false);
        make_new = "mpb_mk_" + id;
        c_ << "static mp_obj_t " << make_new
           << "(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {\n"
           << "    (void)type;\n    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&" << obj
           << "), n_args, n_kw, args);\n}\n";
    }
    if (c.implicit_ctor) {
        make_new = "mpb_mk_" + id;
        c_ << "static mp_obj_t " << make_new
           << "(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {\n"
           << "    (void)type;\n    return mpb_object_make_default(&mpb_cd_" << id << ", mpb_x_" << id
           << "_new, n_args, n_kw, args);\n}\n";
    }
    // Operators.
    static const std::map<std::string, std::string> ops = {
        {"__add__", "ADD"},  {"__sub__", "SUBTRACT"}, {"__mul__", "MULTIPLY"}, {"__truediv__", "TRUE_DIVIDE"},
        {"__eq__", "EQUAL"}, {"__ne__", "NOT_EQUAL"}, {"__lt__", "LESS"},      {"__le__", "LESS_EQUAL"},
        {"__gt__", "MORE"},  {"__ge__", "MORE_EQUAL"}};
    std::string binop, subscr;
    std::ostringstream cases;
    for (auto &set : overload_sets(c, true)) {
        std::string obj = function_object(c, set, true, true);
        if (set[0]->py == "__getitem__") {
            subscr = "mpb_subscr_" + id;
            c_ << "static mp_obj_t " << subscr << "(mp_obj_t self, mp_obj_t index, mp_obj_t value) {\n"
               << "    if (value != MP_OBJ_SENTINEL) {\n        return MP_OBJ_NULL;  // only loads\n    }\n"
               << "    mp_obj_t args[2] = {self, index};\n"
               << "    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&" << obj << "), 2, 0, args);\n}\n";
        } else {
            cases << "        case MP_BINARY_OP_" << ops.at(set[0]->py) << ": return mpb_operator(&" << obj
                  << ", lhs, rhs);\n";
        }
    }
    if (!cases.str().empty()) {
        binop = "mpb_binop_" + id;
        c_ << "static mp_obj_t " << binop
           << "(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {\n    switch (op) {\n"
           << cases.str() << "        default: return MP_OBJ_NULL;\n    }\n}\n";
    }
    // Locals: methods, static methods, nested classes and enums, constants, the finaliser.
    std::ostringstream table;
    for (auto &set : sets) {
        if (set[0]->role == CxxFunction::Constructor) continue;
        bool is_static = set[0]->role == CxxFunction::Static;
        std::string obj = function_object(c, set, !is_static);
        if (is_static) {
            c_ << "static const mp_rom_obj_static_class_method_t mpb_sm_" << id << "_" << set[0]->py
               << " = {{&mp_type_staticmethod}, MP_ROM_PTR(&" << obj << ")};\n";
            obj = "mpb_sm_" + id + "_" + set[0]->py;
        }
        table << "    {MP_ROM_QSTR(MP_QSTR_" << set[0]->py << "), MP_ROM_PTR(&" << obj << ")},\n";
    }
    for (auto &s : c.scopes)
        table << "    {MP_ROM_QSTR(MP_QSTR_" << s->name << "), MP_ROM_PTR(&mpb_type_" << s->id << ")},\n";
    for (auto &e : c.enums)
        table << "    {MP_ROM_QSTR(MP_QSTR_" << e.py << "), MP_ROM_PTR(&mpb_enum_" << id << "_"
              << c_ident(e.py) << ")},\n";
    constants(c, table);
    if (c.deletable) table << "    {MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mpb_object_del_obj)},\n";
    c_ << "static const mp_rom_map_elem_t mpb_cl_" << id << "_table[] = {\n"
       << table.str() << "};\n"
       << "static MP_DEFINE_CONST_DICT(mpb_cl_" << id << ", mpb_cl_" << id << "_table);\n";
    c_ << "static MP_DEFINE_CONST_OBJ_TYPE(\n    mpb_type_" << id << ", MP_QSTR_" << c.name
       << ", MP_TYPE_FLAG_NONE,\n";
    if (!make_new.empty()) c_ << "    make_new, " << make_new << ",\n";
    if (has_fields_.count(&c)) c_ << "    attr, mpb_attr_" << id << ",\n";
    if (!binop.empty()) c_ << "    binary_op, " << binop << ",\n";
    if (!subscr.empty()) c_ << "    subscr, " << subscr << ",\n";
    if (!c.bases.empty()) c_ << "    parent, &mpb_type_" << c.bases[0]->id << ",\n";
    c_ << "    print, mpb_object_print, protocol, &mpb_cd_" << id << ", locals_dict, &mpb_cl_" << id
       << ");\n";
    if (!c.bases.empty()) {
        c_ << "static const mpb_base_t mpb_cb_" << id << "[] = {";
        for (size_t i = 0; i < c.bases.size(); i++)
            c_ << (i ? ", " : "") << "{&mpb_cd_" << c.bases[i]->id << ", mpb_x_" << id << "_to_"
               << c.bases[i]->id << "}";
        c_ << "};\n";
    }
    c_ << "static const mpb_class_desc_t mpb_cd_" << id << " = {&mpb_type_" << id << ", " << quote(cls)
       << ", " << (c.deletable ? "mpb_x_" + id + "_delete" : "NULL") << ", " << c.bases.size() << ", "
       << (c.bases.empty() ? "NULL" : "mpb_cb_" + id) << "};\n\n";
}

// A namespace: a module object (the root: the module itself).
void CxxWriter::ns(const Scope &s, bool root) {
    for (auto &c : s.scopes) {
        if (!c->is_class) ns(*c, false);
    }
    for (auto &e : s.enums) enumeration(s, e);
    for (auto &f : s.functions) function(s, f);
    std::ostringstream table;
    std::string name = root ? mod_.name : s.name;
    table << "    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_" << name << ")},\n";
    if (root) {
        table << "    {MP_ROM_QSTR(MP_QSTR_Blob), MP_ROM_PTR(&mpb_type_blob)},\n"
              << "    {MP_ROM_QSTR(MP_QSTR_C_Pointer), MP_ROM_PTR(&mpb_type_c_pointer)},\n";
    }
    for (auto &set : overload_sets(s, false))
        table << "    {MP_ROM_QSTR(MP_QSTR_" << set[0]->py << "), MP_ROM_PTR(&"
              << function_object(s, set, false) << ")},\n";
    for (auto &c : s.scopes) {
        std::string obj = c->is_class ? "mpb_type_" + c->id : "mpb_ns_" + c->id;
        table << "    {MP_ROM_QSTR(MP_QSTR_" << c->name << "), MP_ROM_PTR(&" << obj << ")},\n";
    }
    for (auto &e : s.enums)
        table << "    {MP_ROM_QSTR(MP_QSTR_" << e.py << "), MP_ROM_PTR(&mpb_enum_" << s.id << "_"
              << c_ident(e.py) << ")},\n";
    constants(s, table);
    std::string obj = root ? "mpb_module_" + mod_.name : "mpb_ns_" + s.id;
    c_ << "static const mp_rom_map_elem_t mpb_g_" << s.id << "_table[] = {\n"
       << table.str() << "};\n"
       << "static MP_DEFINE_CONST_DICT(mpb_g_" << s.id << ", mpb_g_" << s.id << "_table);\n"
       << (root ? "" : "static ") << "const mp_obj_module_t " << obj
       << " = {\n    .base = {&mp_type_module},\n"
       << "    .globals = (mp_obj_dict_t *)&mpb_g_" << s.id << ",\n};\n\n";
    if (root) c_ << "MP_REGISTER_MODULE(MP_QSTR_" << mod_.name << ", " << obj << ");\n";
}

void CxxWriter::run() {
    collect(*mod_.root);
    // Classes in an order that puts every base before the classes derived from it.
    std::set<const Scope *> done;
    std::function<void(const Scope *)> visit_class = [&](const Scope *c) {
        if (done.count(c)) return;
        done.insert(c);
        for (auto *b : c->bases) visit_class(b);
        class_order_.push_back(c);
    };
    std::function<void(const Scope &)> all = [&](const Scope &s) {
        for (auto &c : s.scopes) {
            all(*c);  // nested classes first: the enclosing class's locals name them
            if (c->is_class) visit_class(c.get());
        }
    };
    all(*mod_.root);
    std::ostringstream head;
    for (auto *c : class_order_) head << "static const mpb_class_desc_t mpb_cd_" << c->id << ";\n";
    for (auto *c : class_order_) klass(*c);
    ns(*mod_.root, true);
    std::string body = c_.str();
    c_.str("");
    c_ << "// The MicroPython module '" << mod_.name << "', generated by mpbindgen from";
    for (auto &h : mod_.headers) c_ << " " << std::filesystem::path(h).filename().string();
    c_ << " (C++: the C++ half is in its glue file). Do not edit.\n#include \"mpb.h\"\n\n"
       << head.str() << "\n// The glue (C++).\n"
       << decls_.str() << "\n"
       << body;
}

std::string CxxWriter::glue_text() const {
    std::ostringstream out;
    out << "// The C++ glue of the MicroPython module '" << mod_.name << "', generated by mpbindgen: each\n"
        << "// function is called by the module's C half and catches what C++ throws. Do not edit.\n"
        << "#include <type_traits>\n\n#include \"mpb_cxx.h\"\n";
    for (auto &h : mod_.headers)
        out << "#include \"" << std::filesystem::path(h).filename().string() << "\"\n";
    out << "\nextern \"C\" {\n\n" << glue_decls_.str() << (glue_decls_.str().empty() ? "" : "\n");
    for (auto &g : glue_) out << g.proto << " {\n    " << g.body << "\n}\n\n";
    out << "}  // extern \"C\"\n";
    return out.str();
}

}  // namespace

CxxOutput write_cxx(const Module &mod) {
    CxxWriter w(mod);
    w.run();
    return {w.c_text(), w.glue_text()};
}

}  // namespace mpbindgen
