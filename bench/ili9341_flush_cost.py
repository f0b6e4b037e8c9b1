# One full screen, four quarter-screen bands, flushed FRAMES times either by the native
# driver or by the plain-MicroPython flush; both must leave the same picture.
# Usage: ili9341_flush_cost.py native|pure FRAMES
import sys

import esp32sim
import framebuf
import ili9341
from ili9341_pure_flush import PureFlush

mode, frames = sys.argv[1], int(sys.argv[2])
d = ili9341.ILI9341(mhz=40)
a, b = d.buffers()
for i, buf in enumerate((a, b)):
    f = framebuf.FrameBuffer(buf, 240, 80, framebuf.RGB565)
    f.fill(0x1F00 if i else 0x00F8)
    f.text("upanel", 10 + 40 * i, 30, 0xFFFF)
pure = PureFlush()
t0 = esp32sim.time_us()
for n in range(frames):
    for band in range(4):
        buf = (a, b)[band & 1]
        if mode == "native":
            d.wait(buf)
            d.flush(0, 80 * band, 239, 80 * band + 79, buf)
        else:
            pure.flush(0, 80 * band, 239, 80 * band + 79, buf)
d.wait()
w, h, rgb = esp32sim.snapshot("ili9341")
print("frames", frames, "emulated_us", esp32sim.time_us() - t0, "picture", hash(bytes(rgb)))
