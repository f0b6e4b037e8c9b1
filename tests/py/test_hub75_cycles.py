# Create, draw, show and deinit, many times (tools/soak.sh: 10,000): DMA memory comes back every time and nothing
# leaks (the sanitizer build runs this with LeakSanitizer).
import gc
import sys

import esp32sim
import framebuf
import hub75
from checks import SANITIZED, check

CYCLES = int(sys.argv[1]) if len(sys.argv) > 1 else 2000

dma0 = esp32sim.info()["dma_free"]
heap0 = None  # taken after the first thousand, with one matrix's objects alive as later
for i in range(CYCLES):
    m = hub75.Matrix(depth=1 + i % 12, double_buffer=bool(i & 1), chain=1 + (i >> 1) % 2)
    fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
    fb.pixel(i % m.width, i % m.height, 0xFFFF)
    m.show()
    esp32sim.run_us(50)
    m.deinit()
    if esp32sim.info()["dma_free"] != dma0:
        raise AssertionError("cycle %d kept DMA memory" % i)
    if i % 1000 == 999:
        gc.collect()
        heap0 = heap0 or gc.mem_alloc()
        check(SANITIZED or gc.mem_alloc() <= heap0 + 1024, "heap grew to %d after %d cycles" % (gc.mem_alloc(), i + 1))
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
print("cycles ok:", CYCLES)
