# One run of the seed's case for bench/espidf_modes_callgrind.sh: FRAMES full-screen frames,
# each four quarter-screen flushes from two DMA buffers, through the native ili9341 module or
# the MicroPython driver on espidf (pure or hybrid). Usage: espidf_frame_cost.py MODE FRAMES
import sys

import ili9341
from ili9341_espidf import ILI9341

mode, frames = sys.argv[1], int(sys.argv[2])
if mode == "native":
    d = ili9341.ILI9341()
    bufs = d.buffers()
    for f in range(frames):
        for band in range(4):
            d.flush(0, band * 80, 239, band * 80 + 79, bufs[band & 1])
    d.wait()
else:
    d = ILI9341(hybrid=mode == "hybrid", factor=4)
    for f in range(frames):
        for band in range(4):
            d.flush(0, band * 80, 239, band * 80 + 79, band & 1)
    d.wait()
d.deinit()
