# The .pyi stubs editors complete from name what the modules have, and the modules have
# nothing public the stubs leave out.
import esp32sim
import hub75
import ili9341
import ledmatrix
from checks import check

STUBS = "../../stubs/"


def stub_names(path):
    top, members, cls, depth = set(), {}, None, 0
    for line in open(path):
        opened = depth
        depth += line.count("(") - line.count(")")
        if opened:  # inside a signature that spans lines
            continue
        if line.startswith("def ") or line.startswith("class "):
            name = line.split()[1].split("(")[0].split(":")[0]
            top.add(name)
            cls = name if line.startswith("class ") else None
            members[name] = set()
        elif line[:1].isalpha() and ":" in line:
            top.add(line.split(":")[0].strip())
            cls = None
        elif cls and line.startswith("    def "):
            members[cls].add(line.split()[1].split("(")[0])
        elif cls and line.startswith("    ") and not line.startswith("     ") and ":" in line:
            name = line.strip().split(":")[0]
            if name and all(c.isalpha() or c.isdigit() or c == "_" for c in name):
                members[cls].add(name)
    return top, members


for module in (hub75, ili9341, esp32sim, ledmatrix):
    top, members = stub_names(STUBS + module.__name__ + ".pyi")
    public = {n for n in dir(module) if not n.startswith("_")}
    check(top == public, "%s: stub %r, module %r" % (module.__name__, sorted(top - public), sorted(public - top)))
    for cls, names in members.items():
        obj = getattr(module, cls)
        for name in names:
            if name == "__init__":
                continue
            check(name in dir(obj) or name in ("width", "height", "depth", "brightness", "rotation"),
                  "%s.%s has no %s" % (module.__name__, cls, name))
print("stubs ok")
