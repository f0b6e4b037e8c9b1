# Strings and pointers: const char * in (kept alive when C keeps it), char * out, NULL as
# None; opaque handles as Blobs, out-parameters through C_Pointer, buffers with size checks.
import gc
import mpbdemo as d
from bind_checks import check, raises

check(d.demo_strlen("hello") == 5 and d.demo_strlen(b"abc") == 3, "str and bytes")
check(d.demo_strlen(None) == 0, "None is NULL")
check(d.demo_null_string() is None, "NULL result is None")
raises(TypeError, d.demo_strlen, 5)

# The library keeps the pointer: the string must outlive the call, through a collection.
d.demo_keep("kept " + str(12345))
junk = [bytearray(64) for i in range(3000)]
del junk
gc.collect()
junk = [b"x" * 40 for i in range(3000)]
check(d.demo_kept() == "kept 12345", "kept string: %r" % d.demo_kept())

out = bytearray(8)
check(d.demo_hello(out, len(out)) == 5 and out[:6] == b"hello\0", "char * out")
raises(TypeError, d.demo_hello, b"readonly", 8)  # bytes are not writable

# Buffers for pointers.
check(d.demo_sum_bytes(bytes(range(10)), 10) == 45, "bytes as const uint8_t *")
msg = raises(ValueError, d.demo_sum_bytes, bytes(10), 11)  # pointer plus length: no overread
check("len=11" in msg and "10 bytes" in msg, msg)
buf = bytearray(6)
d.demo_fill(memoryview(buf)[2:], 3, 9)
check(buf == bytearray([0, 0, 9, 9, 9, 0]), "memoryview slice as uint8_t *")

# Opaque handles: out-parameter through C_Pointer, then passed back as a Blob.
p = d.C_Pointer()
check(d.demo_open(7, p) == 0, "demo_open")
h = p.ptr_val
check(type(h) is d.Blob and d.demo_handle_id(h) == 7, "handle")
check(h == p.ptr_val and hash(h) == hash(p.ptr_val), "Blobs of one pointer are equal")
d.demo_close(h)

# Pointer-to-scalar out-parameters check the size of what they are given.
msg = raises(ValueError, d.demo_get_size, bytearray(4))
check("8 bytes" in msg, msg)
cp = d.C_Pointer()
d.demo_get_size(cp)
check(cp.uint_val == 0x55667788, "low half of the size_t through the union")
u = bytearray(4)
d.demo_get_u32(u)
check(u == b"\x0d\xf0\xfe\xca", "uint32_t out into a bytearray")

# Blob dereference to a memoryview of a size the caller gives.
r = d.demo_static_rect()
raw = r.__dereference__()
check(len(raw) == d.demo_rect_t.__SIZE__, "struct __dereference__ length")
blob_view = d.demo_static_rect().__dereference__(4)
check(bytes(blob_view) == b"\x01\x00\x02\x00", "origin (1, 2) as little-endian int16s")
raises(TypeError, d.demo_sum_bytes, 42, 1)
# A printf-like function (config "printf"): the values are formatted by Python's %, so no
# value reaches C's varargs; C gets "%s" and the text.
check(d.demo_log_line(2, "x=%d %s", 5, "ab") == len("2:x=5 ab") and d.demo_last_line() == "2:x=5 ab", "printf-like")
check(d.demo_log_line(1, "%s", "100%") == 6 and d.demo_last_line() == "1:100%", "a % in a value stays")
check(d.demo_log_line(0, "50%%") == 5 and d.demo_last_line() == "0:50%", "%% without values")
raises(TypeError, d.demo_log_line, 0, "%d %d", 1)  # too few values: Python's % says so
raises(TypeError, d.demo_log_line, 0)
raises(TypeError, d.demo_log_line, 0, b"%d", 1)
raises(TypeError, d.demo_log_line, level=0, fmt="x")
# An untyped pointer with a length takes a buffer (checked against it), None or a Blob; another
# object by reference would have C go len bytes over the object itself.
check(d.demo_checksum(bytearray([1, 2, 3]), 3) == 6 and d.demo_checksum(None, 0) == 0, "void * with a length")
raises(ValueError, d.demo_checksum, bytearray(2), 3)
raises(TypeError, d.demo_checksum, 5, 4)
check("takes a buffer" in raises(TypeError, d.demo_checksum, {"a": 1}, 4), "a dict is no buffer")
check("takes a buffer" in raises(TypeError, d.demo_checksum, [1, 2], 2), "nor a list")
print("strings and pointers ok")
