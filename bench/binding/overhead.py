# One run of bench/binding/overhead_callgrind.sh: N calls of OP through module MOD (mpbdemo
# and shapes, generated; mpbhand and cxxhand, hand-written). Usage: overhead.py MOD OP N
import sys

mod = __import__(sys.argv[1])
op, n = sys.argv[2], int(sys.argv[3])


def run_cxx():
    # C++: shapes.geo.Point / shapes.text.scale, or the hand-written cxxhand.Point / scale.
    Point = mod.geo.Point if hasattr(mod, "geo") else mod.Point
    scale = mod.text.scale if hasattr(mod, "text") else mod.scale
    p = Point(3.0, 4.0)
    if op == "method":
        for i in range(n):
            p.norm()
    elif op == "overload":
        for i in range(n):
            scale(i)


def run():
    if op in ("method", "overload"):
        return run_cxx()
    buf = bytes(64)
    p = mod.demo_point_t()
    cb = lambda i, u: i
    f = mod.demo_add
    if op == "loop":
        for i in range(n):
            pass
    elif op == "add":
        for i in range(n):
            f(i, 2)
    elif op == "buffer":
        f = mod.demo_sum_bytes
        for i in range(n):
            f(buf, 64)
    elif op == "field":
        for i in range(n):
            p.x = p.y
    elif op == "callback":
        f = mod.demo_for_each
        for i in range(n):
            f(1, cb, None)


run()
