# The coverage tables of bench/lvgl/compare.sh. From what bench/lvgl/coverage.py printed in
# each firmware ("KIND NAME" lines, by introspection), and from what each generator wrote: the
# C functions behind the function objects of each generated file, the callback slots that
# take Python callables, what each generator left out.
# Usage: coverage_table.py REF_COV UPANEL_COV REF_LV_MPY_C UPANEL_LVGL_C UPANEL_REPORT
import re
import sys

ref_cov, upanel_cov, ref_c, upanel_c, upanel_report = sys.argv[1:6]


def load(path):
    kinds = {}
    with open(path) as f:
        for line in f:
            kind, name = line.split()
            kinds.setdefault(kind, set()).add(name)
    return kinds


def read(path):
    with open(path) as f:
        return f.read()


ref, up = load(ref_cov), load(upanel_cov)
ref_src, up_src, report = read(ref_c), read(upanel_c), read(upanel_report)

# C functions behind each module's function objects (methods included, each function once).
ref_fn = set(re.findall(r"^static MP_DEFINE_CONST_LV_FUN_OBJ_(?:STATIC_)?VAR\(\w+, *\d+, *\w+, *(\w+)\);", ref_src, re.M))
up_fn = set(re.findall(r"^static const mpb_function_t mpb_f_(\w+) = ", up_src, re.M))
# The reference also wraps function pointers read from struct fields as callables (funcptr_*).
ref_funcptr = {f for f in ref_fn if f.startswith("funcptr_")}
ref_fn -= ref_funcptr

# Callback slots that take Python callables: gen_mpy.py writes a "Callback function NAME" block
# for each (NAME: function_param or struct_field), mpbindgen a trampoline mpb_t_NAME and a
# report line for each slot that takes C functions only.
ref_cb = set(re.findall(r"^ \* Callback function (\w+)$", ref_src, re.M))
up_cb = set(re.findall(r"\.trampoline = \(void \(\*\)\(void\)\)mpb_t_(\w+),", up_src))
up_c_only = {n.replace(".", "_"): why for n, why in re.findall(r"^  C functions only: ([\w.]+): (.*)$", report, re.M)}
m = re.search(r"(\d+) callback slots \((\d+) take Python callables\)", report)
up_slots = int(m.group(1)) if m else 0

# Left out: gen_mpy.py's "Function NOT generated" blocks (functions and struct fields; it never
# sees macros, which the preprocessor expanded); mpbindgen's "skipped" lines, macros apart.
ref_left = len(re.findall(r"^ \* Function NOT generated:", ref_src, re.M))
up_skipped = re.findall(r"^  skipped [^:]+:\d+: (.*)$", report, re.M)
up_macros = sum(1 for s in up_skipped if s.endswith("macro") or s.endswith("is not an integer, floating or string constant"))
up_left = len(up_skipped) - up_macros

rows = [("F", "module-level functions"), ("W", "widget classes"),
        ("WM", "widget methods (lv.obj's, plus each class's beyond lv.obj's)"),
        ("S", "struct types (opaque ones included)"), ("SM", "struct methods"), ("E", "enums"),
        ("EM", "enum members"), ("C", "module-level constants"), ("T", "other types")]

print("### Coverage")
print()
print("By introspection (`dir()`) in each firmware; the last rows from the generated C and the generators' reports.")
print()
print("| | reference | upanel | same name in both |")
print("|---|---|---|---|")
for kind, what in rows:
    r, u = ref.get(kind, set()), up.get(kind, set())
    print("| %s | %d | %d | %d |" % (what, len(r), len(u), len(r & u)))
print("| C functions bound (as functions or methods) | %d (+ %d `funcptr_*` callables of function-pointer types) | %d | %d |"
      % (len(ref_fn), len(ref_funcptr), len(up_fn), len(ref_fn & up_fn)))
print("| callback slots that take Python callables | %d | %d (of %d slots) | %d |"
      % (len(ref_cb), len(up_cb), up_slots, len(ref_cb & up_cb)))
print("| left out by the generator (macros apart) | %d | %d (+ %d macros) | |" % (ref_left, up_left, up_macros))


def sample(names, k=12):
    # Round robin over the groups (what is left of the last dot, or the first word), so
    # that one big family (STR_SYMBOL's members, say) does not hide the others.
    groups = {}
    for n in sorted(names):
        key = n.rsplit(".", 1)[0] if "." in n else n.split("_")[0]
        groups.setdefault(key, []).append(n)
    out, queues = [], [groups[g] for g in sorted(groups)]
    while len(out) < k and any(queues):
        for q in queues:
            if q and len(out) < k:
                out.append(q.pop(0))
    return sorted(out)


def code(names):
    return ", ".join("`%s`" % n for n in names)


print()
print("C functions one module binds and the other does not:")
print()
print("| | count | functions |")
print("|---|---|---|")
print("| the reference only | %d | %s |" % (len(ref_fn - up_fn), code(sorted(ref_fn - up_fn))))
print("| upanel only | %d | %s |" % (len(up_fn - ref_fn), code(sorted(up_fn - ref_fn))))
ref_py_up_c = sorted(n for n in ref_cb if n in up_c_only)
print()
print("Callback slots the reference takes Python callables for and upanel only C functions (%d; mpbindgen's reason):"
      % len(ref_py_up_c))
print()
print("| slot | upanel |")
print("|---|---|")
for n in ref_py_up_c:
    print("| `%s` | %s |" % (n, up_c_only[n].split(";")[0]))

for title, a, b in (("Names the reference has and upanel lacks", ref, up), ("Names upanel has and the reference lacks", up, ref)):
    print()
    print("%s (by introspection; count and a sample, one of each family first). Most are the same C function"
          " placed elsewhere: the reference makes a function a method of the widget or struct type its name starts"
          " with (opaque types, static functions and values by value included: `anim_timeline_t.add`,"
          " `image.decoder_create`, `color_t.mix`), upanel a module function unless its first argument points to"
          " a complete struct of that name (`anim_timeline_add`, `image_decoder_create`, `color_mix`):" % title)
    print()
    print("| kind | count | sample |")
    print("|---|---|---|")
    for kind, what in rows:
        diff = a.get(kind, set()) - b.get(kind, set())
        if diff:
            print("| %s | %d | %s |" % (what.split(" (")[0], len(diff), code(sample(diff))))
