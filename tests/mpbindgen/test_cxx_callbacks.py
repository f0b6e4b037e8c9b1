# std::function arguments take Python callables: called at once (sum_over) or kept by the
# library and called later (Dispatcher), which keeps them alive although only C++ holds them;
# arguments and results converted both ways; an exception raised in the callback comes out of
# the C++ call as itself; None is an empty std::function.
import gc
import shapes
from bind_checks import check, raises

events, geo = shapes.events, shapes.geo


def churn():
    for i in range(20):
        junk = [bytearray(100) for j in range(100)]
        gc.collect()


check(events.sum_over(4, lambda i: i * 10) == 60, "int(int) callback")
check(events.map_words("a bb ccc", lambda w: w.upper() + "!") == "A! BB! CCC!", "std::string(const std::string &)")
check(events.test_point(geo.Point(3, 4), lambda p: p.norm() == 5.0), "a const Point & reaches Python as a Point")
check(not events.test_point(geo.Point(1, 1), lambda p: p.x > 2), "bool result")

# The library keeps the std::function: the callable must survive collections.
d = events.Dispatcher()
got = []


def make_handler(tag):
    return lambda name, value: got.append((tag, name, value))


d.on("tick", make_handler("a"))  # nothing else refers to these lambdas
d.on("tick", make_handler("b"))
d.on("tock", make_handler("c"))
churn()
check(d.emit("tick", 1.5) == 2 and d.emit("tock", -2) == 1 and d.emit("none", 0) == 0, "handlers called later")
check(got == [("a", "tick", 1.5), ("b", "tick", 1.5), ("c", "tock", -2.0)], "arguments: %r" % got)
d.clear()
check(d.size() == 0 and d.emit("tick", 0) == 0, "cleared")
for i in range(200):  # registering and clearing in a loop: nothing builds up
    d.on("x", lambda name, value: None)
    d.clear()
churn()

# Exceptions: the callback's own exception, as itself.
class Stop(Exception):
    pass


def stop_at_2(i):
    if i == 2:
        raise Stop("at %d" % i)
    return i


check("at 2" in raises(Stop, events.sum_over, 5, stop_at_2), "a Python exception crosses C++ unchanged")
check(events.sum_over(3, lambda i: i) == 3, "usable after an exception")
check("expected int" in raises(TypeError, events.sum_over, 3, lambda i: "no"), "a result of the wrong type")
raises(OverflowError, events.sum_over, 1, lambda i: 1 << 40)
raises(TypeError, events.sum_over, 3, 5)
check(events.sum_over(0, None) == 0, "None is an empty std::function")
check("bad_function_call" in raises(RuntimeError, events.sum_over, 1, None), "calling an empty one: C++'s exception")
d.on("tick", None)
check(d.emit("tick", 1) == 0, "an empty handler is skipped by the library")
print("test_cxx_callbacks: ok")
