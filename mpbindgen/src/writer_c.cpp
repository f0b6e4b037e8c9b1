#include "writer_c.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "names.h"

namespace mpbindgen {
namespace {

const char *mpb_kind(const Type &t) {
    switch (t.kind) {
        case Kind::Int:
            return "MPB_INT";
        case Kind::UInt:
            return "MPB_UINT";
        case Kind::Bool:
            return "MPB_BOOL";
        case Kind::Float:
            return "MPB_FLOAT";
        case Kind::Double:
            return "MPB_DOUBLE";
        case Kind::CStr:
            return "MPB_CSTR";
        case Kind::StructPtr:
            return "MPB_STRUCT_PTR";
        case Kind::Struct:
            return "MPB_STRUCT";
        case Kind::Array:
            return "MPB_ARRAY";
        case Kind::FuncPtr:
            return "MPB_CALLBACK";
        case Kind::Handle:
            return "MPB_HANDLE";
        default:
            return "MPB_PTR";
    }
}

// C identifiers of what is generated for a record, an object family and an object class.
std::string rid(const std::string &record_c) { return c_ident(py_name_of_record(record_c)); }
std::string sd(const std::string &record_c) { return "mpb_sd_" + rid(record_c); }
std::string fam(const std::string &c_type) { return "mpb_fam_" + c_ident(c_type); }

// The arguments after the object of mpb_to_ptr and mpb_to_ptr_extent for a pointer of type t:
// the bytes it must reach, whether it is const, its C spelling.
std::string ptr_checks(const Type &t) {
    std::string size = t.pointee.empty() ? "0"
                                         : "sizeof(" + t.pointee + ")" +
                                               (t.count > 0 ? " * " + std::to_string(t.count) : "");
    return size + ", " + (t.pointee_const ? "true" : "false") + ", " + quote(t.c);
}

// A C value of type t from the Python object `o`.
std::string to_c(const Type &t, const std::string &o) {
    switch (t.kind) {
        case Kind::Int:
            return "(" + t.c + ")mpb_to_int(" + o + ", MPB_SMIN(" + t.c + "), MPB_SMAX(" + t.c + "), " +
                   quote(t.c) + ")";
        case Kind::UInt:
            return "(" + t.c + ")mpb_to_uint(" + o + ", MPB_UMAX(" + t.c + "), " + quote(t.c) + ")";
        case Kind::Bool:
            return "mpb_to_bool(" + o + ")";
        case Kind::Float:
        case Kind::Double:
            return "(" + t.c + ")mpb_to_double(" + o + ")";
        case Kind::CStr:
            return "mpb_to_cstr(" + o + ")";
        case Kind::StructPtr:
            return "(" + t.c + ")mpb_to_struct_ptr(" + o + ", &" + sd(t.record) + ")";
        case Kind::Struct:  // a by-value const struct parameter is spelled const already
            return "*(" + std::string(t.c.rfind("const ", 0) == 0 ? "" : "const ") + t.c +
                   " *)mpb_to_struct_value(" + o + ", &" + sd(t.record) + ")";
        case Kind::Handle:
            return "(" + t.c + ")mpb_to_handle(" + o + ", &" + fam(t.record) + ")";
        default:
            return "(" + t.c + ")mpb_to_ptr(" + o + ", " + ptr_checks(t) + ")";
    }
}

// The Python object for the C value `v` of type t (an lvalue for structs).
std::string from_c(const Type &t, const std::string &v) {
    switch (t.kind) {
        case Kind::Int:
            return "mpb_from_i64((int64_t)" + v + ")";
        case Kind::UInt:
            return "mpb_from_u64((uint64_t)" + v + ")";
        case Kind::Bool:
            return "mp_obj_new_bool(" + v + ")";
        case Kind::Float:
        case Kind::Double:
            return "mp_obj_new_float((mp_float_t)" + v + ")";
        case Kind::CStr:
            return "mpb_from_cstr(" + v + ")";
        case Kind::StructPtr:
            return "mpb_from_struct_ptr(&" + sd(t.record) + ", " + v + ")";
        case Kind::Struct:
            return "mpb_struct_new(&" + sd(t.record) + ", &" + v + ")";
        case Kind::FuncPtr:
            return "mpb_from_ptr((void *)" + v + ")";
        case Kind::Handle:
            return "mpb_from_handle(&" + fam(t.record) + ", (void *)" + v + ")";
        default:
            // A char * result is text (lv_label_get_text); other pointers are Blobs.
            if (t.pointee == "char") return "mpb_from_cstr(" + v + ")";
            return (t.pointee.empty() ? "mpb_from_void_ptr((void *)" : "mpb_from_ptr(") + v + ")";
    }
}

// A declaration of `name` with type t: function pointer types put the name inside "(*)".
std::string declare(const Type &t, const std::string &name) {
    auto star = t.c.find("(*)");
    if (star != std::string::npos) return t.c.substr(0, star + 2) + name + t.c.substr(star + 2);
    return t.c + " " + name;
}

class Writer {
  public:
    explicit Writer(const Module &mod) : mod_(mod) {}
    std::string run();

  private:
    void trampoline(const CallbackSlot &s);
    void callback_desc(const CallbackSlot &s);
    void record(const Record &r);
    void enumeration(const Enum &e, const std::string &id);
    std::string methods(const std::string &owner);
    void family(const ObjFamily &f);
    void groups();
    void function(const Function &f);
    std::string wrapper_body(const Function &f, const std::string &fn_type);
    std::string proto(const Function &f);
    std::string fn_typedef(const Type &ret, const std::vector<std::string> &params, bool variadic = false);
    std::string printf_body(const Function &f, const std::string &fn_type);
    void check_enum_abi(const Type &t);
    std::string table_body(const Function &f, const std::string &fn_type);
    std::string ctype(const Type &t);
    std::string py_type(const Type &t);
    void name_pool();
    void globals();
    void exports();
    void module_table();

    const Module &mod_;
    std::ostringstream out_;
    std::map<std::string, std::string> fn_types_;  // C function type -> typedef name
    std::set<std::string> enum_checks_;            // enums whose integer type is checked
    std::map<std::string, std::string> protos_;    // prototype key -> its descriptor
    std::map<std::string, std::string> wrappers_;  // wrapper body -> its function
    std::map<std::string, std::string> ctypes_;    // ctype initializer -> its descriptor
    std::map<std::string, std::string> names_;     // argument name lists
};

void Writer::trampoline(const CallbackSlot &s) {
    const Signature &sig = *s.sig;
    out_ << "static " << sig.ret.c << " mpb_t_" << s.id << "(";
    for (size_t i = 0; i < sig.params.size(); i++)
        out_ << (i ? ", " : "") << sig.params[i].type.c << " a" << i;
    if (sig.params.empty()) out_ << "void";
    out_ << ") {\n";
    size_t n = sig.params.size();
    std::string a = "a" + std::to_string(s.ctx_arg);
    std::string ctx = "NULL";
    if (s.ctx == Context::UserData) ctx = a + " ? " + a + "->user_data : NULL";
    else if (s.ctx == Context::Field) ctx = a + " ? " + a + "->" + s.ctx_field + " : NULL";
    else if (s.ctx == Context::VoidArg) ctx = "(void *)" + a;
    if (s.mode == Mode::Plain) {
        // Called at once: the arguments are converted here, inline, and the result too.
        const Type &rt = sig.ret;
        std::string none = rt.kind == Kind::Void ? "return;" : "return (" + rt.c + ")0;";
        out_ << "    mp_obj_t user;\n    mp_obj_t f = mpb_callback_find(&mpb_cbd_" << s.id << ", " << ctx
             << ", &user);\n"
             << "    if (f == MP_OBJ_NULL) {\n        " << none << "\n    }\n"
             << "    mp_obj_t args[" << (n ? n : 1) << "] = {";
        for (size_t i = 0; i < n; i++) {
            bool is_user = s.ctx == Context::VoidArg && static_cast<int>(i) == s.ctx_arg;
            out_ << (i ? ", " : "")
                 << (is_user ? "user" : from_c(sig.params[i].type, "a" + std::to_string(i)));
        }
        out_ << "};\n    " << (rt.kind == Kind::Void ? "" : "mp_obj_t r = ") << "mp_call_function_n_kw(f, "
             << n << ", 0, args);\n";
        if (s.ctx != Context::VoidArg) out_ << "    (void)user;\n";
        switch (rt.kind) {
            case Kind::Void:
                break;
            case Kind::Int:
            case Kind::UInt:
            case Kind::Float:
            case Kind::Double:
                out_ << "    return " << to_c(rt, "r") << ";\n";
                break;
            case Kind::Bool:
                out_ << "    return mp_obj_is_true(r);\n";
                break;
            default:
                out_ << "    return (" << rt.c << ")mpb_callback_result(&mpb_cbd_" << s.id << ", r).p;\n";
                break;
        }
        out_ << "}\n\n";
        return;
    }
    out_ << "    mpb_cval_t v[" << (n ? n : 1) << "] = {{0}};\n";
    for (size_t i = 0; i < n; i++) {
        const Type &t = sig.params[i].type;
        switch (t.kind) {
            case Kind::Int:
                out_ << "    v[" << i << "].i = a" << i << ";\n";
                break;
            case Kind::UInt:
            case Kind::Bool:
                out_ << "    v[" << i << "].u = a" << i << ";\n";
                break;
            case Kind::Float:
            case Kind::Double:
                out_ << "    v[" << i << "].f = (double)a" << i << ";\n";
                break;
            default:
                out_ << "    v[" << i << "].p = (void *)a" << i << ";\n";
                break;
        }
    }
    out_ << "    " << (sig.ret.kind == Kind::Void ? "" : "mpb_cval_t r = ") << "mpb_callback_call(&mpb_cbd_"
         << s.id << ", " << ctx << ", v);\n";
    switch (sig.ret.kind) {
        case Kind::Void:
            break;
        case Kind::Int:
            out_ << "    return (" << sig.ret.c << ")r.i;\n";
            break;
        case Kind::UInt:
            out_ << "    return (" << sig.ret.c << ")r.u;\n";
            break;
        case Kind::Bool:
            out_ << "    return r.u != 0;\n";
            break;
        case Kind::Float:
        case Kind::Double:
            out_ << "    return (" << sig.ret.c << ")r.f;\n";
            break;
        default:
            out_ << "    return (" << sig.ret.c << ")r.p;\n";
            break;
    }
    out_ << "}\n\n";
}

void Writer::callback_desc(const CallbackSlot &s) {
    static const char *modes[] = {"MPB_CB_PLAIN", "MPB_CB_HARD", "MPB_CB_SCHEDULED", "MPB_CB_CAUGHT"};
    static const char *ctxs[] = {"MPB_CTX_NONE", "MPB_CTX_USER_DATA", "MPB_CTX_VOID_ARG", "MPB_CTX_FIELD"};
    const Signature &sig = *s.sig;
    auto arg = [&](const Type &t) {
        std::string d = t.kind == Kind::StructPtr ? "&" + sd(t.record)
                        : t.kind == Kind::Handle  ? "&" + fam(t.record)
                                                  : "NULL";
        std::string size = t.kind == Kind::Void ? "0" : "sizeof(" + t.c + ")";
        bool any_object = t.kind == Kind::Ptr && (t.canon == "void *" || t.canon == "const void *");
        return std::string("{") + mpb_kind(t) + ", " + size + ", " + (any_object ? "true" : "false") + ", " +
               d + "}";
    };
    if (s.trampoline && !sig.params.empty()) {
        out_ << "static const mpb_cb_arg_t mpb_cba_" << s.id << "[] = {";
        for (size_t i = 0; i < sig.params.size(); i++) out_ << (i ? ", " : "") << arg(sig.params[i].type);
        out_ << "};\n";
    }
    out_ << "static const mpb_callback_desc_t mpb_cbd_" << s.id << " = {\n"
         << "    .name = " << quote(s.name) << ",\n"
         << "    .c_type = " << quote(sig.c_type) << ",\n"
         << "    .key = MP_QSTR_" << s.key << ",\n"
         << "    .mode = " << modes[static_cast<int>(s.mode)] << ",\n"
         << "    .ctx = " << ctxs[s.trampoline ? static_cast<int>(s.ctx) : 0] << ",\n"
         << "    .ctx_arg = " << s.ctx_arg << ",\n";
    if (s.ctx == Context::UserData)
        out_ << "    .ctx_offset = offsetof(" << s.ctx_struct << ", user_data),\n";
    if (s.trampoline) {
        out_ << "    .n_args = " << sig.params.size() << ",\n";
        out_ << "    .ret = " << arg(sig.ret) << ",\n";
        if (!sig.params.empty()) out_ << "    .args = mpb_cba_" << s.id << ",\n";
        out_ << "    .trampoline = (void (*)(void))mpb_t_" << s.id << ",\n";
    }
    out_ << "};\n\n";
}

void Writer::record(const Record &r) {
    std::string id = rid(r.c);
    // The struct's bitfields: one accessor for all, a descriptor each.
    std::vector<const Field *> bits;
    for (auto &f : r.fields)
        if (f.bit_width >= 0) bits.push_back(&f);
    if (!bits.empty()) {
        out_ << "static int64_t mpb_bfa_" << id << "(void *d, unsigned field, bool set, int64_t v) {\n"
             << "    " << r.c << " *s = d;\n    switch (field) {\n";
        for (size_t i = 0; i < bits.size(); i++)
            out_ << "        case " << i << ": if (set) s->" << bits[i]->name << " = (" << bits[i]->type.c
                 << ")v; return s->" << bits[i]->name << ";\n";
        out_ << "        default: return 0;\n    }\n}\n";
        for (size_t i = 0; i < bits.size(); i++)
            out_ << "static const mpb_bitfield_t mpb_bf_" << id << "_" << bits[i]->name << " = {mpb_bfa_"
                 << id << ", " << i << ", " << bits[i]->bit_width << ", "
                 << (bits[i]->bit_signed ? "true" : "false") << "};\n";
    }
    if (!r.fields.empty()) {
        out_ << "static const mpb_field_t mpb_fl_" << id << "[] = {\n";
        for (auto &f : r.fields) {
            std::string member = "((" + r.c + " *)0)->" + f.name;
            out_ << "    {MP_QSTR_" << f.name << ", ";
            if (f.bit_width >= 0) {
                out_ << "0, {0}, MPB_BITFIELD, 0, &mpb_bf_" << id << "_" << f.name << "},\n";
                continue;
            }
            out_ << "offsetof(" << r.c << ", " << f.name << "), ";
            std::string ext = "NULL";
            if (f.type.kind == Kind::Struct || f.type.kind == Kind::StructPtr ||
                f.type.kind == Kind::StructArray)
                ext = "&" + sd(f.type.record);
            if (f.type.kind == Kind::FuncPtr)
                ext = "&mpb_cbd_" + mod_.slot(py_name_of_record(r.c) + "." + f.name)->id;
            if (f.type.kind == Kind::Handle) ext = "&" + fam(f.type.record);
            if (f.type.kind == Kind::StructArray) {
                out_ << "{" << f.type.count << "}, MPB_STRUCT_ARRAY, 0, " << ext << "},\n";
            } else if (f.type.kind == Kind::Array) {
                out_ << "{" << f.type.count << "}, MPB_ARRAY, '" << f.type.typecode << "', NULL},\n";
            } else {
                out_ << "{sizeof(" << member << ")}, " << mpb_kind(f.type) << ", 0, " << ext << "},\n";
            }
        }
        out_ << "};\n";
    }
    out_ << "static const mp_rom_map_elem_t mpb_sl_" << id << "_table[] = {\n"
         << "    {MP_ROM_QSTR(MP_QSTR___SIZE__), MP_ROM_INT(sizeof(" << r.c << "))},\n"
         << "    {MP_ROM_QSTR(MP_QSTR___cast__), MP_ROM_PTR(&mpb_struct_cast_obj)},\n"
         << "    {MP_ROM_QSTR(MP_QSTR___cast_instance__), MP_ROM_PTR(&mpb_struct_cast_instance_obj)},\n"
         << "    {MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&mpb_struct_dereference_obj)},\n"
         << methods(r.py) << "};\n"
         << "static MP_DEFINE_CONST_DICT(mpb_sl_" << id << ", mpb_sl_" << id << "_table);\n"
         << "static MP_DEFINE_CONST_OBJ_TYPE(\n    mpb_type_" << id << ", MP_QSTR_" << r.py
         << ", MP_TYPE_FLAG_NONE,\n"
         << "    make_new, mpb_struct_make_new, print, mpb_struct_print, attr, mpb_struct_attr,\n"
         << "    binary_op, mpb_struct_binary_op,\n"
         << "    buffer, mpb_struct_get_buffer, protocol, &mpb_sd_" << id << ", locals_dict, &mpb_sl_" << id
         << ");\n"
         << "static const mpb_struct_desc_t mpb_sd_" << id << " = {&mpb_type_" << id << ", " << quote(r.c)
         << ", sizeof(" << r.c << "), " << r.fields.size() << ", "
         << (r.fields.empty() ? "NULL" : "mpb_fl_" + id) << "};\n\n";
}

void Writer::enumeration(const Enum &e, const std::string &id) {
    out_ << "static const mp_rom_map_elem_t mpb_el_" << id << "_table[] = {\n";
    for (auto &m : e.members)
        out_ << "    {MP_ROM_QSTR(MP_QSTR_" << m.py << "), MP_ROM_INT(" << m.c << ")},\n";
    out_ << "};\n"
         << "static MP_DEFINE_CONST_DICT(mpb_el_" << id << ", mpb_el_" << id << "_table);\n"
         << "static MP_DEFINE_CONST_OBJ_TYPE(mpb_enum_" << id << ", MP_QSTR_" << e.py
         << ", MP_TYPE_FLAG_NONE, locals_dict, &mpb_el_" << id << ");\n\n";
}

// The body of f's wrapper, written in terms of `self` (the function object) so that every
// function of the same prototype shares it: the C function is called through self->cfun.
std::string Writer::wrapper_body(const Function &f, const std::string &fn_type) {
    std::ostringstream out;
    const auto &params = f.sig.params;
    size_t n = params.size();
    // A pointer followed by its length (a pointer-plus-length pair).
    auto length_follows = [&](size_t i) {
        if (i + 1 >= n || params[i].type.kind != Kind::Ptr) return false;
        Kind lk = params[i + 1].type.kind;
        return (lk == Kind::Int || lk == Kind::UInt) && is_length_name(params[i + 1].name);
    };
    out << "    mp_obj_t buf[" << (n ? n : 1) << "];\n"
        << "    const mp_obj_t *a = mpb_args(self, n_args, n_kw, args, buf);\n";
    if (n == 0) out << "    (void)a;\n";
    for (size_t i = 0; i < n; i++) {
        if (!params[i].nullable) out << "    mpb_not_none_arg(a[" << i << "], self, " << i << ");\n";
    }
    // The user data of a callback registration is converted together with the callback(s).
    std::vector<bool> done(n, false);
    std::vector<int> shared(n, 0), first_of(n, -1), last_of(n, -1);
    for (size_t i = 0; i < n; i++) {
        if (params[i].type.kind != Kind::FuncPtr) continue;
        const CallbackSlot *s = mod_.slot(f.name + "." + params[i].name);
        if (!s->trampoline || s->fn_user_param < 0) continue;
        int u = s->fn_user_param;
        done[u] = true;
        shared[u]++;
        if (first_of[u] < 0) first_of[u] = static_cast<int>(i);
        last_of[u] = static_cast<int>(i);
    }
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        const Type &t = params[i].type;
        std::string ai = "a[" + std::to_string(i) + "]";
        if (t.kind == Kind::CStr) {
            out << "    " << t.c << " p" << i << " = mpb_to_cstr_kept(" << ai << ", self, " << i << ");\n";
            continue;
        }
        if (t.kind == Kind::Ptr && t.pointee.empty()) {
            out << "    " << t.c << " p" << i << " = mpb_to_void_ptr_kept(" << ai << ", self, " << i
                << ");\n";
            continue;
        }
        if (t.kind == Kind::Ptr && length_follows(i)) {
            // One buffer lookup for the pointer and the length check after it.
            out << "    size_t e" << i << ";\n    " << t.c << " p" << i << " = (" << t.c
                << ")mpb_to_ptr_extent(" << ai << ", " << ptr_checks(t) << ", &e" << i << ");\n";
            continue;
        }
        if (t.kind != Kind::FuncPtr) {
            out << "    " << t.c << " p" << i << " = " << to_c(t, ai) << ";\n";
            continue;
        }
        const CallbackSlot *s = mod_.slot(f.name + "." + params[i].name);
        std::string cbd = "&mpb_cbd_" + s->id;
        if (s->trampoline && s->fn_user_param >= 0) {
            int u = s->fn_user_param;
            std::string handle = "MP_OBJ_NULL";
            for (size_t j = 0; j < n; j++) {
                Kind k = params[j].type.kind;
                if (static_cast<int>(j) != u && j != i &&
                    (k == Kind::Ptr || k == Kind::StructPtr || k == Kind::Handle)) {
                    handle = "a[" + std::to_string(j) + "]";
                    break;
                }
            }
            std::string pin = mod_.heap_kept ? "MP_OBJ_NULL" : "mpb_pin_key(" + cbd + ", " + handle + ")";
            if (!mod_.heap_kept && !s->fn_key_params.empty()) {
                // Registrations told apart by the config's key= arguments, by value.
                pin = "mpb_pin_key_n(" + cbd + ", " + std::to_string(s->fn_key_params.size());
                for (int k : s->fn_key_params) pin += ", a[" + std::to_string(k) + "]";
                pin += ")";
            }
            std::string au = "a[" + std::to_string(u) + "]", pu = "p" + std::to_string(u);
            if (shared[u] > 1) {
                // Several callbacks share one user data (a tree walk's three): it carries a dict of
                // their records, one per slot.
                if (first_of[u] == static_cast<int>(i)) out << "    mp_obj_t c" << u << " = MP_OBJ_NULL;\n";
                out << "    " << declare(t, "p" + std::to_string(i)) << ";\n"
                    << "    if (mpb_is_python_callable(" << ai << ")) {\n"
                    << "        p" << i << " = (" << t.c << ")mpb_t_" << s->id << ";\n"
                    << "        c" << u << " = mpb_callback_add(c" << u << ", " << cbd << ", " << ai << ", "
                    << au << ");\n"
                    << "    } else {\n"
                    << "        p" << i << " = (" << t.c << ")mpb_to_callback(" << ai << ", " << cbd
                    << ", MP_OBJ_NULL);\n"
                    << "    }\n";
                if (last_of[u] == static_cast<int>(i))  // the records, or the user data as C gets it
                    out << "    void *" << pu << " = c" << u << " != MP_OBJ_NULL ? mpb_callback_contexts(c"
                        << u << ", " << pin << ") : mpb_to_void_ptr_kept(" << au << ", self, " << u << ");\n";
                continue;
            }
            // declared up front, since the user pointer may come before the callback
            out << "    " << declare(t, "p" + std::to_string(i)) << ";\n"
                << "    void *" << pu << ";\n"
                << "    if (mpb_is_python_callable(" << ai << ")) {\n"
                << "        p" << i << " = (" << t.c << ")mpb_t_" << s->id << ";\n"
                << "        " << pu << " = mpb_callback_context(" << cbd << ", " << ai << ", " << au << ", "
                << pin << ");\n"
                << "    } else {\n"
                << "        p" << i << " = (" << t.c << ")mpb_to_callback(" << ai << ", " << cbd
                << ", MP_OBJ_NULL);\n"
                << "        " << pu << " = mpb_to_void_ptr_kept(" << au << ", self, " << u << ");\n"
                << "    }\n";
        } else {
            std::string ctx = s->ctx == Context::UserData && s->fn_ctx_param >= 0
                                  ? "a[" + std::to_string(s->fn_ctx_param) + "]"
                                  : "MP_OBJ_NULL";
            out << "    " << declare(t, "p" + std::to_string(i)) << " = (" << t.c << ")mpb_to_callback(" << ai
                << ", " << cbd << ", " << ctx << ");\n";
        }
    }
    // Pointer-plus-length pairs: the length must fit the buffer given for the pointer.
    for (size_t i = 0; i + 1 < n; i++) {
        if (!length_follows(i)) continue;
        std::string name = "mpb_arg_name(self, " + std::to_string(i + 1) + ")";
        if (params[i].type.pointee.empty()) {
            out << "    mpb_check_length(a[" << i << "], (uint64_t)p" << i + 1 << ", 1, " << name << ");\n";
        } else {
            out << "    mpb_check_extent(e" << i << ", (uint64_t)p" << i + 1 << ", sizeof("
                << params[i].type.pointee << "), " << name << ");\n";
        }
    }
    std::string call = "((" + fn_type + " *)self->cfun)(";
    for (size_t i = 0; i < n; i++) call += (i ? ", p" : "p") + std::to_string(i);
    call += ")";
    if (f.sig.ret.kind == Kind::Void) {
        out << "    " << call << ";\n    return mp_const_none;\n";
    } else {
        out << "    " << f.sig.ret.c << " r = " << call << ";\n    return " << from_c(f.sig.ret, "r")
            << ";\n";
    }
    return out.str();
}

// The prototype a function shares with others of the same C type and conversions: a
// wrapper and its descriptor, written once.
// The annotation of a type as Python sees it (records under their Python names).
std::string Writer::py_type(const Type &t) {
    const Record *r = t.kind == Kind::Struct || t.kind == Kind::StructPtr ? mod_.record(t.record) : nullptr;
    switch (t.kind) {
        case Kind::Void:
            return "None";
        case Kind::Struct:
            return r ? r->py : t.py;
        case Kind::StructPtr:
            return (t.array ? "Sequence[" + (r ? r->py : t.py) + "]" : r ? r->py : t.py) + " | None";
        case Kind::Handle:
            return t.py;
        case Kind::FuncPtr:
            return "Callable | None";
        case Kind::Ptr:
            return t.pointee == "char" ? "str | Blob" : t.array ? t.py : "Blob | None";
        default:
            return t.py;
    }
}

// The descriptor of a C type, written once per type the module's functions have.
std::string Writer::ctype(const Type &t) {
    std::string kind = t.kind == Kind::Void                   ? "MPB_PTR"
                       : t.array && t.kind == Kind::StructPtr ? "MPB_STRUCT_ARRAY"
                       : t.array                              ? "MPB_ARRAY"
                                                              : mpb_kind(t);
    std::string size =
        t.kind == Kind::Int || t.kind == Kind::UInt || t.kind == Kind::Float || t.kind == Kind::Double
            ? "sizeof(" + t.c + ")"
            : "0";
    std::string pointee =
        t.kind == Kind::Ptr && !t.pointee.empty()
            ? "sizeof(" + t.pointee + ")" + (t.count > 0 ? " * " + std::to_string(t.count) : "")
        : t.array ? "sizeof(" + t.record + ")"
                  : "0";
    std::string ext = t.kind == Kind::Struct || t.kind == Kind::StructPtr ? "&" + sd(t.record)
                      : t.kind == Kind::Handle                            ? "&" + fam(t.record)
                                                                          : "NULL";
    std::string canon = t.kind == Kind::Void ? "void" : t.canon;
    std::string init = "{" + kind + ", " + size + ", " + (t.pointee_const ? "true" : "false") + ", " +
                       (t.wraps ? "true" : "false") + ", " +
                       (t.typecode ? std::string("'") + t.typecode + "'" : "0") + ", " + pointee + ", " +
                       quote(t.kind == Kind::Void ? "void" : t.c) + ", " + quote(canon) + ", " +
                       quote(py_type(t)) + ", " + ext + "}";
    auto it = ctypes_.find(init);
    if (it != ctypes_.end()) return it->second;
    std::string id = "mpb_ct_" + std::to_string(ctypes_.size());
    out_ << "static const mpb_ctype_t " << id << " = " << init << ";\n";
    return ctypes_[init] = id;
}

// A function's arguments converted by its prototype's ctypes (mpb_convert_args): its wrapper
// is only the C call. Functions that register callbacks convert in their own wrappers.
static bool table_driven(const Function &f) {
    if (f.sig.params.size() > 12 || f.sig.printf) return false;  // MPB_MAX_ARGS
    for (auto &p : f.sig.params) {
        if (p.type.kind == Kind::FuncPtr || p.type.kind == Kind::Array || p.type.kind == Kind::StructArray)
            return false;
    }
    return true;
}

// The type an argument or result passes as in a table-driven wrapper: what the ABI sees.
// Every data pointer alike, scalars by their builtin type (an enum by its integer type, which
// the module checks at compile time), so that functions that differ only in pointer, typedef
// or enum names (lv_obj_set_x, lv_display_set_x...) share one wrapper. Structs by value keep
// their own type.
static std::string abi_type(const Type &t) {
    switch (t.kind) {
        case Kind::Int:
        case Kind::UInt:
        case Kind::Bool:
        case Kind::Float:
        case Kind::Double:
            return t.builtin.empty() ? t.c : t.builtin;
        case Kind::Ptr:
        case Kind::CStr:
        case Kind::StructPtr:
        case Kind::Handle:
            return "void *";
        default:
            return t.c;
    }
}

// A result converted with what the prototype's ctypes[0] says (its struct or family), so that
// the wrapper does not name them.
static std::string from_c_table(const Type &t, const std::string &v) {
    const std::string ext = "mpb_proto_ctype(self->proto, 0)->ext";
    switch (t.kind) {
        case Kind::StructPtr:
            return "mpb_from_struct_ptr(" + ext + ", " + v + ")";
        case Kind::Struct:
            return "mpb_struct_new(" + ext + ", &" + v + ")";
        case Kind::Handle:
            return "mpb_from_handle(" + ext + ", " + v + ")";
        default:
            return from_c(t, v);
    }
}

std::string Writer::table_body(const Function &f, const std::string &fn_type) {
    const auto &params = f.sig.params;
    size_t n = params.size();
    std::ostringstream out;
    out << "    mpb_cval_t v[" << (n ? n : 1) << "];\n    mpb_convert_args(self, n_args, n_kw, args, v);\n";
    std::string call = "((" + fn_type + " *)self->cfun)(";
    for (size_t i = 0; i < n; i++) {
        const Type &t = params[i].type;
        std::string v = "v[" + std::to_string(i) + "]";
        std::string arg;
        switch (t.kind) {
            case Kind::Int:
                arg = "(" + abi_type(t) + ")" + v + ".i";
                break;
            case Kind::UInt:
            case Kind::Bool:
                arg = "(" + abi_type(t) + ")" + v + ".u";
                break;
            case Kind::Float:
            case Kind::Double:
                arg = "(" + abi_type(t) + ")" + v + ".f";
                break;
            case Kind::Struct:
                arg =
                    "*(" + std::string(t.c.rfind("const ", 0) == 0 ? "" : "const ") + t.c + " *)" + v + ".p";
                break;
            default:
                arg = v + ".p";
                break;
        }
        call += (i ? ", " : "") + arg;
    }
    call += ")";
    if (f.sig.ret.kind == Kind::Void) {
        out << "    " << call << ";\n    return mp_const_none;\n";
    } else {
        out << "    " << abi_type(f.sig.ret) << " r = " << call << ";\n    return "
            << from_c_table(f.sig.ret, "r") << ";\n";
    }
    return out.str();
}

// An enum passed as its integer type: the compiler that builds the module must agree with the
// one that read the headers (-fshort-enums would not), or the module does not compile.
void Writer::check_enum_abi(const Type &t) {
    if (t.builtin.empty() || t.canon == t.builtin || !enum_checks_.insert(t.c).second) return;
    out_ << "_Static_assert(sizeof(" << t.c << ") == sizeof(" << t.builtin << ") && (long long)(" << t.c
         << ")-1 == (long long)(" << t.builtin << ")-1, \"" << t.c << " passes as " << t.builtin << "\");\n";
}

// A C function type as a typedef, written once: "typedef int mpb_pt_N(int, int);".
std::string Writer::fn_typedef(const Type &ret, const std::vector<std::string> &params, bool variadic) {
    std::string key = ret.c + "(";
    for (auto &p : params) key += p + ",";
    if (variadic) key += "...";
    auto it = fn_types_.find(key);
    if (it != fn_types_.end()) return it->second;
    std::string fn_type = "mpb_pt_" + std::to_string(fn_types_.size());
    fn_types_[key] = fn_type;
    std::string r = ret.c;
    if (ret.kind == Kind::FuncPtr) {  // a function returning a function pointer
        out_ << "typedef " << declare(ret, fn_type + "_r") << ";\n";
        r = fn_type + "_r";
    }
    out_ << "typedef " << r << " " << fn_type << "(";
    for (size_t i = 0; i < params.size(); i++) out_ << (i ? ", " : "") << params[i];
    out_ << (params.empty() ? "void" : "") << (variadic ? ", ..." : "") << ");\n";
    return fn_type;
}

// A printf-like function: its fixed arguments, then any number of values that Python's %
// formats into the format (the last fixed argument); C gets the text with the format "%s",
// so that no value reaches C's varargs unchecked.
std::string Writer::printf_body(const Function &f, const std::string &fn_type) {
    std::ostringstream out;
    const auto &params = f.sig.params;
    const size_t n = params.size();
    out << "    const char *text = mpb_printf_text(self, n_args, n_kw, args, " << n << ");\n";
    std::string call = "((" + fn_type + " *)self->cfun)(";
    for (size_t i = 0; i + 1 < n; i++) {
        const Type &t = params[i].type;
        std::string ai = "args[" + std::to_string(i) + "]";
        out << "    " << t.c << " p" << i << " = "
            << (t.kind == Kind::CStr ? "mpb_to_cstr_kept(" + ai + ", self, " + std::to_string(i) + ")"
                                     : to_c(t, ai))
            << ";\n";
        call += "p" + std::to_string(i) + ", ";
    }
    call += "\"%s\", text)";
    if (f.sig.ret.kind == Kind::Void) {
        out << "    " << call << ";\n    return mp_const_none;\n";
    } else {
        out << "    " << f.sig.ret.c << " r = " << call << ";\n    return " << from_c(f.sig.ret, "r")
            << ";\n";
    }
    return out.str();
}

std::string Writer::proto(const Function &f) {
    // The C function type the wrapper calls through: the ABI's for table-driven wrappers.
    bool table = table_driven(f);
    std::vector<std::string> param_types;
    for (auto &p : f.sig.params) param_types.push_back(table ? abi_type(p.type) : p.type.c);
    Type ret = f.sig.ret;
    if (table) {
        ret.c = abi_type(ret);
        for (auto &p : f.sig.params) check_enum_abi(p.type);
        check_enum_abi(f.sig.ret);
    }
    std::string fn_type = fn_typedef(ret, param_types, f.sig.printf);
    // The wrapper, shared by every prototype with the same C call.
    std::string body = f.sig.printf ? printf_body(f, fn_type)
                       : table      ? table_body(f, fn_type)
                                    : wrapper_body(f, fn_type);
    auto w = wrappers_.find(body);
    std::string wrapper;
    if (w != wrappers_.end()) {
        wrapper = w->second;
    } else {
        wrapper = "mpb_w_" + std::to_string(wrappers_.size());
        out_ << "static mp_obj_t " << wrapper
             << "(const mpb_function_t *self, size_t n_args, size_t n_kw, const mp_obj_t *args) {\n"
             << body << "}\n";
        wrappers_[body] = wrapper;
    }
    // What the arguments are: their ctypes, which take None, which are lengths.
    const auto &params = f.sig.params;
    std::string list = ctype(f.sig.ret);
    uint32_t none_ok = 0, lengths = 0;
    for (size_t i = 0; i < params.size(); i++) {
        list += ", " + ctype(params[i].type);
        if (params[i].nullable && i < 16) none_ok |= 1u << i;
        if (i > 0 && i < 16 && (params[i - 1].type.kind == Kind::Ptr || params[i - 1].type.array) &&
            (params[i].type.kind == Kind::Int || params[i].type.kind == Kind::UInt) &&
            is_length_name(params[i].name))
            lengths |= 1u << i;
    }
    std::string types, item;
    for (std::istringstream in(list); std::getline(in, item, ',');)
        types += "{&" + item.substr(item[0] == ' ') + "}, ";
    std::string init = wrapper + ", mpb_names, " + std::to_string(params.size()) + ", 0, " +
                       std::to_string(none_ok) + ", " + std::to_string(lengths) + ", false, {" + types + "}";
    auto p = protos_.find(init);
    if (p != protos_.end()) return p->second;
    std::string id = "mpb_p_" + std::to_string(protos_.size());
    out_ << "static const mpb_proto_t " << id << " = {" << init << "};\n";
    return protos_[init] = id;
}

// The argument names of every function, in one pool (a list that repeats is there once):
// a function object keeps only its list's offset.
void Writer::name_pool() {
    std::vector<std::string> pool;
    for (auto &f : mod_.functions) {
        std::string key;
        for (auto &p : f.sig.params) key += p.name + ",";
        if (names_.count(key)) continue;
        names_[key] = std::to_string(pool.size());
        for (auto &p : f.sig.params) pool.push_back(p.name);
    }
    out_ << "static const qstr_short_t mpb_names[] = {";
    for (size_t i = 0; i < pool.size(); i++) out_ << (i ? ", " : "") << "MP_QSTR_" << pool[i];
    out_ << (pool.empty() ? "0" : "") << "};\n";
}

void Writer::function(const Function &f) {
    std::string id = c_ident(f.name);
    std::string callee = f.thunk ? "mpb_thunk_" + id : f.name;
    if (f.thunk) {
        out_ << f.sig.ret.c << " " << callee << "(";
        for (size_t i = 0; i < f.sig.params.size(); i++) out_ << (i ? ", " : "") << f.sig.params[i].type.c;
        out_ << (f.sig.params.empty() ? "void" : "") << ");  // C++ linkage: see the module's thunks\n";
    }
    std::string key;
    for (auto &p : f.sig.params) key += p.name + ",";
    std::string pr = proto(f);
    out_ << "static const mpb_function_t mpb_f_" << id << " = {{&"
         << (f.method ? "mpb_type_method" : "mpb_type_function") << "}, &" << pr << ", (void (*)(void))"
         << callee << ", MP_QSTR_" << (f.py.empty() ? f.owner : f.py) << ", " << names_.at(key) << "};\n";
}

// The methods of a class (a struct's or an object class's) as entries of its locals table.
std::string Writer::methods(const std::string &owner) {
    std::string t;
    for (auto &f : mod_.functions) {
        if (f.method && f.owner == owner)
            t += "    {MP_ROM_QSTR(MP_QSTR_" + f.py + "), MP_ROM_PTR(&mpb_f_" + c_ident(f.name) + ")},\n";
    }
    return t;
}

// A C template of the config ("lv_obj_get_user_data({obj})") with its placeholders filled.
static std::string fill(std::string t, const std::map<std::string, std::string> &values) {
    for (auto &[k, v] : values) {
        std::string key = "{" + k + "}";
        for (size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + v.size()))
            t.replace(at, key.size(), v);
    }
    return t;
}

// An object family: the functions that find, attach and classify wrappers (from the config's
// templates), the class types and the family descriptor.
void Writer::family(const ObjFamily &f) {
    std::string id = c_ident(f.c), obj = "((" + f.c + " *)o)";
    std::map<std::string, std::string> v = {{"obj", obj}, {"wrapper", "w"}, {"deleted", "mpb_deleted_" + id}};
    if (!f.on_delete.empty()) {
        // The notification's C type: the parameter of the registering function that gets {deleted}.
        std::string fn = f.on_delete.substr(0, f.on_delete.find('('));
        std::string inside = f.on_delete.substr(fn.size() + 1, f.on_delete.rfind(')') - fn.size() - 1);
        size_t arg = 0;
        for (int depth = 0, i = 0; i < static_cast<int>(inside.find("{deleted}")); i++) {
            depth += inside[i] == '(' ? 1 : inside[i] == ')' ? -1 : 0;
            if (inside[i] == ',' && depth == 0) arg++;
        }
        const Signature *sig = nullptr;
        for (auto &g : mod_.functions) {
            if (g.name == fn && arg < g.sig.params.size() && g.sig.params[arg].type.kind == Kind::FuncPtr)
                sig = g.sig.params[arg].type.sig.get();
        }
        if (sig) {
            std::map<std::string, std::string> args;
            out_ << "static " << sig->ret.c << " mpb_deleted_" << id << "(";
            for (size_t i = 0; i < sig->params.size(); i++) {
                out_ << (i ? ", " : "") << declare(sig->params[i].type, "a" + std::to_string(i));
                args[std::to_string(i)] = "a" + std::to_string(i);
            }
            out_ << (sig->params.empty() ? "void" : "") << ") {\n    mpb_handle_deleted((void *)("
                 << fill(f.deleted, args) << "));\n"
                 << (sig->ret.kind == Kind::Void ? "" : "    return 0;\n") << "}\n";
        }
    }
    if (!f.find.empty())
        out_ << "static void *mpb_find_" << id << "(void *o) {\n    return (void *)(" << fill(f.find, v)
             << ");\n}\n"
             << "static void mpb_attach_" << id << "(void *o, void *w) {\n    " << fill(f.keep, v) << ";\n"
             << (f.on_delete.empty() ? "" : "    " + fill(f.on_delete, v) + ";\n") << "}\n";
    if (!f.of.empty())
        out_ << "static const void *mpb_of_" << id << "(void *o) {\n    return (const void *)("
             << fill(f.of, v) << ");\n}\n";
    const std::string &base = f.classes[0].py;
    for (auto &c : f.classes) {
        std::string cid = "mpb_oc_" + c_ident(c.py);
        for (auto &e : c.enums) enumeration(e, c_ident(c.py) + "_" + c_ident(e.py));
        out_ << "static const mpb_class_t " << cid << ";\n"
             << "static const mp_rom_map_elem_t " << cid << "_table[] = {\n"
             << methods(c.py);
        if (c.py == base && !f.user_data_set.empty())
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << f.user_data_set
                 << "), MP_ROM_PTR(&mpb_handle_set_user_data_obj)},\n"
                 << "    {MP_ROM_QSTR(MP_QSTR_" << f.user_data_get
                 << "), MP_ROM_PTR(&mpb_handle_get_user_data_obj)},\n";
        for (auto &e : c.enums)
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << e.py << "), MP_ROM_PTR(&mpb_enum_" << c_ident(c.py) << "_"
                 << c_ident(e.py) << ")},\n";
        out_ << "};\n"
             << "static MP_DEFINE_CONST_DICT(" << cid << "_locals, " << cid << "_table);\n"
             << "static MP_DEFINE_CONST_OBJ_TYPE(\n    mpb_ot_" << c_ident(c.py) << ", MP_QSTR_" << c.py
             << ", MP_TYPE_FLAG_NONE,\n"
             << "    make_new, mpb_handle_make_new, print, mpb_handle_print, attr, mpb_handle_attr, "
                "protocol, &"
             << cid << ",\n"
             << "    locals_dict, &" << cid << "_locals"
             << (c.py == base ? "" : ", parent, &mpb_ot_" + c_ident(base)) << ");\n"
             << "static const mpb_class_t " << cid << " = {&mpb_ot_" << c_ident(c.py) << ", &mpb_f_"
             << c_ident(c.create) << ", " << (c.class_id.empty() ? "NULL" : "(const void *)" + c.class_id)
             << ", &" << fam(f.c) << "};\n";
    }
    out_ << "static const mpb_class_t *const " << fam(f.c) << "_classes[] = {";
    for (auto &c : f.classes) out_ << "&mpb_oc_" << c_ident(c.py) << ", ";
    out_ << "NULL};\n"
         << "static const mpb_family_t " << fam(f.c) << " = {" << quote(f.c) << ", "
         << (f.find.empty() ? "NULL, NULL" : "mpb_find_" + id + ", mpb_attach_" + id) << ", "
         << (f.of.empty() ? "NULL" : "mpb_of_" + id) << ", " << fam(f.c) << "_classes, "
         << (mod_.heap_kept ? "true" : "false") << "};\n\n";
}

// Constants grouped into classes (config "group"): LV_SYMBOL_OK -> SYMBOL.OK.
void Writer::groups() {
    std::vector<std::string> seen;
    for (auto &k : mod_.constants) {
        if (k.group.empty() || std::find(seen.begin(), seen.end(), k.group) != seen.end()) continue;
        seen.push_back(k.group);
        std::string id = "mpb_gr_" + c_ident(k.group);
        // Integers beyond a small int here may not be beyond the port's: a ROM int object made
        // from the C constant, used where the port's small ints cannot hold it.
        auto negative = [](const Constant &m) { return !m.value.empty() && m.value[0] == '-'; };
        auto magnitude = [&](const Constant &m) {
            return negative(m) ? "((uint64_t)0 - (uint64_t)(" + m.name + "))"
                               : "((uint64_t)(" + m.name + "))";
        };
        for (auto &m : mod_.constants) {
            if (m.group != k.group || m.kind != ConstKind::BigInt) continue;
            std::string b = id + "_" + m.py;
            out_ << "static const mpz_dig_t " << b << "_dig[] = {";
            for (int i = 0; i < 8; i++)
                out_ << (i ? ", " : "") << "MPB_MPZ_DIG(" << magnitude(m) << ", " << i << ")";
            out_ << "};\nstatic const mp_obj_int_t " << b << " = {{&mp_type_int}, {.neg = " << negative(m)
                 << ", .fixed_dig = 1, .alloc = 8, .len = MPB_MPZ_LEN(" << magnitude(m)
                 << "), .dig = (mpz_dig_t *)" << b << "_dig}};\n";
        }
        out_ << "static const mp_rom_map_elem_t " << id << "_table[] = {\n";
        for (auto &m : mod_.constants) {
            if (m.group != k.group) continue;
            if (m.kind == ConstKind::Int)
                out_ << "    {MP_ROM_QSTR(MP_QSTR_" << m.py << "), MP_ROM_INT(" << m.name << ")},\n";
            if (m.kind == ConstKind::BigInt)
                out_ << "    {MP_ROM_QSTR(MP_QSTR_" << m.py << "), "
                     << (negative(m) ? "(int64_t)(" + m.name + ") >= (int64_t)MP_SMALL_INT_MIN"
                                     : "(uint64_t)(" + m.name + ") <= (uint64_t)MP_SMALL_INT_MAX")
                     << " ? MP_ROM_INT(" << m.name << ") : MP_ROM_PTR(&" << id << "_" << m.py << ")},\n";
            if (m.kind == ConstKind::String)
                out_ << "    {MP_ROM_QSTR(MP_QSTR_" << m.py << "), MP_ROM_PTR(&mpb_s_" << m.name << ")},\n";
        }
        out_ << "};\nstatic MP_DEFINE_CONST_DICT(" << id << "_locals, " << id << "_table);\n"
             << "static MP_DEFINE_CONST_OBJ_TYPE(" << id << ", MP_QSTR_" << k.group
             << ", MP_TYPE_FLAG_NONE, locals_dict, &" << id << "_locals);\n";
    }
}

// Slot trampolines exported as C functions (config "export SLOT as NAME"): assignable where
// C wants a function of the slot's type; they find their Python callable as the slot does.
void Writer::exports() {
    for (auto &[s, name] : mod_.exports) {
        std::string msg =
            name + " is called by C: assign it to " + s->name + " (or another slot of its type)";
        out_ << "static mp_obj_t mpb_w_" << name
             << "(const mpb_function_t *self, size_t n_args, size_t n_kw, const mp_obj_t *args) {\n"
             << "    (void)self;\n    (void)n_args;\n    (void)n_kw;\n    (void)args;\n"
             << "    mp_raise_TypeError(MP_ERROR_TEXT(" << quote(msg) << "));\n}\n"
             << "static const mpb_proto_ext_t mpb_pe_" << name << " = {" << quote(s->sig->c_type) << ", "
             << quote("C callback of " + s->name + "\n") << ", NULL, &mpb_cbd_" << s->id << "};\n"
             << "static const mpb_proto_t mpb_p_" << name << " = {mpb_w_" << name
             << ", NULL, 0, 0, 0, 0, true, {{.ext = &mpb_pe_" << name << "}}};\n"
             << "static const mpb_function_t mpb_f_" << name << " = {{&mpb_type_function}, &mpb_p_" << name
             << ", (void (*)(void))mpb_t_" << s->id << ", MP_QSTR_" << name << ", 0};\n\n";
    }
}

// C global variables: attributes of the module's `cvar` object, read and written in place.
void Writer::globals() {
    if (mod_.globals.empty()) return;
    for (auto &g : mod_.globals) {
        const Type &t = g.type;
        std::string ext = "NULL";
        if (t.kind == Kind::Struct || t.kind == Kind::StructPtr || t.kind == Kind::StructArray)
            ext = "&" + sd(t.record);
        out_ << "static const mpb_field_t mpb_gv_" << g.name << " = {MP_QSTR_" << g.name << ", 0, ";
        if (t.kind == Kind::Array) out_ << "{" << t.count << "}, MPB_ARRAY, '" << t.typecode << "', NULL};\n";
        else if (t.kind == Kind::StructArray)
            out_ << "{" << t.count << "}, MPB_STRUCT_ARRAY, 0, " << ext << "};\n";
        else out_ << "{sizeof(" << g.name << ")}, " << mpb_kind(t) << ", 0, " << ext << "};\n";
    }
    out_ << "static void mpb_cvar_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {\n    (void)self;\n    "
            "switch (attr) {\n";
    for (auto &g : mod_.globals)
        out_ << "        case MP_QSTR_" << g.name << ": mpb_global_attr((void *)&" << g.name << ", &mpb_gv_"
             << g.name << ", " << (g.read_only ? "true" : "false") << ", dest); return;\n";
    out_ << "        default: break;\n    }\n    if (dest[0] == MP_OBJ_NULL) {\n        dest[1] = "
            "MP_OBJ_SENTINEL;\n    }\n}\n"
         << "static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_cvar, MP_QSTR_cvar, MP_TYPE_FLAG_NONE, attr, "
            "mpb_cvar_attr);\n"
         << "static const mp_obj_base_t mpb_cvar = {&mpb_type_cvar};\n\n";
}

void Writer::module_table() {
    const std::string &m = mod_.name;
    bool lazy = !mod_.globals.empty();
    std::set<std::string> strings;  // a constant in two groups is one object
    for (auto &k : mod_.constants) {
        if (k.kind == ConstKind::String && strings.insert(k.name).second)
            out_ << "static const MP_DEFINE_STR_OBJ(mpb_s_" << k.name << ", " << k.name << ");\n";
        if ((k.kind == ConstKind::Float || k.kind == ConstKind::BigInt) && k.group.empty()) lazy = true;
    }
    groups();
    if (lazy) {
        // Floats and integers beyond a small int are made when asked for (module __getattr__):
        // neither has a constant object form on every MicroPython object representation. C
        // variables are read here too, as their value now.
        out_ << "\nstatic mp_obj_t mpb_getattr(mp_obj_t attr) {\n    switch (mp_obj_str_get_qstr(attr)) {\n";
        for (auto &k : mod_.constants) {
            if (!k.group.empty()) continue;
            if (k.kind == ConstKind::Float)
                out_ << "        case MP_QSTR_" << k.py << ": return mp_obj_new_float((mp_float_t)(" << k.name
                     << "));\n";
            if (k.kind == ConstKind::BigInt)
                out_ << "        case MP_QSTR_" << k.py << ": return "
                     << (k.value[0] == '-' ? "mpb_from_i64((int64_t)(" : "mpb_from_u64((uint64_t)(") << k.name
                     << "));\n";
        }
        for (auto &g : mod_.globals)
            out_ << "        case MP_QSTR_" << g.py << ": return mpb_global_get((void *)&" << g.name
                 << ", &mpb_gv_" << g.name << ", " << (g.read_only ? "true" : "false") << ");\n";
        out_ << "        default: break;\n    }\n"
             << "    return MP_OBJ_NULL;  // not here: MicroPython raises AttributeError\n}\n"
             << "static MP_DEFINE_CONST_FUN_OBJ_1(mpb_getattr_obj, mpb_getattr);\n";
    }
    if (!mod_.init.empty())
        out_ << "static mp_obj_t mpb_init(void) {\n    static bool done;  // __init__ runs at each import\n"
             << "    if (!done) {\n        done = true;\n        " << mod_.init
             << "();\n    }\n    return mp_const_none;\n}\n"
             << "static MP_DEFINE_CONST_FUN_OBJ_0(mpb_init_obj, mpb_init);\n";
    out_ << "\nstatic const mp_rom_map_elem_t mpb_globals_table[] = {\n"
         << "    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_" << m << ")},\n"
         << "    {MP_ROM_QSTR(MP_QSTR_Blob), MP_ROM_PTR(&mpb_type_blob)},\n";
    if (!mod_.record("C_Pointer"))
        out_ << "    {MP_ROM_QSTR(MP_QSTR_C_Pointer), MP_ROM_PTR(&mpb_type_c_pointer)},\n";
    if (lazy) out_ << "    {MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&mpb_getattr_obj)},\n";
    if (!mod_.globals.empty()) out_ << "    {MP_ROM_QSTR(MP_QSTR_cvar), MP_ROM_PTR(&mpb_cvar)},\n";
    if (!mod_.init.empty()) out_ << "    {MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&mpb_init_obj)},\n";
    if (!mod_.nesting.empty())
        out_ << "    {MP_ROM_QSTR(MP_QSTR_" << mod_.nesting << "), MP_ROM_PTR(&mpb_nesting)},\n";
    for (auto &e : mod_.exports)
        out_ << "    {MP_ROM_QSTR(MP_QSTR_" << e.second << "), MP_ROM_PTR(&mpb_f_" << e.second << ")},\n";
    for (auto &fam : mod_.families) {
        for (auto &c : fam.classes)
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << c.py << "), MP_ROM_PTR(&mpb_ot_" << c_ident(c.py)
                 << ")},\n";
    }
    for (auto &f : mod_.functions) {
        if (f.owner.empty())
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << f.py << "), MP_ROM_PTR(&mpb_f_" << c_ident(f.name)
                 << ")},\n";
    }
    for (auto &r : mod_.records)
        out_ << "    {MP_ROM_QSTR(MP_QSTR_" << r.py << "), MP_ROM_PTR(&mpb_type_" << rid(r.c) << ")},\n";
    for (auto &e : mod_.enums)
        out_ << "    {MP_ROM_QSTR(MP_QSTR_" << e.py << "), MP_ROM_PTR(&mpb_enum_" << c_ident(e.py) << ")},\n";
    std::vector<std::string> groups;
    for (auto &k : mod_.constants) {
        if (!k.group.empty()) {
            if (std::find(groups.begin(), groups.end(), k.group) == groups.end()) {
                groups.push_back(k.group);
                out_ << "    {MP_ROM_QSTR(MP_QSTR_" << k.group << "), MP_ROM_PTR(&mpb_gr_" << c_ident(k.group)
                     << ")},\n";
            }
            continue;
        }
        if (k.kind == ConstKind::Int)
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << k.py << "), MP_ROM_INT(" << k.name << ")},\n";
        if (k.kind == ConstKind::String)
            out_ << "    {MP_ROM_QSTR(MP_QSTR_" << k.py << "), MP_ROM_PTR(&mpb_s_" << k.name << ")},\n";
    }
    out_ << "};\n"
         << "static MP_DEFINE_CONST_DICT(mpb_globals, mpb_globals_table);\n\n"
         << "const mp_obj_module_t mpb_module_" << m << " = {\n"
         << "    .base = {&mp_type_module},\n"
         << "    .globals = (mp_obj_dict_t *)&mpb_globals,\n"
         << "};\n"
         << "MP_REGISTER_MODULE(MP_QSTR_" << m << ", mpb_module_" << m << ");\n";
}

std::string Writer::run() {
    out_ << "// The MicroPython module '" << mod_.name << "', generated by mpbindgen from";
    for (auto &h : mod_.headers) out_ << " " << std::filesystem::path(h).filename().string();
    out_ << ". Do not edit.\n#include \"mpb.h\"\n";
    for (auto &h : mod_.headers)
        out_ << "#include \"" << std::filesystem::path(h).filename().string() << "\"\n";
    out_ << "\n";
    for (auto &r : mod_.records) out_ << "static const mpb_struct_desc_t " << sd(r.c) << ";\n";
    for (auto &f : mod_.families) out_ << "static const mpb_family_t " << fam(f.c) << ";\n";
    for (auto &s : mod_.callbacks) out_ << "static const mpb_callback_desc_t mpb_cbd_" << s->id << ";\n";
    for (auto &f : mod_.functions) out_ << "static const mpb_function_t mpb_f_" << c_ident(f.name) << ";\n";
    out_ << "\n";
    for (auto &s : mod_.callbacks) {
        if (s->trampoline) trampoline(*s);
    }
    for (auto &s : mod_.callbacks) callback_desc(*s);
    name_pool();
    for (auto &f : mod_.functions) function(f);
    for (auto &r : mod_.records) record(r);
    for (auto &e : mod_.enums) enumeration(e, c_ident(e.py));
    for (auto &f : mod_.families) family(f);
    globals();
    exports();
    module_table();
    return out_.str();
}

}  // namespace

std::string write_c(const Module &mod) { return Writer(mod).run(); }

std::string write_thunks(const Module &mod) {
    std::ostringstream out;
    out << "// extern \"C\" thunks of the '" << mod.name << "' module, generated by mpbindgen: the headers\n"
        << "// declare these functions with C++ linkage. Do not edit.\n";
    for (auto &h : mod.headers)
        out << "#include \"" << std::filesystem::path(h).filename().string() << "\"\n";
    out << "\n";
    for (auto &f : mod.functions) {
        if (!f.thunk) continue;
        auto &params = f.sig.params;
        out << "extern \"C\" " << f.sig.ret.c << " mpb_thunk_" << c_ident(f.name) << "(";
        for (size_t i = 0; i < params.size(); i++) out << (i ? ", " : "") << params[i].type.c << " a" << i;
        out << ") {\n    return " << f.name << "(";
        for (size_t i = 0; i < params.size(); i++) out << (i ? ", a" : "a") << i;
        out << ");\n}\n";
    }
    return out.str();
}

}  // namespace mpbindgen
