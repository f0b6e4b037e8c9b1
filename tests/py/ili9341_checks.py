# Helpers for the ILI9341 tests: what the panel should show, computed from RGB565 values and
# the rotation alone (not by the driver).

W, H = 240, 320
R5 = [round(v * 255 / 31) for v in range(32)]
G6 = [round(v * 255 / 63) for v in range(64)]


def swap16(c):
    # framebuf.RGB565 stores values little-endian; the panel wants big-endian on the wire.
    return ((c >> 8) | (c << 8)) & 0xFFFF


def to_panel(rot, x, y):
    # Where logical (x, y) of a picture turned rot quarter turns clockwise lands on the
    # portrait panel.
    if rot == 0:
        return x, y
    if rot == 1:
        return W - 1 - y, x
    if rot == 2:
        return W - 1 - x, H - 1 - y
    return y, H - 1 - x


def expected_rgb(c, swapped=False, invert=False):
    r, g, b = R5[c >> 11], G6[(c >> 5) & 63], R5[c & 31]
    if swapped:
        r, b = b, r
    if invert:
        r, g, b = 255 - r, 255 - g, 255 - b
    return r, g, b


def compare(ref, w, h, rot, snapshot, swapped=False, invert=False, tol=3, where=""):
    # ref: the logical picture as little-endian RGB565, w x h.
    sw, sh, rgb = snapshot
    if (sw, sh) != (W, H):
        raise AssertionError("snapshot is %dx%d" % (sw, sh))
    bad = 0
    first = None
    for y in range(h):
        for x in range(w):
            i = 2 * (y * w + x)
            want = expected_rgb(ref[i] | ref[i + 1] << 8, swapped, invert)
            px, py = to_panel(rot, x, y)
            j = 3 * (py * W + px)
            if (abs(rgb[j] - want[0]) > tol or abs(rgb[j + 1] - want[1]) > tol
                    or abs(rgb[j + 2] - want[2]) > tol):
                bad += 1
                if first is None:
                    first = (x, y, tuple(rgb[j:j + 3]), want)
    if bad:
        raise AssertionError("%s: %d pixels differ; first at x=%d y=%d: got %r, want %r"
                             % ((where, bad) + first))
