# A small GUI on an ILI9341 TFT: a title bar, three buttons and a live chart, drawn with
# framebuf into the driver's two DMA buffers a quarter screen at a time. While one quarter
# goes out over SPI by DMA, the next is drawn into the other buffer (double buffering).
import math

import esp32sim
import framebuf
import ili9341

FRAMES = 12


def c565(r, g, b):  # a colour as framebuf stores it: RGB565, byte-swapped for the wire
    c = (r >> 3) << 11 | (g >> 2) << 5 | b >> 3
    return ((c >> 8) | (c << 8)) & 0xFFFF


BG, BAR, TEXT = c565(16, 18, 24), c565(30, 60, 140), c565(235, 235, 240)
BUTTONS = (("START", c565(30, 150, 70)), ("STOP", c565(190, 40, 40)), ("MODE", c565(200, 140, 20)))
GRID, LINE, FILL = c565(45, 50, 60), c565(80, 200, 255), c565(25, 70, 100)


def draw(fb, oy, frame, samples):
    # The whole screen, shifted up by oy: framebuf clips what falls outside this quarter.
    fb.fill(BG)
    fb.fill_rect(0, 0 - oy, 240, 28, BAR)
    fb.text("upanel TFT demo", 8, 10 - oy, TEXT)
    for i, (label, colour) in enumerate(BUTTONS):
        x = 8 + i * 78
        fb.fill_rect(x, 40 - oy, 70, 36, colour)
        fb.rect(x, 40 - oy, 70, 36, TEXT if i == frame % 3 else colour)
        fb.text(label, x + 35 - len(label) * 4, 54 - oy, TEXT)
    # The chart: a grid, then the samples as filled columns under a line.
    top, height = 100, 200
    fb.rect(8, top - oy, 224, height, GRID)
    for k in range(1, 4):
        fb.hline(8, top + k * height // 4 - oy, 224, GRID)
    prev = None
    for i, v in enumerate(samples):
        x = 10 + i * 4
        y = top + height - 2 - v
        fb.fill_rect(x, y + 1 - oy, 3, top + height - 2 - y, FILL)
        if prev:
            fb.line(prev[0], prev[1] - oy, x, y - oy, LINE)
        prev = (x, y)
    fb.text("frame %d" % frame, 160, 306 - oy, TEXT)


d = ili9341.ILI9341(factor=4, double_buffer=True)
bufs = d.buffers()
rows = d.height // 4
for frame in range(FRAMES):
    samples = [int(90 + 80 * math.sin((i + frame * 3) * 0.18) * math.cos(i * 0.05)) for i in range(55)]
    for q in range(4):
        buf = bufs[q % 2]
        d.wait(buf)  # the buffer must be off the bus before drawing into it
        fb = framebuf.FrameBuffer(buf, d.width, rows, framebuf.RGB565)
        draw(fb, q * rows, frame, samples)
        d.flush(0, q * rows, d.width - 1, q * rows + rows - 1, buf)
    esp32sim.run_ms(40)
d.wait()
info = esp32sim.info("ili9341")
print("gui: %d frames, %d windows sent, bus busy %.1f ms" % (FRAMES, info["frames"], info["busy_us"] / 1000))
