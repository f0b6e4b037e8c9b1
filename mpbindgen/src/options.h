// Command line and config file of mpbindgen.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "model.h"

namespace mpbindgen {

// A config entry for one callback slot ("struct.field", "function.param") or for every slot
// of a function-pointer typedef.
struct CallbackConfig {
    std::string slot;
    std::optional<Mode> mode;
    int ctx_arg = -1;       // context=ARG.FIELD: argument index ...
    std::string ctx_field;  // ... and the void * field of the struct it points at
    // key=P,Q: the registering function's arguments that tell its registrations apart (a
    // registration replaces the one with equal values there); default: its first pointer one.
    std::vector<std::string> key_params;
};

// Handles of an object-style C library (config "objects"): pointers to one C type stand for
// objects of several classes, each made by its own create function (LVGL's widgets).
struct ObjectsConfig {
    std::string type;       // the C type the pointers point at: "lv_obj_t"
    std::string create;     // "lv_{name}_create": a class per function that matches
    std::string base;       // the class every other one derives from: "obj"
    std::string class_id;   // "&lv_{name}_class": what `of` returns for objects of that class
    std::string of;         // "lv_obj_get_class({obj})": an object's class
    std::string find;       // "lv_obj_get_user_data({obj})": the wrapper stored with the object
    std::string keep;       // "lv_obj_set_user_data({obj},{wrapper})": store it there
    std::string on_delete;  // "lv_obj_add_event_cb({obj},{deleted},LV_EVENT_DELETE,{wrapper})"
    std::string deleted;    // "lv_event_get_user_data({0})": the wrapper, from {deleted}'s arguments
    // "set_user_data,get_user_data": methods of the base class that keep a Python object with
    // each object, for a library whose own user data slot holds the wrapper (`keep`).
    std::string user_data;
};

struct Options {
    std::string module;
    std::vector<std::string> headers;
    std::vector<std::string> clang_args;  // -I, -D, -std, ...
    std::optional<std::regex> include;    // more files whose declarations are bound
    std::optional<std::regex> exclude;    // declarations (by name) left out (--exclude, config "exclude")
    std::string exclude_text;
    std::string out_c, out_pyi;
    std::string out_thunks;  // --cxx-thunks: read as C++, thunks for C++ linkage
    bool cxx_api = false;    // --cxx OUT.cpp: bind the C++ API, glue in out_thunks
    std::vector<CallbackConfig> callbacks;
    std::vector<std::string> skip;         // names left out (config "skip NAME")
    std::vector<std::string> nullable;     // "FUNCTION.PARAM" pointers that may be None (config "nullable")
    std::vector<std::string> printf_like;  // variadic functions whose last fixed argument is a printf format
    std::vector<std::string>
        wraps;  // unsigned typedefs whose arguments take negative values as C does (config "wrap")
    std::vector<std::pair<std::string, std::string>> exports;  // config "export SLOT as NAME"
    bool heap_kept = false;  // config "heap micropython": the library's memory is on the GC heap
    std::string init;        // config "init FUNCTION": called when the module is imported
    std::string nesting;     // config "nesting NAME": NAME.value is how deep in callbacks C is
    std::vector<std::string>
        prefixes;  // config "prefix lv_ ...": names lose one in Python (LV_ for constants)
    std::optional<std::string> methods;  // config "methods _t": T_t's functions T_NAME(T_t *...) are methods
    std::vector<ObjectsConfig> objects;  // config "objects TYPE key=value..."
    std::vector<std::pair<std::string, std::string>>
        groups;  // config "group PREFIX CLASS": constants as a class
    bool quiet = false;
    bool diagnostics = true;  // print the compiler's diagnostics (the fuzzer turns them off)

    const CallbackConfig *callback(const std::string &slot) const {
        for (auto &c : callbacks) {
            if (c.slot == slot) return &c;
        }
        return nullptr;
    }
};

// Parses argv into `opt`; on a usage error returns false with the message in `error`.
bool parse_args(int argc, char **argv, Options &opt, std::string &error);
// Reads a config file: lines "callback SLOT [mode=hard|scheduled|plain] [context=N.FIELD]
// [key=PARAM,...]",
// "skip NAME", "nullable FUNCTION.PARAM", "wrap TYPE" (an unsigned type's arguments take
// negative values as C converts them: -1 is all ones), "export SLOT as NAME" (the slot's trampoline as a
// C function NAME of the module, to assign where C wants one), "# comment".
bool read_config(const std::string &path, Options &opt, std::string &error);

}  // namespace mpbindgen
