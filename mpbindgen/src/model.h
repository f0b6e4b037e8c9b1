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
  Int,        // signed integer or enum
  UInt,       // unsigned integer
  Bool,
  Float,
  Double,
  CStr,       // const char *
  Ptr,        // any other pointer (pointee_size bytes at least, 0: unknown)
  StructPtr,  // pointer to a bound struct/union
  Struct,     // struct/union by value
  Array,      // fixed array of scalars (struct fields)
  FuncPtr,    // pointer to function
};

struct Signature;

struct Type {
  Kind kind = Kind::Void;
  std::string c;              // C spelling, usable in generated code ("uint8_t", "const foo_t *")
  std::string record;         // Struct/StructPtr: C name of the record; Array: element C type
  std::string pointee;        // Ptr: C spelling of what it points at ("" for void)
  bool pointee_const = false;
  int size = 0;               // bytes on the generating host (informational)
  char typecode = 0;          // Array: memoryview typecode
  int count = 0;              // Array: elements
  std::shared_ptr<Signature> sig;  // FuncPtr
  std::string py;             // Python annotation for stubs
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
};

struct Location {
  std::string file;
  unsigned line = 0;
};

struct Function {
  std::string name;
  Signature sig;
  std::string doc;
  Location loc;
  bool thunk = false;  // C++ linkage: called through an extern "C" thunk
};

struct Field {
  std::string name;
  Type type;
  int bit_width = -1;  // bitfields
  bool bit_signed = false;
};

struct Record {
  std::string c;      // "foo_t" or "struct foo"
  std::string py;     // Python class name
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
  std::string py;
  std::vector<EnumMember> members;
  std::string doc;
};

enum class ConstKind { Int, BigInt, Float, String };

struct Constant {
  std::string name;
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
enum class Mode { Plain, Hard, Scheduled };

struct CallbackSlot {
  std::string id;        // C identifier part: "spi_device_interface_config_t_post_cb"
  std::string name;      // "spi_device_interface_config_t.post_cb"
  std::string key;       // user_data dict key
  const Signature *sig = nullptr;
  Context ctx = Context::None;
  Mode mode = Mode::Plain;
  int ctx_arg = 0;            // callback argument that carries the context
  std::string ctx_field;      // Context::Field: field of that argument's struct
  std::string ctx_struct;     // Context::UserData: the struct with user_data
  bool trampoline = false;    // Python callables possible
  std::string why_not;        // when not
  // Function-parameter slots: where, in the registering function, the user's void * and the
  // struct whose user_data carries the callable are.
  int fn_user_param = -1;
  int fn_ctx_param = -1;
};

struct Module {
  std::string name;
  bool cxx = false;  // headers read as C++
  std::vector<std::string> headers;
  std::vector<Function> functions;
  std::vector<Record> records;
  std::vector<Enum> enums;
  std::vector<Constant> constants;
  std::vector<Skipped> skipped;
  std::vector<std::unique_ptr<CallbackSlot>> callbacks;

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
