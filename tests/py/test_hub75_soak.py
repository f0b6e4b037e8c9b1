# Soak in virtual time: a new frame every 16 ms for 20 emulated seconds (tools/soak.sh runs
# the full hour). Every frame reaches the panel exactly once and in order, no refresh is torn,
# no light is a ghost, and neither the MicroPython heap, the DMA heap nor the C heap grows.
import gc
import sys

import esp32sim
import framebuf
import hub75
from checks import SANITIZED, check

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
FRAME_MS = 16

esp32sim.attach_hub75()
m = hub75.Matrix()
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
WHITE = 0xFFFF


def draw(n):
    # The frame number (its low 16 bits) in binary on the top row (a lit 2x2 block is a 1), a moving bar below.
    fb.fill(0)
    for bit in range(16):
        if n >> bit & 1:
            fb.fill_rect(bit * 4, 0, 2, 2, WHITE)
    fb.fill_rect(n % 64, 10, 4, 12, 0x07E0)


def shown_number():
    w, h, rgb = esp32sim.snapshot("hub75")
    n = 0
    for bit in range(16):
        if rgb[(0 * w + bit * 4) * 3] > 128:
            n |= 1 << bit
    return n


gc.collect()
heap0 = gc.mem_alloc()
# MicroPython's collector is conservative: a stale word on the C stack may keep the last
# snapshot (w * h * 3 bytes) alive. A leak grows past that allowance within the run.
ALLOWANCE = 512 + m.width * m.height * 3
dma0 = esp32sim.info()["dma_free"]
c_heap0 = None  # the C heap, taken after the first frames have set up what they keep
frames = SECONDS * 1000 // FRAME_MS
for n in range(1, frames + 1):
    draw(n)
    m.show()
    esp32sim.run_ms(FRAME_MS)
    got = shown_number()
    if got != n & 0xFFFF:
        raise AssertionError("frame %d: the panel shows frame %d" % (n, got))
    if n % 250 == 0:
        gc.collect()
        check(SANITIZED or gc.mem_alloc() <= heap0 + ALLOWANCE, "MicroPython heap grew: %d -> %d" % (heap0, gc.mem_alloc()))
        c_heap = esp32sim.info()["c_heap"]
        c_heap0 = c_heap if c_heap0 is None else c_heap0
        check(c_heap <= c_heap0 + 4096, "C heap grew: %d -> %d" % (c_heap0, c_heap))
panel = esp32sim.info("hub75")
check(panel["torn"] == 0, "torn refreshes: %d" % panel["torn"])
check(panel["ghost"] == 0, "ghost light: %r" % panel["ghost"])
check(m.info()["swaps"] == frames, "swaps %d for %d frames" % (m.info()["swaps"], frames))
check(esp32sim.info()["dma_free"] == dma0, "DMA heap changed while running")
m.deinit()
print("soak ok: %d frames, %d refreshes, %d emulated s" % (frames, panel["refreshes"], SECONDS))
