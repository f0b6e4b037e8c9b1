#include "arrange.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "names.h"

namespace mpbindgen {
namespace {

std::string upper(std::string s) {
    for (auto &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool is_ident(const std::string &s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// s without the first of `prefixes` it starts with, when what is left is a Python name; else s.
std::string strip(const std::string &s, const std::vector<std::string> &prefixes) {
    for (auto &prefix : prefixes) {
        if (prefix.empty() || s.size() <= prefix.size() || s.compare(0, prefix.size(), prefix) != 0) continue;
        std::string rest = s.substr(prefix.size());
        if (is_ident(rest) && py_safe(rest) == rest) return rest;
    }
    return s;
}

std::string regex_escape(const std::string &s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}

// Every type of the module: parameters, results, fields, variables, and those inside
// function-pointer types.
void for_each_type(Module &mod, const std::function<void(Type &)> &f) {
    std::set<const Signature *> seen;
    std::function<void(Type &)> visit = [&](Type &t) {
        f(t);
        if (t.sig && seen.insert(t.sig.get()).second) {
            visit(t.sig->ret);
            for (auto &p : t.sig->params) visit(p.type);
        }
    };
    for (auto &fn : mod.functions) {
        visit(fn.sig.ret);
        for (auto &p : fn.sig.params) visit(p.type);
    }
    for (auto &r : mod.records) {
        for (auto &fl : r.fields) visit(fl.type);
    }
    for (auto &g : mod.globals) visit(g.type);
}

std::string pointee_name(const Type &t) {
    std::string c = t.c;
    for (const char *q : {"const ", "struct "}) {
        if (c.rfind(q, 0) == 0) c = c.substr(std::string(q).size());
    }
    auto star = c.rfind('*');
    if (star == std::string::npos) return "";
    c = c.substr(0, star);
    while (!c.empty() && c.back() == ' ') c.pop_back();
    return c;
}

class Arranger {
  public:
    Arranger(const Options &opt, Module &mod) : opt_(opt), mod_(mod) {}
    bool run(std::string &error);

  private:
    bool objects(const ObjectsConfig &cfg, std::string &error);
    void struct_methods();
    void names();
    void skip_function(const Function &f, const std::string &why) {
        mod_.skipped.push_back({f.loc, f.name + "()", why});
    }

    const Options &opt_;
    Module &mod_;
};

// Handles: pointers to cfg.type become objects of classes, one per create function.
bool Arranger::objects(const ObjectsConfig &cfg, std::string &error) {
    ObjFamily fam;
    fam.c = cfg.type;
    fam.of = cfg.of;
    fam.find = cfg.find;
    fam.keep = cfg.keep;
    fam.on_delete = cfg.on_delete;
    fam.deleted = cfg.deleted;
    if (!cfg.user_data.empty()) {
        std::smatch m;
        static const std::regex names("([A-Za-z_][A-Za-z0-9_]*),([A-Za-z_][A-Za-z0-9_]*)");
        if (!std::regex_match(cfg.user_data, m, names)) {
            error = "objects " + cfg.type + ": user_data=SETTER,GETTER (two Python method names)";
            return false;
        }
        fam.user_data_set = m[1];
        fam.user_data_get = m[2];
    }
    if (cfg.create.find("{name}") == std::string::npos || cfg.base.empty()) {
        error = "objects " + cfg.type + ": needs create=...{name}... and base=CLASS";
        return false;
    }
    if (!cfg.find.empty() != !cfg.keep.empty() || !cfg.on_delete.empty() != !cfg.deleted.empty()) {
        error = "objects " + cfg.type + ": find and keep go together, and so do on_delete and deleted";
        return false;
    }
    // The type's own record, and the records that embed it (a widget's private data), are not
    // bound: their memory is the library's.
    std::set<std::string> gone = {cfg.type};
    for (bool more = true; more;) {
        more = false;
        for (auto &r : mod_.records) {
            if (gone.count(r.c)) continue;
            for (auto &f : r.fields) {
                if ((f.type.kind == Kind::Struct || f.type.kind == Kind::StructArray) &&
                    gone.count(f.type.record)) {
                    gone.insert(r.c);
                    more = true;
                    break;
                }
            }
        }
    }
    for_each_type(mod_, [&](Type &t) {
        bool handle = (t.kind == Kind::StructPtr && t.record == cfg.type) ||
                      (t.kind == Kind::Ptr && pointee_name(t) == cfg.type);
        if (handle) {
            t.kind = Kind::Handle;
            t.record = cfg.type;
            t.py = cfg.base;
        } else if (t.kind == Kind::StructPtr && gone.count(t.record)) {
            t.kind = Kind::Ptr;  // opaque from here on
            t.pointee.clear();
            t.record.clear();
            t.py = "Blob | None";
        }
    });
    mod_.records.erase(std::remove_if(mod_.records.begin(), mod_.records.end(),
                                      [&](const Record &r) { return gone.count(r.c) > 0; }),
                       mod_.records.end());
    auto by_value = [&](const Type &t) {
        return (t.kind == Kind::Struct || t.kind == Kind::StructArray) && gone.count(t.record);
    };
    mod_.functions.erase(
        std::remove_if(mod_.functions.begin(), mod_.functions.end(),
                       [&](const Function &f) {
                           bool bad = by_value(f.sig.ret);
                           for (auto &p : f.sig.params) bad = bad || by_value(p.type);
                           if (bad)
                               skip_function(f, "takes or returns the library's own object struct by value");
                           return bad;
                       }),
        mod_.functions.end());
    mod_.globals.erase(std::remove_if(mod_.globals.begin(), mod_.globals.end(),
                                      [&](const Global &g) { return by_value(g.type); }),
                       mod_.globals.end());

    // Classes: one per create function that takes a parent and returns a new object.
    auto is_handle = [&](const Type &t) { return t.kind == Kind::Handle && t.record == cfg.type; };
    size_t at = cfg.create.find("{name}");
    std::string before = cfg.create.substr(0, at), after = cfg.create.substr(at + 6);
    std::regex create_re("^" + regex_escape(before) + "([A-Za-z0-9_]+)" + regex_escape(after) + "$");
    for (auto &f : mod_.functions) {
        std::smatch m;
        // An alias of a create function (LVGL 8's lv_btn_create) stays a function: one class
        // per kind of object, so objects come back as the class LVGL made them with.
        if (!f.alias_of.empty() || !std::regex_match(f.name, m, create_re) || !is_handle(f.sig.ret) ||
            f.sig.params.empty() || !is_handle(f.sig.params[0].type))
            continue;
        ObjClass cls;
        cls.py = m[1];
        cls.create = f.name;
        f.owner = cls.py;
        f.py.clear();                     // reached through its class, not by name
        f.sig.params[0].nullable = true;  // no parent: a screen
        if (!cfg.class_id.empty()) {
            std::string id = std::regex_replace(cfg.class_id, std::regex(R"(\{name\})"), cls.py);
            std::string var = id[0] == '&' ? id.substr(1) : id;
            for (auto &g : mod_.globals) {
                if (g.name == var) cls.class_id = id;
            }
        }
        if (cls.py == cfg.base) fam.classes.insert(fam.classes.begin(), cls);
        else fam.classes.push_back(cls);
    }
    if (fam.classes.empty() || fam.classes[0].py != cfg.base) {
        error = "objects " + cfg.type + ": no create function for the base class '" + cfg.base + "' (" +
                cfg.create + ")";
        return false;
    }
    // Methods: a class's functions whose first argument is the object. Longer class names
    // first, so that menu_page_ wins over menu_.
    std::vector<const ObjClass *> order;
    for (auto &c : fam.classes) order.push_back(&c);
    std::sort(order.begin(), order.end(), [](auto *a, auto *b) { return a->py.size() > b->py.size(); });
    for (auto &f : mod_.functions) {
        if (!f.owner.empty() || f.sig.params.empty() || !is_handle(f.sig.params[0].type)) continue;
        for (auto *c : order) {
            std::string prefix = before + c->py + "_";
            if (f.name.size() > prefix.size() && f.name.compare(0, prefix.size(), prefix) == 0) {
                f.owner = c->py;
                f.method = true;
                f.py = py_safe(f.name.substr(prefix.size()));
                break;
            }
        }
    }
    // The delete notification's callback type comes from the function that registers it.
    if (!cfg.on_delete.empty()) {
        std::string fn = cfg.on_delete.substr(0, cfg.on_delete.find('('));
        auto it =
            std::find_if(mod_.functions.begin(), mod_.functions.end(), [&](auto &f) { return f.name == fn; });
        if (it == mod_.functions.end()) {
            error = "objects " + cfg.type + ": on_delete calls " + fn + ", which is not bound";
            return false;
        }
    }
    mod_.families.push_back(std::move(fam));
    return true;
}

// A struct's functions: NAME_stem_VERB(NAME_t *, ...) is NAME_t.VERB; so is a function that
// shares only the first words with the struct's name beyond the library's prefix, as
// lv_binding_micropython has them: lv_obj_event_base(lv_obj_class_t *, ...) is
// lv_obj_class_t.event_base.
void Arranger::struct_methods() {
    const std::string &suffix = *opt_.methods;
    for (auto &f : mod_.functions) {
        if (!f.owner.empty() || f.sig.params.empty() || f.sig.params[0].type.kind != Kind::StructPtr)
            continue;
        const Record *r = mod_.record(f.sig.params[0].type.record);
        if (!r) continue;
        std::string stem = r->c;
        if (!suffix.empty() && stem.size() > suffix.size() &&
            stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0)
            stem.resize(stem.size() - suffix.size());
        const std::string prefix = stem + "_";
        // The longest run of whole words the two names start with.
        size_t common = 0;
        for (size_t i = 0; i < f.name.size() && i < prefix.size() && f.name[i] == prefix[i]; i++)
            if (f.name[i] == '_') common = i + 1;
        size_t library = 0;  // the library's prefix the name starts with (lv_)
        for (auto &lib : opt_.prefixes)
            if (f.name.compare(0, lib.size(), lib) == 0) library = std::max(library, lib.size());
        if (common < (library ? library + 1 : prefix.size()) || common >= f.name.size()) continue;
        std::string rest = f.name.substr(common);
        if (!is_ident(rest)) continue;
        f.owner = r->c;  // renamed to the record's Python name below
        f.method = true;
        f.py = py_safe(rest);
    }
}

// Python names without the library's prefix (upper case for enums and constants), enums
// named after an object class nested in it, constant groups; a name taken twice keeps its C
// spelling the second time.
void Arranger::names() {
    const std::vector<std::string> &p = opt_.prefixes;
    std::vector<std::string> up;
    for (auto &x : p) up.push_back(upper(x));
    std::set<std::string> taken = {"__name__", "Blob", "C_Pointer", "cvar", "__getattr__"};
    auto claim = [&](std::string &py, const std::string &c) {
        if (taken.insert(py).second) return;
        py = c;
        taken.insert(py);
    };
    std::map<std::string, std::string> record_py;  // C name -> Python name
    for (auto &r : mod_.records) {
        std::string c = r.py;
        r.py = strip(r.py, p);
        claim(r.py, c);
        record_py[r.c] = r.py;
    }
    for (auto &fam : mod_.families) {
        for (auto &cls : fam.classes) claim(cls.py, cls.py);
    }
    // Enums named after a class go into it: OBJ_FLAG -> obj.FLAG.
    std::vector<Enum> kept;
    for (auto &e : mod_.enums) {
        e.py = strip(e.py, up);
        ObjClass *home = nullptr;
        size_t best = 0;
        for (auto &fam : mod_.families) {
            for (auto &cls : fam.classes) {
                std::string cp = upper(cls.py) + "_";
                if (e.py.size() > cp.size() && e.py.compare(0, cp.size(), cp) == 0 && cp.size() > best) {
                    home = &cls;
                    best = cp.size();
                }
            }
        }
        if (home && is_ident(e.py.substr(best))) {
            e.py = e.py.substr(best);
            home->enums.push_back(e);
        } else {
            kept.push_back(e);
        }
    }
    mod_.enums = std::move(kept);
    for (auto &e : mod_.enums) claim(e.py, e.c.empty() ? e.py + "_" : e.c);
    for (auto &f : mod_.functions) {
        if (f.method) {
            auto it = record_py.find(f.owner);
            if (it != record_py.end()) f.owner = it->second;
            continue;
        }
        if (f.py.empty()) continue;  // a create function
        f.py = strip(f.name, p);
        claim(f.py, f.name);
    }
    // Constants: classes of grouped ones first (the group's name wins over a constant's); a
    // constant whose name another constant has already (the same value, defined twice: a macro
    // and an enum of it) is left out.
    for (auto &[prefix, cls] : opt_.groups) taken.insert(cls);
    std::set<std::string> constant_names;
    std::vector<Constant> constants;
    for (auto &k : mod_.constants) {
        // In every group whose prefix it has (two spellings of one API: CAP.DMA, MALLOC_CAP.DMA).
        bool grouped = false;
        for (auto &[prefix, cls] : opt_.groups) {
            if (k.name.size() > prefix.size() && k.name.compare(0, prefix.size(), prefix) == 0 &&
                is_ident(k.name.substr(prefix.size()))) {
                Constant g = k;
                g.group = cls;
                g.py = k.name.substr(prefix.size());
                if (constant_names.insert(g.group + "." + g.py).second) constants.push_back(g);
                grouped = true;
            }
        }
        if (grouped) continue;
        k.py = strip(k.name, up);
        if (!constant_names.insert(k.py).second) continue;
        claim(k.py, k.name);
        constants.push_back(k);
    }
    mod_.constants = std::move(constants);
    for (auto &g : mod_.globals) {
        g.py = strip(g.name, p);
        claim(g.py, g.name);
    }
}

bool Arranger::run(std::string &error) {
    for (auto &cfg : opt_.objects) {
        if (!objects(cfg, error)) return false;
    }
    if (opt_.methods) struct_methods();
    names();
    return true;
}

}  // namespace

bool arrange(const Options &opt, Module &mod, std::string &error) { return Arranger(opt, mod).run(error); }

}  // namespace mpbindgen
