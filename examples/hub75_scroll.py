# Scrolling text on a 64x32 HUB75 panel: a rainbow message moving right to left, drawn with
# framebuf straight into the driver's back buffer and shown at the next refresh boundary.
import esp32sim
import framebuf
import hub75

MESSAGE = "upanel: HUB75 at 1.6 kHz from MicroPython"
STEP_MS = 25  # one pixel of movement per step


def rgb565(r, g, b):
    return (r >> 3) << 11 | (g >> 2) << 5 | b >> 3


def hue(h):  # 0..767 around the colour wheel
    h %= 768
    if h < 256:
        return rgb565(255 - h, h, 0)
    if h < 512:
        return rgb565(0, 511 - h, h - 256)
    return rgb565(h - 512, 0, 767 - h)


m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
width = len(MESSAGE) * 8
for step in range(m.width + width // 2):
    x0 = m.width - step
    fb.fill(0)
    fb.hline(0, 3, m.width, rgb565(40, 40, 90))
    fb.hline(0, 28, m.width, rgb565(40, 40, 90))
    for i, ch in enumerate(MESSAGE):
        x = x0 + i * 8
        if -8 < x < m.width:
            fb.text(ch, x, 12, hue(i * 40 + step * 6))
    m.show()
    esp32sim.run_ms(STEP_MS)
info = esp32sim.info("hub75")
print("scroll: %d steps, refresh %.0f Hz, torn %d" % (step + 1, info["refresh_hz"], info["torn"]))
