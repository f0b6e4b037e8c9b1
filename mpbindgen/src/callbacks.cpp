#include "callbacks.h"

#include <regex>

#include "names.h"

namespace mpbindgen {
namespace {

bool is_void_ptr(const Type &t) { return t.kind == Kind::Ptr && t.pointee.empty(); }

bool is_user_data_name(const std::string &name) {
    static const std::regex re(
        "(user|usr|u|cb|callback)?_?(data|arg|args|ctx|context|param|cookie|opaque|ud|userdata|user|pv)",
        std::regex::icase);
    return std::regex_match(name, re);
}

bool convertible(const Type &t) {
    switch (t.kind) {
        case Kind::Int:
        case Kind::UInt:
        case Kind::Bool:
        case Kind::Float:
        case Kind::Double:
        case Kind::Ptr:
        case Kind::CStr:
        case Kind::StructPtr:
        case Kind::Handle:
            return true;
        default:
            return false;
    }
}

std::string check_signature(const Signature &s) {
    if (s.c_type == "?") return "its signature is not supported";
    if (s.params.size() > 8) return "more than 8 arguments";
    for (auto &p : s.params) {
        if (!convertible(p.type)) return "argument type '" + p.type.c + "' cannot reach Python";
    }
    if (s.ret.kind != Kind::Void && !convertible(s.ret))
        return "return type '" + s.ret.c + "' cannot come from Python";
    return "";
}

// A config entry's context=N.FIELD: argument N points at a struct with a void * FIELD.
bool apply_config_context(const Module &mod, const CallbackConfig &cfg, CallbackSlot &slot) {
    const auto &params = slot.sig->params;
    if (cfg.ctx_arg < 0) return false;
    if (cfg.ctx_arg >= static_cast<int>(params.size()) || params[cfg.ctx_arg].type.kind != Kind::StructPtr) {
        slot.why_not =
            "config context: argument " + std::to_string(cfg.ctx_arg) + " is not a pointer to a bound struct";
        return true;
    }
    const Record *r = mod.record(params[cfg.ctx_arg].type.record);
    for (auto &f : r->fields) {
        if (f.name == cfg.ctx_field && is_void_ptr(f.type)) {
            slot.ctx = Context::Field;
            slot.ctx_arg = cfg.ctx_arg;
            slot.ctx_field = cfg.ctx_field;
            slot.trampoline = true;
            return true;
        }
    }
    slot.why_not = "config context: " + r->c + " has no void * field '" + cfg.ctx_field + "'";
    return true;
}

// The struct argument of the callback that has a user_data field, if any.
int user_data_arg(const Module &mod, const Signature &sig, const std::string &only_record) {
    for (size_t i = 0; i < sig.params.size(); i++) {
        const Type &t = sig.params[i].type;
        if (t.kind != Kind::StructPtr) continue;
        const Record *r = mod.record(t.record);
        if (r && r->has_user_data && (only_record.empty() || r->c == only_record)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

bool plan_callbacks(const Options &opt, Module &mod, std::string &error) {
    auto make = [&](const std::string &name, const Type &t) -> CallbackSlot & {
        auto slot = std::make_unique<CallbackSlot>();
        slot->name = name;
        slot->id = c_ident(name);
        slot->key = c_ident(name);
        slot->sig = t.sig.get();
        const CallbackConfig *cfg = opt.callback(name);
        if (!cfg) cfg = opt.callback(t.c);  // by typedef name: every slot of that type
        if (!cfg) cfg = opt.callback("*");  // every slot
        if (cfg && cfg->mode) slot->mode = *cfg->mode;
        slot->why_not = check_signature(*slot->sig);
        if (slot->why_not.empty() && cfg) apply_config_context(mod, *cfg, *slot);
        mod.callbacks.push_back(std::move(slot));
        return *mod.callbacks.back();
    };
    for (auto &r : mod.records) {
        for (auto &f : r.fields) {
            if (f.type.kind != Kind::FuncPtr) continue;
            CallbackSlot &s = make(py_name_of_record(r.c) + "." + f.name, f.type);
            s.key = f.name;
            if (!s.why_not.empty() || s.ctx != Context::None) continue;
            int arg = user_data_arg(mod, *s.sig, r.c);
            if (arg >= 0) {
                s.ctx = Context::UserData;
                s.ctx_arg = arg;
                s.ctx_struct = r.c;
                s.trampoline = true;
            } else {
                s.why_not = "no argument reaches a user_data; add 'callback " + s.name +
                            " context=ARG.FIELD' to the config";
            }
        }
    }
    for (auto &fn : mod.functions) {
        auto &params = fn.sig.params;
        for (size_t i = 0; i < params.size(); i++) {
            if (params[i].type.kind != Kind::FuncPtr) continue;
            CallbackSlot &s = make(fn.name + "." + params[i].name, params[i].type);
            if (!s.why_not.empty() || s.ctx != Context::None) continue;
            // The registering function's own void * (named as user data, or right after the
            // callback) travels to the callback's (non-const) void *. qsort's base and compare's
            // const void * arguments are not that.
            int user_param = -1, n_void = 0;
            for (size_t j = 0; j < params.size(); j++) {
                if (j == i || !is_void_ptr(params[j].type) || params[j].type.pointee_const) continue;
                if (is_user_data_name(params[j].name) || j == i + 1) {
                    user_param = static_cast<int>(j);
                    n_void++;
                }
            }
            int cb_void = -1, cb_n_void = 0;
            for (size_t j = 0; j < s.sig->params.size(); j++) {
                const Type &t = s.sig->params[j].type;
                if (is_void_ptr(t) && !t.pointee_const) {
                    cb_void = static_cast<int>(j);
                    cb_n_void++;
                }
            }
            if (n_void == 1 && cb_n_void == 1) {
                s.ctx = Context::VoidArg;
                s.ctx_arg = cb_void;
                s.fn_user_param = user_param;
                s.trampoline = true;
                continue;
            }
            // Or the registration's user data reaches the callback as the user_data field of a
            // struct it gets (an LVGL event's e->user_data, a timer's).
            int ud_arg = user_data_arg(mod, *s.sig, "");
            if (n_void == 1 && cb_n_void == 0 && ud_arg >= 0 && is_user_data_name(params[user_param].name)) {
                s.ctx = Context::Field;
                s.ctx_arg = ud_arg;
                s.ctx_field = "user_data";
                s.fn_user_param = user_param;
                s.trampoline = true;
                continue;
            }
            // Or a struct argument with user_data that the callback receives too.
            for (size_t j = 0; j < params.size() && s.ctx == Context::None; j++) {
                if (params[j].type.kind != Kind::StructPtr) continue;
                const Record *r = mod.record(params[j].type.record);
                if (!r || !r->has_user_data) continue;
                int arg = user_data_arg(mod, *s.sig, r->c);
                if (arg < 0) continue;
                s.ctx = Context::UserData;
                s.ctx_arg = arg;
                s.ctx_struct = r->c;
                s.fn_ctx_param = static_cast<int>(j);
                s.trampoline = true;
            }
            if (s.ctx == Context::None)
                s.why_not = "no void * user data and no struct with user_data; add 'callback " + s.name +
                            " context=ARG.FIELD' to the config";
        }
    }
    // key=: the registering function's arguments that tell its registrations apart.
    for (const CallbackConfig &c : opt.callbacks) {
        if (c.key_params.empty()) continue;
        CallbackSlot *s = nullptr;
        for (auto &slot : mod.callbacks)
            if (slot->name == c.slot) s = slot.get();
        const Function *fn = nullptr;
        auto dot = c.slot.find('.');
        for (auto &f : mod.functions)
            if (dot != std::string::npos && f.name == c.slot.substr(0, dot)) fn = &f;
        if (!s || !fn || !s->trampoline || s->fn_user_param < 0) {
            error = "callback " + c.slot + ": key= is for a callback a function registers with its user data";
            return false;
        }
        for (const std::string &p : c.key_params) {
            int found = -1;
            for (size_t j = 0; j < fn->sig.params.size(); j++)
                if (fn->sig.params[j].name == p) found = static_cast<int>(j);
            if (found < 0) {
                error = "callback " + c.slot + ": key=" + p + ": " + fn->name + " has no such parameter";
                return false;
            }
            s->fn_key_params.push_back(found);
        }
    }
    for (auto &[slot, name] : opt.exports) {
        const CallbackSlot *s = mod.slot(slot);
        if (!s || !s->trampoline) {
            error = "export " + slot + ": " +
                    (s ? "that slot cannot call Python (" + s->why_not + ")" : "no such callback slot");
            return false;
        }
        mod.exports.push_back({s, name});
    }
    return true;
}

}  // namespace mpbindgen
