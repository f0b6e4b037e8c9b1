# Helpers for the MicroPython-level tests: expectations computed from the pixels alone.
import os

# Under the sanitizers the garbage collector's conservative scan of the (larger) C stack
# keeps a few dead objects alive, so MicroPython heap sizes are only compared without them;
# LeakSanitizer checks the C side there.
SANITIZED = bool(os.getenv("UPANEL_SANITIZED"))


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def rgb565_light(v):
    # What an RGB565 value asks for, as 0..255 per channel (full scale = 31 or 63).
    return ((v >> 11) * 255 / 31, ((v >> 5) & 63) * 255 / 63, (v & 31) * 255 / 31)


def compare_rgb565(expected_buf, w, h, snapshot, tol=2, where=""):
    sw, sh, rgb = snapshot
    check((sw, sh) == (w, h), "snapshot is %dx%d, expected %dx%d" % (sw, sh, w, h))
    bad = 0
    first = None
    for y in range(h):
        for x in range(w):
            i = y * w + x
            v = expected_buf[2 * i] | expected_buf[2 * i + 1] << 8
            want = rgb565_light(v)
            for c in range(3):
                got = rgb[3 * i + c]
                if abs(got - want[c]) > tol:
                    bad += 1
                    if first is None:
                        first = (x, y, c, got, want[c])
    if bad:
        x, y, c, got, want = first
        raise AssertionError("%s%d channel values differ; first at x=%d y=%d channel %d: got %d, want %.1f"
                             % ((where + ": ") if where else "", bad, x, y, c, got, want))


def raises(exc, fn, *args, **kw):
    try:
        fn(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s(%r, %r) did not raise %s" % (getattr(fn, "__name__", fn), args, kw, exc.__name__))


def drawn_and_shown(m, draw):
    # draw(fb, w, h) into a plain RGB565 buffer (the expectation) and into the matrix m, shown
    # for 30 ms of emulated time; returns the buffer and the panel's snapshot, m deinitialised.
    import esp32sim
    import framebuf

    ref = bytearray(m.width * m.height * 2)
    draw(framebuf.FrameBuffer(ref, m.width, m.height, framebuf.RGB565), m.width, m.height)
    draw(framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565), m.width, m.height)
    m.show()
    esp32sim.run_ms(30)
    snap = esp32sim.snapshot("hub75")
    m.deinit()
    return ref, snap
