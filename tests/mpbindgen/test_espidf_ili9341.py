# The seed's ILI9341 driver in MicroPython on the generated espidf module, pure and hybrid,
# draws the same picture as the native ili9341 module; both match the picture computed with
# framebuf alone. The seed's case: two quarter-screen buffers, double buffered.
import esp32sim
import framebuf
import ili9341
from ili9341_checks import compare, swap16
from ili9341_espidf import ILI9341
from bind_checks import check

BANDS, LINES = 4, 80


def scene(fb, oy, col):
    # The whole screen shifted up by oy (framebuf clips what falls outside the band).
    fb.fill(col(0x2104))
    fb.fill_rect(10, 12 - oy, 100, 60, col(0xF800))
    fb.fill_rect(130, 150 - oy, 90, 120, col(0x07E0))
    fb.rect(5, 5 - oy, 230, 310, col(0xFFE0))
    fb.line(0, 319 - oy, 239, 0 - oy, col(0x001F))
    for i in range(8):
        fb.text("upanel %d" % i, 20, 90 + 25 * i - oy, col(0xFFFF))


ref = bytearray(240 * 320 * 2)
scene(framebuf.FrameBuffer(ref, 240, 320, framebuf.RGB565), 0, lambda c: c)


def band_fb(buf):
    return framebuf.FrameBuffer(buf, 240, LINES, framebuf.RGB565)


def native():
    d = ili9341.ILI9341()
    bufs = d.buffers()
    for band in range(BANDS):
        buf = bufs[band & 1]
        d.wait(buf)
        scene(band_fb(buf), band * LINES, swap16)
        d.flush(0, band * LINES, 239, band * LINES + LINES - 1, buf)
    d.wait()
    shot = esp32sim.snapshot("ili9341")
    d.deinit()
    return shot


def espidf(hybrid):
    d = ILI9341(hybrid=hybrid, factor=BANDS)
    for band in range(BANDS):
        i = band & 1
        scene(band_fb(d.buffer(i)), band * LINES, swap16)
        d.flush(0, band * LINES, 239, band * LINES + LINES - 1, i)
    d.wait()
    for _ in range(5):  # lets a scheduled flush_ready run
        pass
    check(d.flushes == BANDS and not d.flushing, "%s: %d flushes reported" % ("hybrid" if hybrid else "pure", d.flushes))
    shot = esp32sim.snapshot("ili9341")
    d.deinit()
    return shot


a = native()
compare(ref, 240, 320, 0, a, where="native")
for hybrid in (False, True):
    b = espidf(hybrid)
    compare(ref, 240, 320, 0, b, where="hybrid" if hybrid else "pure")
    check(b == a, "same picture as the native module")
print("espidf ili9341 ok")
