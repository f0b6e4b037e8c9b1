# The stubs mpbindgen wrote for the generated modules name exactly what the modules have
# (constants made on demand included), so editors complete the real API.
import espidf
import lodepng
from bind_checks import check

for module in (espidf, lodepng):
    names, classes = set(), {}
    cls = None
    for line in open("../../stubs/%s.pyi" % module.__name__):
        if line.startswith("def ") or line.startswith("class "):
            name = line.split()[1].split("(")[0].split(":")[0]
            names.add(name)
            cls = name if line.startswith("class ") else None
            classes[name] = set()
        elif line[:1].isalpha() and ":" in line:
            names.add(line.split(":")[0])
            cls = None
        elif cls and line.startswith("    ") and not line.startswith("     ") and ": " in line:
            field = line.strip().split(":")[0]
            if field and all(ch.isalpha() or ch.isdigit() or ch == "_" for ch in field):
                classes[cls].add(field)
    public = {n for n in dir(module) if not n.startswith("_")}
    check(public <= names, "%s: not in the stub: %r" % (module.__name__, sorted(public - names)))
    missing = [n for n in names if not hasattr(module, n)]
    check(not missing, "%s: stub names what the module lacks: %r" % (module.__name__, missing))
    for c, fields in classes.items():
        obj = getattr(module, c)
        for f in fields:
            if f.startswith("__"):
                continue
            if type(obj) is type and hasattr(obj, "__SIZE__"):
                check(hasattr(obj(), f), "%s.%s.%s" % (module.__name__, c, f))
            else:
                check(hasattr(obj, f), "%s.%s.%s" % (module.__name__, c, f))
print("generated stubs ok")
