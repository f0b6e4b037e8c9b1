# Callbacks from C to Python, in the three conventions: (a) a struct argument with
# user_data, (b) a trailing void * user data, (c) a config entry naming where the context
# travels. Python callables stay reachable while C can call them, although the library keeps
# its pointers in memory the collector does not scan.
import gc
import mpbdemo as d
from bind_checks import check, raises


def churn():
    # Collections with plenty of allocation between registering and calling.
    for i in range(20):
        junk = [bytearray(100) for j in range(100)]
        gc.collect()


# (a) user_data in the struct the callback receives.
w = d.demo_widget_t()
seen = []
w.on_change = lambda widget, old: seen.append((widget.value, old))
w.filter = lambda widget, proposed: proposed * 10
churn()
d.demo_widget_set(w, 1)
d.demo_widget_set(w, 2)
check(seen == [(10, 0), (20, 10)], "user_data callbacks: %r" % seen)
check(type(w.user_data) is dict, "user_data holds the callables")
f = w.filter
check(f(None, 3) == 30, "reading the field gives the callable back")
w.filter = None
d.demo_widget_set(w, 5)
check(w.value == 5, "None clears a callback")

# A bound C function of the same type goes in as its C pointer, not through Python.
check(d.demo_apply(d.demo_max, 3, 9) == 9, "C function as callback")
msg = raises(TypeError, setattr, w, "filter", d.demo_max)
check("expects" in msg, "a C function of another type is refused: " + msg)
msg = raises(TypeError, d.demo_apply, lambda a, b: a, 1, 2)
check("config" in msg, "no context: says what to do: " + msg)

# (b) trailing void * user data; the library keeps cb and user data for later.
check(d.demo_for_each(4, lambda i, user: i * user, 10) == 60, "synchronous callback with user data")
d.demo_register(lambda item, user: item + len(user), "four")
churn()
check(d.demo_fire(3) == 7, "kept callable and user data survive collections")
d.demo_register(lambda item, user: -item, None)  # replaces, does not accumulate
check(d.demo_fire(3) == -3, "re-registered")
d.demo_register(None, None)
check(d.demo_fire(3) == -1, "unregistered")


def raising(item, user):
    raise ValueError("from the callback")


d.demo_register(raising, None)
check("from the callback" in raises(ValueError, d.demo_fire, 1), "plain callbacks propagate exceptions")

# (c) the config says: the context travels in the event's `user` field.
cfg = d.demo_source_config_t()
events = []
cfg.on_event = lambda ev: events.append(ev.code)
d.demo_source_init(cfg)  # the library copies the config
del cfg
churn()
d.demo_source_raise(1, None)  # no context: the callable given to the field answers
d.demo_source_raise(2, {"on_event": lambda ev: events.append(-ev.code)})
d.demo_source_raise(3, lambda ev: events.append(100 + ev.code))
check(events == [1, -2, 103], "context field callbacks: %r" % events)
# A context that is no callback record is not called: the start of a buffer's heap block, a
# pointer into its middle, memory outside the heap.
buf = bytearray(64)
for ctx in (d.demo_same(buf), d.demo_same(memoryview(buf)[3:]), d.demo_same(b"constant")):
    d.demo_source_raise(4, ctx)
check(events == [1, -2, 103], "foreign contexts are not called: %r" % events)
# Three callbacks sharing one user data (lv_tree_walk's shape): each finds its own callable,
# each gets the user data; C functions and None mix with Python callables.
seen = []
total = d.demo_walk3(3, lambda i, u: seen.append(("before", i, u)) or 100,
                     lambda i, u: i * u, lambda i, u: seen.append(("after", i, u)) or 1000, 7)
check(total == 100 + 0 + 7 + 14 + 1000 and seen == [("before", -1, 7), ("after", 3, 7)],
      "three callbacks, one user data: %d %r" % (total, seen))
check(d.demo_walk3(2, None, lambda i, u: i, None, None) == 0 + 1, "NULLs among them")
check("expects" in raises(TypeError, d.demo_walk3, 2, None, d.demo_max, None, None), "a C function of another type")

# A by-value parameter of a const struct type, and a const void * result.
check(d.demo_manhattan({"x": -3, "y": 4}) == 7, "const struct by value")
buf = bytearray(4)
check(d.demo_same(buf) == d.demo_same(buf), "const void * result")
print("callbacks ok")
