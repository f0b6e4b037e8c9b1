# C++ functions (module `shapes`): namespaces as submodules, overloads by arity and by type,
# default arguments, keyword arguments, references, std::string, std::vector, std::span,
# pointer-plus-length buffers, constants and scoped enums; bad arguments raise.
import array
import shapes
from bind_checks import check, raises

geo, text = shapes.geo, shapes.text

# Namespaces are submodules; constants (constexpr and #define) and scoped enums are bound.
check(type(geo) is type(shapes) and type(text.detail) is type(shapes), "namespaces are modules")
check(shapes.SHAPES_VERSION == 2 and geo.kMaxPoints == 64 and abs(geo.kPi - 3.14159265358979) < 1e-15,
      "constants")
check((geo.Unit.Millimetre, geo.Unit.Inch) == (10, 254), "enum class Unit : uint16_t")

# Default arguments, in order or by keyword; C++ fills the defaults the header gives.
check(shapes.greet() == "hello, world" and shapes.greet("you") == "hello, you", "std::string default")
check(shapes.greet(who="me") == "hello, me", "keyword argument")
check(geo.to_mm(10) == 10.0 and abs(geo.to_mm(1, geo.Unit.Inch) - 25.4) < 1e-12, "enum default")
check(geo.to_mm(unit=geo.Unit.Inch, v=2) == 50.8, "keywords in any order")
raises(TypeError, geo.to_mm)
raises(TypeError, geo.to_mm, 1, 2, 3)
raises(TypeError, geo.to_mm, 1, units=2)
raises(OverflowError, geo.to_mm, 1, 70000)  # beyond uint16_t

# Overloads by type and by arity: int, double and std::string versions of scale().
check(text.scale(3) == 6 and type(text.scale(3)) is int, "int overload for an int")
check(text.scale(1.5) == 3.0 and type(text.scale(1.5)) is float, "double overload for a float")
check(text.scale(3, 0.5) == 1.5, "an int converts to double when no overload takes it as it is")
check(text.scale("ab") == "abab" and text.scale("ab", 3) == "ababab", "std::string overload")
check(text.scale(2, by=5) == 10 and text.scale("x", times=4) == "xxxx", "keywords pick the overload")
msg = raises(TypeError, text.scale, [1])
check("no overload takes (list)" in msg and "scale(s: str, times: int = 2) -> str" in msg,
      "no overload: the message lists them: " + msg)
raises(TypeError, text.scale, "ab", 1.5)  # no (str, float) overload
check("fit" in raises(OverflowError, text.scale, 1 << 20, 1 << 20), "std::overflow_error is an OverflowError")
check("3 overloads" in repr(text.scale), "repr shows the overloads: " + repr(text.scale))

# References: const T & takes the object, T & writes into it.
p = geo.Point(1, 2)
geo.translate(p, 10)
check((p.x, p.y) == (11.0, 2.0), "Point & argument, dy defaulted")
geo.translate(p, 0, dy=-2)
check(p.y == 0.0, "Point & argument, keyword")
check(geo.distance(geo.Point(0, 0), geo.Point(3, 4)) == 5.0, "const Point & arguments")
raises(TypeError, geo.translate, None, 1)
raises(TypeError, geo.distance, geo.Point(), geo.Circle(1))
counter = bytearray(4)
text.increment(counter)
text.increment(counter)
check(int.from_bytes(counter, "little") == 2, "int & argument writes into a buffer")
check("needs 4 bytes" in raises(ValueError, text.increment, bytearray(2)), "int & needs sizeof(int) bytes")
raises(ValueError, text.increment, None)

# std::vector arguments take lists and tuples; results come back as lists.
check(text.words("a bb  ccc") == ["a", "bb", "ccc"], "std::vector<std::string> result")
check(text.join(["x", "y", "z"]) == "x y z" and text.join(("x", "y"), sep="+") == "x+y", "vector<string> argument")
check(text.join([]) == "", "an empty vector")
check(text.all_set([True, True]) and not text.all_set([True, False]) and text.all_set([]), "vector<bool>")
check(abs(geo.total_area([geo.Circle(1), geo.Circle(2)]) - 5 * geo.kPi) < 1e-9, "vector<Circle> argument")
raises(TypeError, text.join, "not a list")
raises(TypeError, text.join, [1, 2])
raises(TypeError, geo.total_area, [geo.Circle(1), geo.Point()])

# std::span: a buffer of whole elements, written in place when not const.
values = array.array("i", [1, 2, 3])
text.bump(values, 10)
check(list(values) == [11, 12, 13], "std::span<int32_t> writes into the array")
raises(ValueError, text.bump, bytearray(6), 1)  # not whole int32_t elements
raises(TypeError, text.bump, b"\x00\x00\x00\x00", 1)  # bytes are read-only


def reference_checksum(data, seed):
    h = seed
    for b in data:
        h = (h * 31 + b) & 0xFFFFFFFF
    return h


blob = bytes(range(200))
check(text.checksum(blob) == reference_checksum(blob, 0), "std::span<const uint8_t> from bytes")
check(text.checksum(bytearray(b"abc")) == reference_checksum(b"abc", 0), "from a bytearray")
check(text.checksum(blob, 100, 7) == reference_checksum(blob[:100], 7), "pointer + length overload")
check("len" in raises(ValueError, text.checksum, b"abc", 10, 0), "a length beyond the buffer is refused")
raises(OverflowError, text.checksum, b"abc", 1, -1)

# A std::string result must be UTF-8 to become a str.
check("not UTF-8" in raises(UnicodeError, text.scale, b"\xff"), "non-UTF-8 C++ string result")
check("not UTF-8" in raises(UnicodeError, text.words, b"ok \xfe"), "non-UTF-8 vector element")

# help() and errors show the Python signature.
check(repr(geo.distance) == "<function distance(a: Point, b: Point) -> float>", repr(geo.distance))
check("missing argument 'b'" in raises(TypeError, geo.distance, geo.Point()), "missing argument named")
print("test_cxx_functions: ok")
