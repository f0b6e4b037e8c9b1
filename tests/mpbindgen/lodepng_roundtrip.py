# MicroPython half of lodepng_check.py: decodes IN_PNG (made by an independent encoder) with
# the generated lodepng module and checks its pixels against the formula, then encodes the
# formula's picture to OUT_PNG for the independent decoder. Usage: lodepng_roundtrip.py IN OUT
import sys

import lodepng
from bind_checks import check

W, H = 37, 23  # odd sizes: no row padding hides an error


def pixel(x, y):  # the picture both sides compute on their own
    return ((x * 7 + y * 3) & 255, (x * y + 11) & 255, (x * 13 ^ y * 5) & 255, 255)


src, dst = sys.argv[1], sys.argv[2]
png = open(src, "rb").read()
out, w, h = lodepng.C_Pointer(), lodepng.C_Pointer(), lodepng.C_Pointer()
err = lodepng.lodepng_decode32(out, w, h, png, len(png))
check(err == 0, "decode: %s" % lodepng.lodepng_error_text(err))
check((w.uint_val, h.uint_val) == (W, H), "size %dx%d" % (w.uint_val, h.uint_val))
rgba = bytes(out.ptr_val.__dereference__(W * H * 4))
lodepng.lodepng_result_free(out.ptr_val)
for y in range(H):
    for x in range(W):
        i = 4 * (y * W + x)
        check(tuple(rgba[i:i + 4]) == pixel(x, y), "decoded pixel (%d, %d)" % (x, y))

# Bad input: an error code with its text, not a crash.
garbage = b"not a png at all" * 4
err = lodepng.lodepng_decode32(out, w, h, garbage, len(garbage))
check(err != 0 and "signature" in lodepng.lodepng_error_text(err), "garbage: %d %s" % (err, lodepng.lodepng_error_text(err)))
err = lodepng.lodepng_decode32(out, w, h, b"tiny", 4)
check("smaller than a PNG header" in lodepng.lodepng_error_text(err), "too short")
err = lodepng.lodepng_decode32(out, w, h, png[:40], 40)
check(err != 0, "truncated PNG refused")

raw = bytearray(W * H * 4)
for y in range(H):
    for x in range(W):
        raw[4 * (y * W + x):4 * (y * W + x) + 4] = bytes(pixel(x, y))
size = lodepng.C_Pointer()
err = lodepng.lodepng_encode32(out, size, raw, W, H)
check(err == 0, "encode: %s" % lodepng.lodepng_error_text(err))
with open(dst, "wb") as f:
    f.write(bytes(out.ptr_val.__dereference__(size.size_val)))
lodepng.lodepng_result_free(out.ptr_val)
print("lodepng: decoded %dx%d, encoded %d bytes" % (W, H, size.size_val))
