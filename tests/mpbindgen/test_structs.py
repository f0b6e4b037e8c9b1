# Structs and unions as types: construction from nothing, a dict (recursive), another
# instance or keywords; fields of every kind; nested structs and array fields as views that
# write into the parent; bitfields with range checks; anonymous members; __SIZE__,
# __cast__ and __dereference__.
import array
import gc
import mpbdemo as d
from bind_checks import check, raises

r = d.demo_rect_t()
check(r.w == 0 and r.name is None and r.next is None and r.user is None, "zeroed")
r = d.demo_rect_t({"origin": {"x": 3, "y": -4}, "w": 10, "h": 20, "name": "first", "visible": True})
check((r.origin.x, r.origin.y, r.w, r.h, r.name, r.visible) == (3, -4, 10, 20, "first", True), "from dict")
k = d.demo_rect_t(w=5, h=6)
check((k.w, k.h) == (5, 6), "keywords")
copy = d.demo_rect_t(r)
copy.w = 99
check(r.w == 10 and copy.w == 99 and copy.origin.y == -4, "copy is independent")
raises(TypeError, d.demo_rect_t, 42)
raises(AttributeError, d.demo_rect_t, {"nope": 1})
raises(AttributeError, setattr, r, "nope", 1)

# Nested struct by reference: writes reach the parent, and C sees them.
o = r.origin
o.x = 50
check(r.origin.x == 50, "nested write reaches the parent")
check(d.demo_center(r).x == 50 + 10 // 2, "C sees the nested write")
r.origin = {"x": 1, "y": 1}
check((r.origin.x, r.origin.y) == (1, 1), "nested assignment from a dict")
r.origin = d.demo_point_t(x=8, y=9)
check((r.origin.x, r.origin.y) == (8, 9), "nested assignment from a struct")

# Ranges of fields, bitfields included.
raises(OverflowError, setattr, r, "w", 65536)
raises(OverflowError, setattr, r, "w", -1)
r.flags = 7
r.level = -8
check((r.flags, r.level) == (7, -8), "bitfields")
check("unsigned" in raises(OverflowError, setattr, r, "flags", 8), "3-bit field")
raises(OverflowError, setattr, r, "level", 8)
r.level = 7
check(r.flags == 7 and r.level == 7, "neighbouring bitfields independent")

# Array fields are writable views.
r.tag[0] = 1
r.tag[3] = 255
check(list(r.tag) == [1, 0, 0, 255], "array view")
r.tag = b"\x09\x08\x07\x06"
check(list(r.tag) == [9, 8, 7, 6], "array from bytes")
r.tag = [1, 2, 3, 4]
check(bytes(r.tag) == b"\x01\x02\x03\x04", "array from a list")
raises(ValueError, setattr, r, "tag", [1, 2])

# Anonymous union member: one storage, two views.
r.as_u32 = 0x11223344
check(list(r.as_bytes) == [0x44, 0x33, 0x22, 0x11], "anonymous union")
r.as_bytes[0] = 0xFF
check(r.as_u32 == 0x112233FF, "writes through the other member")

# Floats.
r.alpha = 0.5
r.weight = 1e300
check(r.alpha == 0.5 and r.weight == 1e300, "float and double fields")

# Pointers to structs, to the struct's own type.
other = d.demo_rect_t(w=3)
r.next = other
check(r.next.w == 3, "struct pointer field")
r.next.w = 4
check(other.w == 4, "through the pointer")
r.next = None
check(r.next is None, "NULL")
raises(TypeError, setattr, r, "next", d.demo_point_t())

# void * fields hold any Python object, which comes back as itself.
payload = {"answer": 42}
r.user = payload
check(r.user is payload, "object in a void * field")

# Struct arguments: pointer and by value, dicts accepted, wrong types refused.
check(d.demo_area(r) == 10 * 20, "const struct *")
check(d.demo_area({"w": 3, "h": 4}) == 12, "dict as const struct *")
d.demo_grow(r, 5)
check((r.w, r.h) == (15, 25), "struct * written by C")
p = d.demo_center({"origin": {"x": 10, "y": 20}, "w": 4, "h": 6})
check(type(p) is d.demo_point_t and (p.x, p.y) == (12, 23), "struct by value in and out")
check("expected demo_rect_t" in raises(TypeError, d.demo_area, d.demo_point_t()), "wrong struct type")
raises(TypeError, d.demo_center, None)

# __SIZE__, __cast__, __dereference__.
check(d.demo_point_t.__SIZE__ == 4, "__SIZE__")
s = d.demo_static_rect()
check((s.origin.x, s.origin.y, s.w, s.h) == (1, 2, 30, 40), "struct returned by pointer")
raw = s.__dereference__()
check(len(raw) == d.demo_rect_t.__SIZE__ and raw[0] == 1, "__dereference__")
pt = d.demo_point_t.__cast__(s)
check((pt.x, pt.y) == (1, 2), "__cast__ of a struct: its first member")
pt.y = 77
check(s.origin.y == 77, "cast views share memory")
buf = bytearray(b"\x05\x00\x06\x00")
bp = d.demo_point_t.__cast__(buf)
check((bp.x, bp.y) == (5, 6), "__cast__ of a buffer")
check(d.demo_point_t.__cast__(None) is None, "__cast__ of NULL")

# Unions.
u = d.C_Pointer()
u.int_val = -1
check(u.uint_val == 0xFFFFFFFF, "union members share storage")
print("structs ok")

# Arrays of structs as fields: a fixed-length sequence of views that write into the parent.
path = d.demo_path_t({"count": 2, "points": [{"x": 1, "y": 2}, {"x": 3, "y": 4}, {}, {}]})
check(len(path.points) == 4 and (path.points[1].x, path.points[1].y) == (3, 4), "array of structs from dicts")
check(d.demo_path_sum(path) == 1 + 2 + 3 + 4, "C sees the elements")
path.points[0].x = 10
check(d.demo_path_sum(path) == 10 + 2 + 3 + 4, "a write through an element view reaches C")
path.points[2] = d.demo_point_t(x=5, y=5)
path.points[3] = {"x": -1}
path.count = 4
check(d.demo_path_sum(path) == 10 + 2 + 3 + 4 + 10 - 1, "elements assigned from a struct and a dict")
check([(p.x, p.y) for p in path.points] == [(10, 2), (3, 4), (5, 5), (-1, 0)], "iteration")
check(path.points[-1].x == -1, "negative index")
raises(IndexError, lambda: path.points[4])


def put_int():
    path.points[0] = 5


raises(TypeError, put_int)
raises(ValueError, setattr, path, "points", [{}])
raises(TypeError, setattr, path, "points", 5)
element = path.points[1]
del path
gc.collect()
check(element.y == 4, "an element view keeps its struct alive")

# An array of structs as an argument (LVGL's line points): a list of structs or dicts.
pts = [d.demo_point_t(x=0, y=0), {"x": 3, "y": 0}, {"x": 3, "y": 4}]
check(d.demo_path_length(pts, 3) == 7, "array of structs from a list")
check(d.demo_path_length(tuple(pts), 2) == 3, "a shorter count")
check(d.demo_path_length(d.demo_point_t(x=1), 1) == 0, "one struct is an array of one")
check("count" in raises(ValueError, d.demo_path_length, pts, 4), "a count beyond the list")
raises(TypeError, d.demo_path_length, [1, 2], 2)

# Arrays of numbers (LVGL's chart arrays): a list or tuple of numbers, each range-checked as an
# argument of the element type, or a buffer as it is.
check(d.demo_weighted_sum([3, -2, 5], 3) == 3 * 1 - 2 * 2 + 5 * 3, "int16_t[] from a list")
check(d.demo_weighted_sum((32767, -32768), 2) == 32767 - 2 * 32768, "from a tuple, at the limits")
check(d.demo_weighted_sum(array.array("h", [7, 1]), 2) == 9, "a buffer as it is")
raises(OverflowError, d.demo_weighted_sum, [40000], 1)
raises(TypeError, d.demo_weighted_sum, ["1"], 1)
check("count" in raises(ValueError, d.demo_weighted_sum, [1, 2], 3), "a count beyond the list")
# What C keeps stays alive (and unchanged) after the list is gone and the heap collected.
d.demo_keep_samples([10, -20, 2**31 - 1], 3)
gc.collect()
junk = [bytearray(64) for _ in range(200)]
check([d.demo_kept_sample(i) for i in range(3)] == [10, -20, 2**31 - 1], "a kept array survives")
check(abs(d.demo_dot3([1.5, 2, -1], (2, 0.25, 4)) - (3 + 0.5 - 4)) < 1e-6, "float[3] from lists")
check("3 numbers" in raises(ValueError, d.demo_dot3, [1, 2], [1, 2, 3]), "a fixed size is checked")
