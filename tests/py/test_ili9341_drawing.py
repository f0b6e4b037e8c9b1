# Pictures drawn through flush, fill_rect and blit appear at the right place and colour in all
# four rotations, with bgr and invert, for full and partial areas. The expectation is the
# same drawing made with framebuf into a plain buffer.
import esp32sim
import framebuf
import ili9341
from checks import check
from ili9341_checks import compare, swap16

RED, GREEN, BLUE, GREY, YELLOW = 0xF800, 0x07E0, 0x001F, 0x8410, 0xFFE0


def sprite(fb, w, h, col):
    fb.fill(col(BLUE))
    fb.text("upanel", 2, 2, col(0xFFFF))
    fb.rect(0, 0, w, h, col(YELLOW))
    fb.line(0, h - 1, w - 1, 0, col(GREEN))
    fb.pixel(w - 2, h - 2, col(RED))


def scene(fb, w, h, col):
    # What the display should show after the calls in case(), in logical coordinates.
    fb.fill(col(GREY))
    fb.fill_rect(3, 5, 40, 25, col(RED))
    fb.fill_rect(w - 17, h - 9, 17, 9, col(GREEN))  # bottom right corner
    sub = framebuf.FrameBuffer(bytearray(60 * 30 * 2), 60, 30, framebuf.RGB565)
    sprite(sub, 60, 30, col)
    fb.blit(sub, w // 2, h // 3)  # flushed from a DMA buffer
    sub2 = framebuf.FrameBuffer(bytearray(50 * 20 * 2), 50, 20, framebuf.RGB565)
    sprite(sub2, 50, 20, col)
    fb.blit(sub2, 10, h - 30)  # blitted from a plain bytearray


def case(rotation, bgr=True, invert=False):
    d = ili9341.ILI9341(rotation=rotation, bgr=bgr, invert=invert)
    w, h = d.width, d.height
    check((w, h) == ((320, 240) if rotation & 1 else (240, 320)), "size %dx%d" % (w, h))
    d.fill(GREY)
    d.fill_rect(3, 5, 40, 25, RED)
    d.fill_rect(w - 17, h - 9, 17, 9, GREEN)
    a, b = d.buffers()
    sprite(framebuf.FrameBuffer(a, 60, 30, framebuf.RGB565), 60, 30, swap16)
    d.flush(w // 2, h // 3, w // 2 + 59, h // 3 + 29, a)
    plain = bytearray(50 * 20 * 2)
    sprite(framebuf.FrameBuffer(plain, 50, 20, framebuf.RGB565), 50, 20, swap16)
    d.blit(plain, 10, h - 30, 50, 20)
    d.wait()
    ref = bytearray(w * h * 2)
    scene(framebuf.FrameBuffer(ref, w, h, framebuf.RGB565), w, h, lambda c: c)
    # The modules' glass is BGR: bgr=False shows red and blue swapped.
    compare(ref, w, h, rotation, esp32sim.snapshot("ili9341"), not bgr, invert,
            where="rotation %d bgr %s invert %s" % (rotation, bgr, invert))
    d.deinit()


for rotation in range(4):
    case(rotation)
case(1, bgr=False)
case(3, invert=True)
case(2, bgr=False, invert=True)

# Full screen from one buffer (factor=1) in landscape.
d = ili9341.ILI9341(rotation=1, factor=1, double_buffer=False)
(a,) = d.buffers()
fb = framebuf.FrameBuffer(a, 320, 240, framebuf.RGB565)
scene(fb, 320, 240, swap16)
d.flush(0, 0, 319, 239, a)
d.wait()
ref = bytearray(320 * 240 * 2)
scene(framebuf.FrameBuffer(ref, 320, 240, framebuf.RGB565), 320, 240, lambda c: c)
compare(ref, 320, 240, 1, esp32sim.snapshot("ili9341"), where="full screen")

# The rotation property turns what is drawn next.
d.rotation = 0
check((d.width, d.height) == (240, 320), "rotation property")
d.fill_rect(0, 0, 10, 10, RED)
d.wait()
w, h, rgb = esp32sim.snapshot("ili9341")
check(tuple(rgb[0:3]) == (255, 0, 0), "rotation 0 origin: %r" % (tuple(rgb[0:3]),))

# Backlight off: black.
d.backlight(False)
check(max(esp32sim.snapshot("ili9341")[2]) == 0, "backlight off should be black")
d.backlight(True)
d.deinit()
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
print("ili9341 drawing ok")
