# API fuzzer for a C++ API's module (shapes): every function, constructor, method and field
# of every namespace and class, called or set with random arguments, valid and not, in
# random order. Every call works or raises a Python exception (the sanitizer build runs this
# too, so a crash, a leak or an overflow fails it). test_cxx_fuzz.py [SEED] [CALLS]
# Left out: Blob and C_Pointer, the module's raw-memory helpers (C_Pointer is a C union: its
# str_val after an int_val was set reads memory at that address, as C would).
import array
import gc
import random
import sys

import shapes

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
random.seed(SEED)
geo, text = shapes.geo, shapes.text

# Everything callable, found by walking the namespaces and classes.
functions, classes = [], []


def walk(scope):
    for name in dir(scope):
        if name.startswith("_"):
            continue
        obj = getattr(scope, name)
        if type(obj) is type(shapes):
            walk(obj)
        elif isinstance(obj, type) and name not in ("Blob", "C_Pointer"):  # classes and enums
            classes.append(obj)
        elif type(obj).__name__ == "function":
            functions.append(obj)


walk(shapes)
objects = []  # live objects of the bound classes, to pass back in


def raising(*a):
    raise ValueError("from a callback")


def nasty():
    r = random.random()
    if r < 0.3 and objects:
        return random.choice(objects)
    return random.choice([None, 0, 1, -1, 2, 7, 1 << 31, 1 << 64, -(1 << 70), 0.5, -3.5, float("nan"), float("inf"),
                          True, "", "word", "a b c", "x" * 500, b"bytes", bytearray(3), bytearray(64),
                          array.array("i", [1, 2, 3]), array.array("i"), [], [1, 2], ["a", "b"], [geo.Point(1, 2)],
                          [geo.Circle(1)], (1.0, 2.0), {}, object(), geo.Unit.Inch, 70000,
                          lambda *a: 0, lambda *a: "text", lambda *a: None, raising])


def args():
    return [nasty() for i in range(random.choice([0, 1, 1, 2, 2, 3, 4]))]


outcomes = {"ok": 0, "raised": 0}


def attempt(fn, *a, **kw):
    try:
        r = fn(*a, **kw)
        outcomes["ok"] += 1
        return r
    except (TypeError, ValueError, OverflowError, IndexError, AttributeError, RuntimeError, MemoryError, UnicodeError):
        outcomes["raised"] += 1


for i in range(CALLS):
    what = random.random()
    if what < 0.3:
        o = attempt(random.choice(classes), *args())
        if o is not None:
            objects.append(o)
    elif what < 0.55:
        r = attempt(random.choice(functions), *args())
        if r is not None and type(r) in classes:
            objects.append(r)
    elif objects:
        o = random.choice(objects)
        names = [n for n in dir(o) if not n.startswith("_")]
        if not names:
            continue
        name = random.choice(names)
        member = getattr(o, name)
        if callable(member):
            r = attempt(member, *args())
            if r is not None and type(r) in classes:
                objects.append(r)
        else:
            attempt(setattr, o, name, nasty())
    if len(objects) > 50:
        del objects[:25]
    if i % 500 == 0:
        gc.collect()

del objects[:]
gc.collect()
print("test_cxx_fuzz: seed %d, %d calls: %d worked, %d raised" % (SEED, CALLS, outcomes["ok"], outcomes["raised"]))
assert outcomes["ok"] > CALLS // 20 and outcomes["raised"] > CALLS // 20, outcomes
