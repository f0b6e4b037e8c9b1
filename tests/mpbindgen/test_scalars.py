# Functions with every C scalar type: values cross unchanged, out-of-range values raise
# OverflowError instead of being truncated, keyword arguments and signatures work.
import mpbdemo as d
from bind_checks import check, raises

check(d.demo_add(2, 3) == 5 and d.demo_add(b=-7, a=2) == -5, "demo_add")
check(str(d.demo_add) == "<function demo_add(a: int, b: int) -> int>", "signature: %s" % d.demo_add)
check("missing argument 'b'" in raises(TypeError, d.demo_add, 1), "arity: names the missing argument")
check("wrong number" in raises(TypeError, d.demo_add, 1, 2, 3), "arity: too many")
check("unexpected keyword" in raises(TypeError, d.demo_add, 1, c=2), "unknown keyword")
check(d.demo_sum(2, 3) == 5 and d.demo_sum(b=1, a=2) == 3, "a macro naming a function is that function")
check(not hasattr(d, "_demo_sum") and not hasattr(d, "demo_sum_"), "no alias with a leading underscore")
check("given twice" in raises(TypeError, d.demo_add, 1, a=2), "keyword twice")
check("expected int" in raises(TypeError, d.demo_add, "1", 2), "str for int")

limits = [  # function, C type, lowest, highest
    (d.demo_i8, "int8_t", -128, 127), (d.demo_u8, "uint8_t", 0, 255),
    (d.demo_i16, "int16_t", -32768, 32767), (d.demo_u16, "uint16_t", 0, 65535),
    (d.demo_i32, "int32_t", -2**31, 2**31 - 1), (d.demo_u32, "uint32_t", 0, 2**32 - 1),
    (d.demo_i64, "int64_t", -2**63, 2**63 - 1), (d.demo_u64, "uint64_t", 0, 2**64 - 1),
]
for fn, ctype, lo, hi in limits:
    for v in (lo, hi, 0, 1, lo + 1, hi - 1):
        check(fn(v) == v, "%s(%d) came back as %d" % (ctype, v, fn(v)))
    for v in (lo - 1, hi + 1, lo - 2**70, hi + 2**70):
        msg = raises(OverflowError, fn, v)
        check(ctype in msg, "%s: message %r names the type" % (ctype, msg))
check(d.demo_size(2**64 - 1) == 2**64 - 1, "size_t is 64-bit on this host")
raises(OverflowError, d.demo_size, -1)
check(d.demo_u8(True) == 1, "bool as int")
# A `wrap` typedef takes negative values as C converts them, down to the signed minimum.
check(d.demo_timeout(-1) == 0xFFFFFFFF, "wrap: -1 is all ones")
check(d.demo_timeout(-2**31) == 2**31, "wrap: the signed minimum")
check(d.demo_timeout(2**32 - 1) == 2**32 - 1, "wrap: the unsigned maximum")
check("demo_timeout_t" in raises(OverflowError, d.demo_timeout, -2**31 - 1), "wrap: below the signed range")
check("demo_timeout_t" in raises(OverflowError, d.demo_timeout, 2**32), "wrap: above the unsigned range")
check("uint32_t" in raises(OverflowError, d.demo_u32, -1), "no wrap for other unsigned types")

check(d.demo_not(True) is False and d.demo_not(0) is True, "bool")
check(d.demo_half(3.0) == 1.5 and d.demo_half(3) == 1.5, "float")
check(d.demo_scale(2.0, 1.25) == 2.5, "double")
raises(TypeError, d.demo_scale, "x", 1)
check(d.demo_nothing() is None, "void")

# Enums: classes with the common prefix stripped; anonymous enums named by their prefix.
check((d.DEMO_COLOR.RED, d.DEMO_COLOR.GREEN, d.DEMO_COLOR.BLUE) == (1, 2, 4), "enum values")
check(d.demo_next_color(d.DEMO_COLOR.BLUE) == d.DEMO_COLOR.RED, "enum argument and result")
check((d.DEMO_CAP.DMA, d.DEMO_CAP.INTERNAL) == (8, 2048), "anonymous enum")

# #define constants, bound directly.
check(d.DEMO_VERSION == 3 and d.DEMO_MASK == 128 and d.DEMO_NEGATIVE == -42, "int macros")
check(d.DEMO_BIG == 0x123456789, "macro beyond a small int")
check(d.DEMO_RATIO == 0.25, "float macro")
check(d.DEMO_NAME == "upanel", "string macro")
# Grouped macros (config "group"): members of a class, in each group whose prefix they have;
# integers beyond a small int are exact ints there too.
check((d.LIMIT.LOW, d.LIMIT.HIGH, d.LIMIT.LABEL) == (-7, 1000, "limits"), "grouped macros")
check(d.LIMIT.HUGE == 0xFEDCBA9876543210 and d.LIMIT.DEEP == -0x7EDCBA9876543210, "grouped big ints")
check(d.LIMIT.HUGE + 1 == 18364758544493064721 and d.LIMIT.DEEP - 1 == -9141386507638288913, "big int arithmetic")
check({d.LIMIT.HUGE: 1}.get(0xFEDCBA9876543210) == 1, "a grouped big int hashes as an int")
check((d.BOUND.LOW, d.BOUND.HUGE) == (-7, 0xFEDCBA9876543210), "the same constants in a second group")
check(not hasattr(d, "DEMO_LIMIT_LOW"), "grouped macros leave the module's namespace")
check(not hasattr(d, "DEMO_SQUARE") and not hasattr(d, "demo_printf"), "function-like macro and variadic skipped")
raises(AttributeError, lambda: d.NO_SUCH_NAME)
print("scalars ok")
