// What mpbindgen understood of the headers: the declarations it binds, in source order, with
// their C types reduced to the handful of kinds the run-time converts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mpbindgen {

enum class Kind {
    Void,
    Int,   // signed integer or enum
    UInt,  // unsigned integer
    Bool,
    Float,
    Double,
    CStr,         // const char *
    Ptr,          // any other pointer (pointee_size bytes at least, 0: unknown)
    StructPtr,    // pointer to a bound struct/union
    Struct,       // struct/union by value
    Array,        // fixed array of scalars (struct fields)
    StructArray,  // fixed array of bound structs (struct fields): `record`, `count`
    FuncPtr,      // pointer to function
    Handle,  // pointer to an object of an object-style library (config "objects"): `record` is its C type
};

struct Signature;

struct Type {
    Kind kind = Kind::Void;
    std::string c;        // C spelling, usable in generated code ("uint8_t", "const foo_t *")
    std::string canon;    // canonical C spelling ("unsigned char", "const struct _foo *")
    std::string builtin;  // scalars: the builtin type it passes as (an enum's integer type)
    std::string record;   // Struct/StructPtr: C name of the record; Array: element C type
    std::string pointee;  // Ptr: C spelling of what it points at ("" for void)
    bool pointee_const = false;
    bool wraps = false;              // UInt: negative arguments convert as in C (config "wrap")
    bool array = false;              // StructPtr, Ptr: a `T name[]` parameter (structs, or numbers)
    int size = 0;                    // bytes on the generating host (informational)
    char typecode = 0;               // Array, Ptr with `array`: memoryview typecode of the elements
    int count = 0;                   // Array: elements
    std::shared_ptr<Signature> sig;  // FuncPtr
    std::string py;                  // Python annotation for stubs
};

struct Param {
    std::string name;
    Type type;
    bool nullable = true;  // None may stand for NULL
};

struct Signature {
    Type ret;
    std::vector<Param> params;
    std::string c_type;  // canonical "int (*)(int, void *)", for assignment checks
    // A printf-like variadic function (config "printf"): its last fixed argument is the format,
    // which Python's % formats with the extra arguments; C gets "%s" and the text.
    bool printf = false;
};

struct Location {
    std::string file;
    unsigned line = 0;
};

struct Function {
    std::string name;
    std::string py;       // its Python name
    bool method = false;  // a method of a class (binds self)
    std::string owner;    // the Python class it belongs to (empty: the module)
    Signature sig;
    std::string doc;
    Location loc;
    bool thunk = false;    // C++ linkage: called through an extern "C" thunk
    std::string alias_of;  // a macro naming another function (#define lv_obj_add_event lv_obj_add_event_cb)
};

struct Field {
    std::string name;
    Type type;
    int bit_width = -1;  // bitfields
    bool bit_signed = false;
};

// A C global variable, reached through the module's `cvar` object.
struct Global {
    std::string name;
    std::string py;  // its Python name
    Type type;
    bool read_only = false;  // const
    std::string doc;
};

struct Record {
    std::string c;   // "foo_t" or "struct foo"
    std::string py;  // Python class name
    bool is_union = false;
    std::vector<Field> fields;  // anonymous members flattened
    bool has_user_data = false;
    std::string doc;
    Location loc;
};

struct EnumMember {
    std::string c;
    std::string py;
    int64_t value = 0;
};

struct Enum {
    std::string c;  // the C enum or typedef name ("" for anonymous enums)
    std::string py;
    std::vector<EnumMember> members;
    std::string doc;
};

enum class ConstKind { Int, BigInt, Float, String };

struct Constant {
    std::string name;
    std::string py;     // its Python name
    std::string group;  // the class it is a member of (config "group"), empty: the module
    ConstKind kind = ConstKind::Int;
    std::string value;  // as clang evaluated it, for stubs and comments
    Location loc;
};

struct Skipped {
    Location loc;
    std::string what;
    std::string reason;
};

// One function-pointer slot (struct field or function parameter) that may call Python.
enum class Context { None, UserData, VoidArg, Field };
enum class Mode { Plain, Hard, Scheduled, Caught };

struct CallbackSlot {
    std::string id;    // C identifier part: "spi_device_interface_config_t_post_cb"
    std::string name;  // "spi_device_interface_config_t.post_cb"
    std::string key;   // user_data dict key
    const Signature *sig = nullptr;
    Context ctx = Context::None;
    Mode mode = Mode::Plain;
    int ctx_arg = 0;          // callback argument that carries the context
    std::string ctx_field;    // Context::Field: field of that argument's struct
    std::string ctx_struct;   // Context::UserData: the struct with user_data
    bool trampoline = false;  // Python callables possible
    std::string why_not;      // when not
    // Function-parameter slots: where, in the registering function, the user's void * and the
    // struct whose user_data carries the callable are.
    int fn_user_param = -1;
    int fn_ctx_param = -1;
    // Config key=: the registering function's arguments that identify a registration.
    std::vector<int> fn_key_params;
};

// ---- C++ headers (--cxx) -------------------------------------------------------------------
// The generated C module cannot see C++ types: each C++ function, method or field is reached
// through an extern "C" function of the generated C++ glue, and every value crosses in a form
// C can spell (its ABI form), decided per parameter and result by a Conv.
enum class Conv {
    Void,
    Scalar,     // integer, bool, float, enum: `abi` is the builtin C type (enums: the underlying one)
    CStr,       // const char *
    String,     // std::string or std::string_view by value or const &: (const char *, size_t) in, str out
    Object,     // bound class by value: void * in (copied), a new owned object out
    ObjectRef,  // T & / const T &: void * in (never None), a view out
    ObjectPtr,  // T * / const T *: void * in (None is nullptr), a view out
    Owned,      // std::unique_ptr<T> result: the caller owns it
    ScalarRef,  // non-const T & of a scalar: a buffer of at least sizeof(T)
    Buffer,     // pointer to scalars or void: as in C
    Opaque,     // pointer to a class that is not bound: a Blob
    Span,       // std::span<T> of scalars: a buffer of whole elements
    Vector,     // std::vector<E> by value or const &: a sequence in, a list out
    Function,   // std::function<R(A...)> argument: a Python callable (or None); `elem` is R, `fargs` A...
};

struct CxxType {
    Conv conv = Conv::Void;
    Kind scalar =
        Kind::Void;         // Scalar, ScalarRef, Span, Buffer: Int, UInt, Bool, Float, Double (Void: void *)
    std::string abi;        // Scalar/ScalarRef/Span/Buffer: C spelling of the scalar ("unsigned char")
    std::string cxx;        // C++ spelling, for the glue ("geo::Unit", "geo::Point")
    std::string cls;        // Object*, Owned: qualified name of the bound class
    bool is_const = false;  // Span, Buffer: const elements
    bool copied = false;    // Object: a copy of what a const reference result refers to
    std::string py;         // stub annotation
    std::shared_ptr<CxxType> elem;  // Vector: the element (Scalar, String or Object); Function: the result
    std::vector<CxxType> fargs;     // Function: the arguments
    std::string fsig;               // Function: its mpb_cxx_sig_t (named by the writer)
};

struct CxxParam {
    std::string name;
    CxxType type;
    std::string default_text;  // as the header writes it; empty: required
};

struct CxxFunction {  // one overload
    enum Role { Free, Method, Static, Constructor };
    Role role = Free;
    std::string name;  // C++ name: "area", "operator+"
    std::string py;    // Python name: "area", "__add__"
    std::vector<CxxParam> params;
    CxxType ret;
    std::string doc;
    Location loc;
    std::string id;  // C identifier, unique in the module
};

struct CxxField {
    std::string name;
    CxxType type;
    bool read_only = false;
    int bit_width = -1;
};

// A namespace (a submodule) or a class (a type): what it declares, in source order.
struct Scope {
    bool is_class = false;
    std::string name;       // "Circle"
    std::string qualified;  // "geo::Circle"
    std::string id;         // C identifier: "geo__Circle"
    std::string doc;
    Location loc;
    std::vector<std::unique_ptr<Scope>> scopes;
    std::vector<CxxFunction> functions;  // overloads of one name share `py`
    std::vector<CxxField> fields;
    std::vector<Enum> enums;          // member `c` holds the value
    std::vector<Constant> constants;  // `value` holds the literal
    // Classes:
    std::vector<const Scope *> bases;  // bound public bases
    bool abstract = false;
    bool implicit_ctor = false;  // no constructor declared: T() and fields as keywords
    bool deletable = true;       // public destructor
    bool copyable = true;        // no deleted or hidden copy constructor
};

// An object-style library's handles (config "objects"): pointers to one C type `c` stand for
// objects of several classes, each made by a create function; one Python wrapper per object,
// found again through `find`, dropped when the library deletes the object.
struct ObjClass {
    std::string py;           // "button"
    std::string create;       // its create function (C name)
    std::string class_id;     // C expression of what `of` returns for its objects ("" when unknown)
    std::vector<Enum> enums;  // enums named after the class (LABEL_LONG_MODE -> label.LONG_MODE)
};

struct ObjFamily {
    std::string c;                                   // "lv_obj_t"
    std::vector<ObjClass> classes;                   // [0] is the base every other class derives from
    std::string of, find, keep, on_delete, deleted;  // C templates (config "objects")
    std::string user_data_set, user_data_get;        // the base class's user data methods ("": none)
};

struct Module {
    std::string name;
    bool heap_kept = false;  // the library's memory is on MicroPython's heap: nothing is pinned for it
    std::string init;        // config "init": called when the module is first imported
    std::string nesting;     // config "nesting": a module attribute whose .value is the callback depth
    bool cxx = false;        // headers read as C++
    bool cxx_api = false;    // --cxx: bind the C++ declarations (root)
    std::unique_ptr<Scope> root;
    std::vector<std::string> headers;
    std::vector<Function> functions;
    std::vector<Record> records;
    std::vector<Enum> enums;
    std::vector<Constant> constants;
    std::vector<Global> globals;
    std::vector<ObjFamily> families;
    std::vector<Skipped> skipped;
    std::vector<std::unique_ptr<CallbackSlot>> callbacks;
    std::vector<std::pair<const CallbackSlot *, std::string>> exports;  // trampolines as C functions

    const CallbackSlot *slot(const std::string &name) const {
        for (auto &s : callbacks) {
            if (s->name == name) return s.get();
        }
        return nullptr;
    }
    const Record *record(const std::string &c) const {
        for (auto &r : records) {
            if (r.c == c) return &r;
        }
        return nullptr;
    }
};

}  // namespace mpbindgen
