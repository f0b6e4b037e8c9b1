# Soak in virtual time: full-screen frames flushed in quarter-screen bands from two buffers
# for 20 emulated seconds (tools/soak.sh: an hour). Every frame arrives complete (the panel's
# frame counter and a checksum of what it shows), no buffer is written while on the bus, and
# neither the MicroPython heap nor the DMA heap grows.
import gc
import sys

import esp32sim
import framebuf
import ili9341
from checks import SANITIZED, check

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20

d = ili9341.ILI9341()
bufs = d.buffers()
fbs = [framebuf.FrameBuffer(b, 240, 80, framebuf.RGB565) for b in bufs]
gc.collect()
heap0 = None
dma0 = esp32sim.info()["dma_free"]
c_heap0 = 0
frames0 = esp32sim.info("ili9341")["frames"]
start = esp32sim.time_us()
n = 0
last_mark = None
while esp32sim.time_us() - start < SECONDS * 1_000_000:
    n += 1
    for band in range(4):
        k = band & 1
        d.wait(bufs[k])
        # Frame number in the band's first row (big-endian on the wire, so either order).
        fbs[k].fill(0)
        fbs[k].fill_rect(0, 0, 16, 1, n & 0xFFFF)
        fbs[k].text("%d" % n, 4, 30, 0xFFFF)
        d.flush(0, 80 * band, 239, 80 * band + 79, bufs[k])
    if n % 50 == 0:
        d.wait()
        w, h, rgb = esp32sim.snapshot("ili9341")
        # The first row of every band carries n: all four must show this frame's value.
        marks = [bytes(rgb[(80 * band * 240) * 3:(80 * band * 240 + 16) * 3]) for band in range(4)]
        check(marks.count(marks[0]) == 4, "frame %d: bands from different frames" % n)
        check(marks[0] != last_mark, "frame %d: the panel still shows an older frame" % n)
        last_mark = marks[0]
        gc.collect()
        heap0 = heap0 or gc.mem_alloc()
        check(SANITIZED or gc.mem_alloc() <= heap0 + 1024, "heap grew: %d -> %d" % (heap0, gc.mem_alloc()))
        c_heap0 = c_heap0 or esp32sim.info()["c_heap"]
        check(esp32sim.info()["c_heap"] <= c_heap0 + 4096, "C heap grew: %d -> %d" % (c_heap0, esp32sim.info()["c_heap"]))
d.wait()
info = esp32sim.info("ili9341")
check(info["frames"] - frames0 == 4 * n, "frames received %d for %d flushes" % (info["frames"] - frames0, 4 * n))
check(info["written_on_bus"] == 0, "a buffer was written on the bus: %r" % info)
check(esp32sim.info()["dma_free"] == dma0, "DMA heap changed")
d.deinit()
print("ili9341 soak ok: %d frames in %d emulated s" % (n, SECONDS))
