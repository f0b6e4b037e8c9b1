#!/usr/bin/env python3
"""lodepng through the generated module, round trip against an independent PNG codec (this
file writes a PNG with zlib; tests/live/png_decode.py reads one).
usage: lodepng_check.py FIRMWARE"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "live"))
import png_decode  # noqa: E402

W, H = 37, 23


def pixel(x, y):
    return ((x * 7 + y * 3) & 255, (x * y + 11) & 255, (x * 13 ^ y * 5) & 255, 255)


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def encode():  # RGBA, filter "Sub" on every row so that lodepng has to undo a filter
    rows = b""
    for y in range(H):
        line = b"".join(bytes(pixel(x, y)) for x in range(W))
        rows += b"\x01" + bytes((line[i] - (line[i - 4] if i >= 4 else 0)) & 255 for i in range(len(line)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


tmp = tempfile.mkdtemp()
src, dst = os.path.join(tmp, "in.png"), os.path.join(tmp, "out.png")
with open(src, "wb") as f:
    f.write(encode())
r = subprocess.run([sys.argv[1], os.path.join(here, "lodepng_roundtrip.py"), src, dst],
                   env=dict(os.environ, MICROPYPATH=here), capture_output=True, text=True, timeout=300)
sys.stdout.write(r.stdout)
sys.stderr.write(r.stderr)
if r.returncode != 0:
    sys.exit("lodepng_roundtrip.py failed")
w, h, rows = png_decode.decode(open(dst, "rb").read())
bad = [(x, y) for y in range(H) for x in range(W) if rows[y][3 * x:3 * x + 3] != bytes(pixel(x, y)[:3])]
if (w, h) != (W, H) or bad:
    sys.exit("lodepng's PNG decodes to %dx%d with %d wrong pixels, first %s" % (w, h, len(bad), bad[:1]))
print("lodepng round trip ok")
