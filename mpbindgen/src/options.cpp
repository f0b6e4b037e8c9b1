#include "options.h"

#include <fstream>
#include <sstream>

namespace mpbindgen {

static const char kUsage[] =
    "usage: mpbindgen HEADER... -M NAME [-I DIR] [-D DEF] [--include REGEX] [--exclude REGEX]\n"
    "                 [--config FILE] -o OUT.c [--pyi OUT.pyi] [--cxx-thunks OUT.cpp | --cxx OUT.cpp] [-q]\n"
    "                 [-- CLANG_ARGS...]";

bool parse_args(int argc, char **argv, Options &opt, std::string &error) {
    auto value = [&](int &i, const std::string &flag) -> std::optional<std::string> {
        if (i + 1 >= argc) {
            error = flag + " needs a value\n" + kUsage;
            return std::nullopt;
        }
        return std::string(argv[++i]);
    };
    std::string config;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        std::optional<std::string> v;
        if (a == "-M" || a == "-o" || a == "--pyi" || a == "--include" || a == "--exclude" ||
            a == "--config" || a == "-I" || a == "-D" || a == "--cxx-thunks" || a == "--cxx") {
            if (!(v = value(i, a))) return false;
        }
        try {
            if (a == "-M") opt.module = *v;
            else if (a == "-o") opt.out_c = *v;
            else if (a == "--pyi") opt.out_pyi = *v;
            else if (a == "--cxx-thunks") opt.out_thunks = *v;
            else if (a == "--cxx") {
                opt.out_thunks = *v;
                opt.cxx_api = true;
            } else if (a == "--include") opt.include = std::regex(*v);
            else if (a == "--exclude") {
                opt.exclude = std::regex(*v);
                opt.exclude_text = *v;
            } else if (a == "--config") config = *v;
            else if (a == "-I" || a == "-D") opt.clang_args.push_back(a + *v);
            else if (a.rfind("-I", 0) == 0 || a.rfind("-D", 0) == 0) opt.clang_args.push_back(a);
            else if (a == "-q") opt.quiet = true;
            else if (a == "-h" || a == "--help") {
                error = kUsage;
                return false;
            } else if (a == "--") {
                for (i++; i < argc; i++) opt.clang_args.push_back(argv[i]);
            } else if (!a.empty() && a[0] == '-') {
                error = "unknown option " + a + "\n" + kUsage;
                return false;
            } else opt.headers.push_back(a);
        } catch (const std::regex_error &e) {
            error = a + ": bad regular expression: " + e.what();
            return false;
        }
    }
    if (opt.headers.empty() || opt.module.empty() || opt.out_c.empty()) {
        error = std::string("a header, -M NAME and -o OUT.c are required\n") + kUsage;
        return false;
    }
    if (!std::regex_match(opt.module, std::regex("[A-Za-z_][A-Za-z0-9_]*"))) {
        error = "module name '" + opt.module + "' is not an identifier";
        return false;
    }
    return config.empty() || read_config(config, opt, error);
}

bool read_config(const std::string &path, Options &opt, std::string &error) {
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot open config file";
        return false;
    }
    std::string line;
    for (unsigned n = 1; std::getline(in, line); n++) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string verb, name;
        if (!(words >> verb)) continue;
        auto fail = [&](const std::string &what) {
            error = path + ":" + std::to_string(n) + ": " + what;
            return false;
        };
        if (!(words >> name)) return fail("'" + verb + "' needs a name");
        if (verb == "skip") {
            opt.skip.push_back(name);
        } else if (verb == "nullable") {
            opt.nullable.push_back(name);
        } else if (verb == "printf") {
            opt.printf_like.push_back(name);
        } else if (verb == "wrap") {
            opt.wraps.push_back(name);
        } else if (verb == "export") {
            std::string as, fn;
            if (!(words >> as >> fn) || as != "as" ||
                !std::regex_match(fn, std::regex("[A-Za-z_][A-Za-z0-9_]*")))
                return fail("export needs SLOT as NAME (a C identifier)");
            opt.exports.push_back({name, fn});
        } else if (verb == "callback") {
            CallbackConfig c;
            c.slot = name;
            std::string kv;
            while (words >> kv) {
                auto eq = kv.find('=');
                std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
                if (k == "mode" && v == "hard") c.mode = Mode::Hard;
                else if (k == "mode" && v == "scheduled") c.mode = Mode::Scheduled;
                else if (k == "mode" && v == "plain") c.mode = Mode::Plain;
                else if (k == "mode" && v == "caught") c.mode = Mode::Caught;
                else if (k == "context") {
                    std::smatch m;
                    if (!std::regex_match(v, m, std::regex("([0-9]+)\\.([A-Za-z_][A-Za-z0-9_]*)")))
                        return fail("context must be ARG.FIELD (argument index, void * field), got '" + v +
                                    "'");
                    c.ctx_arg = std::stoi(m[1]);
                    c.ctx_field = m[2];
                } else if (k == "key") {
                    if (!std::regex_match(v, std::regex("[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*")))
                        return fail("key must be PARAM[,PARAM...] (parameter names), got '" + v + "'");
                    std::stringstream names(v);
                    std::string p;
                    while (std::getline(names, p, ',')) c.key_params.push_back(p);
                } else {
                    return fail("unknown callback setting '" + kv +
                                "' (mode=hard|scheduled|plain|caught, context=ARG.FIELD, key=PARAM,...)");
                }
            }
            opt.callbacks.push_back(c);
        } else if (verb == "exclude") {
            try {
                std::string re = opt.exclude_text.empty() ? name : opt.exclude_text + "|" + name;
                opt.exclude = std::regex(re);
                opt.exclude_text = re;
            } catch (const std::regex_error &e) {
                return fail("bad regular expression '" + name + "': " + e.what());
            }
        } else if (verb == "init") {
            opt.init = name;
        } else if (verb == "nesting") {
            opt.nesting = name;
        } else if (verb == "heap") {
            if (name != "micropython")
                return fail("heap takes 'micropython' (the library allocates from MicroPython's heap)");
            opt.heap_kept = true;
        } else if (verb == "prefix") {
            for (std::string more = name; !more.empty(); more.clear(), words >> more)
                opt.prefixes.push_back(more);
        } else if (verb == "methods") {
            opt.methods = name == "-" ? "" : name;
        } else if (verb == "group") {
            std::string cls;
            if (!(words >> cls) || !std::regex_match(cls, std::regex("[A-Za-z_][A-Za-z0-9_]*")))
                return fail("group needs PREFIX CLASS (a Python name)");
            opt.groups.push_back({name, cls});
        } else if (verb == "objects") {
            ObjectsConfig *o = nullptr;
            for (auto &x : opt.objects) {
                if (x.type == name) o = &x;
            }
            if (!o) {
                opt.objects.push_back({});
                o = &opt.objects.back();
                o->type = name;
            }
            std::string kv;
            while (words >> kv) {
                auto eq = kv.find('=');
                std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
                std::string *dst = k == "create"      ? &o->create
                                   : k == "base"      ? &o->base
                                   : k == "class_id"  ? &o->class_id
                                   : k == "of"        ? &o->of
                                   : k == "find"      ? &o->find
                                   : k == "keep"      ? &o->keep
                                   : k == "on_delete" ? &o->on_delete
                                   : k == "deleted"   ? &o->deleted
                                   : k == "user_data" ? &o->user_data
                                                      : nullptr;
                if (!dst || v.empty())
                    return fail("unknown objects setting '" + kv +
                                "' (create, base, class_id, of, find, keep, on_delete, deleted, user_data)");
                *dst = v;
            }
        } else {
            return fail("unknown entry '" + verb +
                        "' (callback, skip, exclude, nullable, printf, wrap, export, heap, init, nesting, "
                        "prefix, methods, group, objects)");
        }
    }
    return true;
}

}  // namespace mpbindgen
