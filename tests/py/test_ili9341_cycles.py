# Create, draw, flush and deinit the ILI9341 driver many times: DMA memory, the SPI unit, its
# DMA channel and its interrupt come back every time (tools/soak.sh: 10,000 cycles).
import gc
import sys

import esp32sim
import ili9341
from checks import SANITIZED, check

CYCLES = int(sys.argv[1]) if len(sys.argv) > 1 else 1000

dma0 = esp32sim.info()["dma_free"]
heap0 = None
for i in range(CYCLES):
    d = ili9341.ILI9341(factor=(4, 8, 10)[i % 3], double_buffer=bool(i & 1), rotation=i % 4)
    a = d.buffers()[0]
    d.fill_rect(i % (d.width - 20), i % (d.height - 10), 20, 10, 0xF800)
    d.flush(0, 0, d.width - 1, len(memoryview(a)) // 2 // d.width - 1, a)
    d.deinit()
    if esp32sim.info()["dma_free"] != dma0:
        raise AssertionError("cycle %d kept DMA memory" % i)
    if i % 100 == 99:
        gc.collect()
        heap0 = heap0 or gc.mem_alloc()
        check(SANITIZED or gc.mem_alloc() <= heap0 + 2048, "heap grew to %d" % gc.mem_alloc())
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
print("ili9341 cycles ok:", CYCLES)
