# What the lvgl module of the firmware that runs it offers, by introspection (dir()), for
# bench/lvgl/compare.sh: one line per name, "KIND NAME", where KIND is
#   F   a module-level function                 W   a widget class (has obj's methods)
#   WM  a method of a widget class: lv.obj's own, and each other class's beyond lv.obj's
#   S   a struct type (__SIZE__ or __cast__)     SM  a method of a struct type
#   E   an enum (a class of int constants only), at module level or in a widget class
#       (lv.obj.FLAG; each class's beyond lv.obj's)                    EM  a member of an enum
#   C   a module-level constant (int, str, ...)
#   T   another type: the binding's own helpers (Blob, C_Pointer, ...) and the like
import lvgl as lv


def public(names):
    return [n for n in names if not n.startswith("__")]


def callable_(v):
    return callable(v) and not isinstance(v, type)


def members(t):
    out = {}
    for n in public(dir(t)):
        try:
            out[n] = getattr(t, n)
        except Exception:
            pass
    return out


obj_members = members(lv.obj)
obj_methods = set(n for n, v in obj_members.items() if callable_(v))
# Types of the bindings' own, not of LVGL's (upanel's Blob and C_Pointer, the reference's
# C_Pointer, _lv_mp_int_wrapper and LvReferenceError).
HELPERS = ("Blob", "C_Pointer", "_lv_mp_int_wrapper", "LvReferenceError")


def is_widget(t):
    try:
        if issubclass(t, lv.obj):
            return True
    except TypeError:
        pass
    # A binding that copies lv.obj's methods into each class instead of deriving from it.
    m = members(t)
    return "add_event_cb" in m and "set_x" in m and "__SIZE__" not in dir(t)


def is_enum(t):
    m = members(t)
    return bool(m) and all(isinstance(v, int) and not isinstance(v, bool) for v in m.values())


def enum(name, t):
    print("E", name)
    for n in sorted(members(t)):
        print("EM", name + "." + n)


for name in sorted(public(dir(lv))):
    v = getattr(lv, name)
    if isinstance(v, type):
        if name in HELPERS:
            print("T", name)
        elif is_widget(v):
            print("W", name)
            for n, f in sorted(members(v).items()):
                if callable_(f) and (v is lv.obj or n not in obj_methods):
                    print("WM", name + "." + n)
                elif isinstance(f, type) and is_enum(f) and (v is lv.obj or n not in obj_members):
                    enum(name + "." + n, f)
        elif "__SIZE__" in dir(v) or "__cast__" in dir(v):  # opaque ones have no size
            print("S", name)
            for n, f in sorted(members(v).items()):
                if callable_(f):
                    print("SM", name + "." + n)
        elif is_enum(v):
            enum(name, v)
        else:
            print("T", name)
    elif callable(v):
        print("F", name)
    else:
        print("C", name)
