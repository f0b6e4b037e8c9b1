# C global variables through the module's cvar object: read and written in place (C sees
# Python's writes, Python sees C's), with the ranges and types of struct fields; const ones
# are read-only, and reading them gives copies.
import gc
import mpbdemo as d
from bind_checks import check, raises

v = d.cvar
check(v.demo_counter == 5 and d.demo_counter_twice() == 10, "initial value")
v.demo_counter = -7
check(d.demo_counter_twice() == -14, "C sees a write")
ticks = v.demo_ticks
d.demo_tick()
d.demo_tick()
check(v.demo_ticks == ticks + 2, "Python sees C's writes")
raises(OverflowError, setattr, v, "demo_ticks", -1)
raises(OverflowError, setattr, v, "demo_counter", 1 << 40)
raises(TypeError, setattr, v, "demo_counter", "5")

# A const char * variable: the string given stays alive while C points at it.
check(v.demo_label == "start", "string variable")
v.demo_label = "x" * 40 + "tail"
for i in range(20):
    junk = [bytearray(64) for j in range(50)]
    gc.collect()
check(v.demo_label == "x" * 40 + "tail", "the string survives collections")

# A struct variable is a view; an array variable a writable memoryview.
o = v.demo_origin
o.x = 40
check(v.demo_origin.x == 40, "struct variable written through its view")
v.demo_origin = {"x": 3, "y": 4}
check((v.demo_origin.x, v.demo_origin.y) == (3, 4), "struct variable assigned from a dict")
v.demo_table[0] = 200
check(list(v.demo_table) == [200, 2, 3, 4], "array variable")

# const variables: read-only, and reading gives copies.
check(v.demo_limit == 99, "const int")
check("const" in raises(AttributeError, setattr, v, "demo_limit", 1), "a const variable is read-only")
unit = v.demo_unit
unit.x = 50
check(v.demo_unit.x == 1, "a const struct is read as a copy")
raises(AttributeError, setattr, v, "demo_unit", {"x": 2})
raises(AttributeError, getattr, v, "no_such_variable")
print("test_globals: ok")
