# One run of bench/binding/overhead_callgrind.sh: N calls of OP through module MOD (mpbdemo,
# generated; mpbhand, hand-written). Usage: overhead.py MOD OP N
import sys

mod = __import__(sys.argv[1])
op, n = sys.argv[2], int(sys.argv[3])


def run():
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
