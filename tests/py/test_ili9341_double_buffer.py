# Double buffering: a flush returns at once; rendering into the other buffer and flushing it
# never shows its pixels in the first one's area; a script writing into a buffer still on
# the bus is told so; LVGL's flush_ready comes from the transfer-done interrupt.
import esp32sim
import framebuf
import ili9341
from checks import check, raises
from ili9341_checks import compare, swap16

d = ili9341.ILI9341()  # factor 4: two buffers of 240x80
a, b = d.buffers()
check(len(memoryview(a)) == 240 * 80 * 2 and len(memoryview(b)) == 240 * 80 * 2, "buffer size")
fa = framebuf.FrameBuffer(a, 240, 80, framebuf.RGB565)
fb = framebuf.FrameBuffer(b, 240, 80, framebuf.RGB565)

# Each band: its own colour and its number, so a band drawn in the wrong place shows.
COLOURS = [0xF800, 0x07E0, 0x001F, 0xFFE0]


def band(fbuf, i, col):
    fbuf.fill(col(COLOURS[i]))
    fbuf.text("band %d" % i, 8, 30, col(0))


t0 = esp32sim.time_us()
times = []
for i in range(4):
    buf, fbuf = (a, fa) if i % 2 == 0 else (b, fb)
    d.wait(buf)  # until this buffer is off the bus; the other one may still be sent
    band(fbuf, i, swap16)
    d.flush(0, 80 * i, 239, 80 * i + 79, buf)
    times.append(esp32sim.time_us() - t0)
# 240x80 at 40 MHz: 7.68 ms on the bus. Bands 0 and 1 go at once; band 2 is drawn once A
# (band 0) is off the bus, band 3 once B (band 1) is.
check(times[0] < 50 and times[1] < 50, "first two flushes should not wait: %r" % times)
check(7680 <= times[2] < 7800 and 15360 <= times[3] < 15500, "waits: %r" % times)
d.wait()
ref = bytearray(240 * 320 * 2)
full = framebuf.FrameBuffer(ref, 240, 320, framebuf.RGB565)
for i in range(4):
    sub = bytearray(240 * 80 * 2)
    band(framebuf.FrameBuffer(sub, 240, 80, framebuf.RGB565), i, lambda c: c)
    full.blit(framebuf.FrameBuffer(sub, 240, 80, framebuf.RGB565), 0, 80 * i)
compare(ref, 240, 320, 0, esp32sim.snapshot("ili9341"), where="bands")
info = esp32sim.info("ili9341")
check(info["written_on_bus"] == 0, "no buffer was written on the bus: %r" % info)

# Writing into the buffer on the bus: the driver refuses new write access...
d.flush(0, 0, 239, 79, a)
check(d.busy(a) and not d.busy(b), "a is on the bus")
msg = raises(RuntimeError, framebuf.FrameBuffer, a, 240, 80, framebuf.RGB565)
check("bus" in msg, msg)
# ...and the emulator sees writes through a framebuf made earlier, once the pixels flow.
esp32sim.run_ms(1)
fa.fill(0)
d.wait()
check(not d.busy(a), "a is free after wait()")
info = esp32sim.info("ili9341")
check(info["written_on_bus"] == 1, "the write into a on the bus: %r" % info)
framebuf.FrameBuffer(a, 240, 80, framebuf.RGB565)  # free again: fine


# LVGL-style: flush_cb returns at once; flush_ready comes when the pixels are out.
class Area:
    def __init__(self, x1, y1, x2, y2):
        self.x1, self.y1, self.x2, self.y2 = x1, y1, x2, y2


class Disp:
    def __init__(self):
        self.ready = []

    def flush_ready(self):
        self.ready.append(esp32sim.time_us())


disp = Disp()
t0 = esp32sim.time_us()
d.flush_cb(disp, Area(0, 0, 239, 79), a)
d.flush_cb(disp, Area(0, 80, 239, 159), b)
check(disp.ready == [], "flush_ready before the pixels are out")
esp32sim.run_ms(20)
check(len(disp.ready) == 2, "flush_ready calls: %r" % disp.ready)
check(7680 <= disp.ready[0] - t0 <= 20000, "first flush_ready at %r" % disp.ready)

# The bus is busy nearly all the time while flushes follow each other.
before = esp32sim.info("ili9341")
for i in range(20):
    d.flush(0, 0, 239, 79, a if i % 2 == 0 else b)
d.wait()
after = esp32sim.info("ili9341")
busy = after["busy_us"] - before["busy_us"]
idle = after["idle_us"] - before["idle_us"]
check(busy / (busy + idle) > 0.99, "bus utilisation %.4f" % (busy / (busy + idle)))
check(after["frames"] - before["frames"] == 20, "frames %r" % after)
d.deinit()
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
print("ili9341 double buffer ok")
