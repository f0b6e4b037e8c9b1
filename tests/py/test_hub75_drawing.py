# framebuf drawings appear at the right pixels in the right colours, on both halves, for
# 64x32 (1/16 scan), 64x64 (1/32 scan, E line) and two chained 64x32 panels.
import esp32sim
import framebuf
import hub75
from checks import compare_rgb565


def draw(fb, w, h):
    fb.fill(0)
    fb.text("upanel", 1, 1, 0xFFFF)
    fb.fill_rect(0, h // 2, 5, 3, 0xF800)  # first row of the lower half
    fb.fill_rect(w - 6, h - 4, 6, 4, 0x07E0)  # bottom right corner
    fb.line(0, h - 1, w - 1, 0, 0x001F)
    fb.pixel(w // 2, h // 2 - 1, 0xFFE0)  # last row of the upper half
    fb.rect(w // 4, h // 4, w // 2, h // 2, 0x8410)  # a mid grey


def case(width, height, chain):
    esp32sim.attach_hub75(width=width, height=height, chain=chain)
    m = hub75.Matrix(width=width, height=height, chain=chain, gamma=False)
    assert (m.width, m.height) == (width * chain, height)
    fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
    draw(fb, m.width, m.height)
    # The same drawing into a plain buffer is the expectation.
    ref = bytearray(m.width * m.height * 2)
    draw(framebuf.FrameBuffer(ref, m.width, m.height, framebuf.RGB565), m.width, m.height)
    m.show()
    esp32sim.run_ms(30)
    compare_rgb565(ref, m.width, m.height, esp32sim.snapshot("hub75"),
                   where="%dx%d chain %d" % (width, height, chain))
    info = esp32sim.info("hub75")
    assert info["ghost"] == 0, info
    m.deinit()


case(64, 32, 1)
case(64, 64, 1)
case(64, 32, 2)
case(32, 16, 1)
assert esp32sim.faults() == [], esp32sim.faults()
print("drawing ok")
