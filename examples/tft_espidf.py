# The seed's ILI9341 driver written in MicroPython on the generated espidf module, pure and
# hybrid, one after the other on the same panel: each draws frames of a moving bar chart a
# quarter screen at a time from two DMA buffers, and prints its frame time. The bus time is
# the same (40 MHz SPI is the limit); the CPU time is not: pure runs the flush and both
# transfer callbacks in Python, hybrid in C. bench/espidf_modes_callgrind.sh counts it
# (per frame, emulator excluded): pure 524,767 instructions, hybrid 115,240.
import esp32sim
import framebuf
from ili9341_espidf import ILI9341

FRAMES = 4


def c565(r, g, b):  # framebuf stores RGB565 little-endian; the panel wants big-endian
    c = (r >> 3) << 11 | (g >> 2) << 5 | b >> 3
    return ((c >> 8) | (c << 8)) & 0xFFFF


BG, TEXT, BAR = c565(16, 18, 24), c565(235, 235, 240), (c565(80, 200, 255), c565(255, 120, 60))


def draw(fb, oy, frame, hybrid):
    fb.fill(BG)
    fb.text("espidf ILI9341: %s" % ("hybrid" if hybrid else "pure"), 8, 8 - oy, TEXT)
    for i in range(10):
        h = 40 + ((i * 37 + frame * 23) % 200)
        fb.fill_rect(12 + i * 22, 300 - h - oy, 16, h, BAR[hybrid])


for hybrid in (False, True):
    d = ILI9341(hybrid=hybrid, factor=4)
    t0 = esp32sim.time_us()
    for frame in range(FRAMES):
        for band in range(4):
            i = band & 1
            draw(framebuf.FrameBuffer(d.buffer(i), 240, 80, framebuf.RGB565), band * 80, frame, hybrid)
            d.flush(0, band * 80, 239, band * 80 + 79, i)
    d.wait()
    per_frame = (esp32sim.time_us() - t0) / FRAMES / 1000
    print("%s: %.1f ms a frame on the emulated bus, %d flushes reported"
          % ("hybrid" if hybrid else "pure", per_frame, d.flushes))
    if not hybrid:
        d.deinit()
