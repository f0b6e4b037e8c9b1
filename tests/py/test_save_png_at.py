# save_png(..., at_ms=): pictures taken when virtual time reaches a chosen moment while the
# script goes on. An animation shows frame k at k * FRAME_MS; captures scheduled before it
# runs must hold the frame that time predicts. A TFT capture timed inside a driver's wait
# holds the rows the bus had sent by then, computed from the bus rate. Bad input raises.
import os
import sys
import time

import esp32sim
import framebuf
import hub75
import ili9341
from checks import check, raises

sys.path.append("../live")
import png_decode  # noqa: E402

FRAME_MS, FRAMES = 40, 6
TMP = "/tmp/upanel_test_save_png_at_%d_" % time.ticks_us()


def path(name):
    return TMP + name


def picture(name):
    with open(path(name), "rb") as f:
        return png_decode.decode(f.read())


def block_of(k):  # frame k lights the 8x8 block at column 8k, row 8 * (k % 4)
    return 8 * k, 8 * (k % 4)


# Frame k of the animation: an 8x8 red block at block_of(k), the rest dark.
def lit_in_frame(k, x, y):
    bx, by = block_of(k)
    return bx <= x < bx + 8 and by <= y < by + 8


m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
start_ms = esp32sim.time_us() / 1000
# Mid-frame times, well away from any frame change: frame 2 at 2.5 frames, frame 4 at 4.25.
times = {2: start_ms + 2.5 * FRAME_MS, 4: start_ms + 4.25 * FRAME_MS}
for k, t in times.items():
    esp32sim.save_png("hub75", path("frame%d.png" % k), at_ms=t)
pending = esp32sim.captures()[-2:]
check([c["state"] for c in pending] == ["pending", "pending"], "pending before time: %r" % pending)
check(all(c["taken_ms"] is None and c["error"] is None for c in pending), "nothing taken yet: %r" % pending)

for k in range(FRAMES):
    fb.fill(0)
    bx, by = block_of(k)
    fb.fill_rect(bx, by, 8, 8, 0xF800)
    m.show()
    esp32sim.run_ms(FRAME_MS)

done = esp32sim.captures()[-2:]
for c, (k, t) in zip(done, times.items()):
    check(c["state"] == "saved" and c["device"] == "hub75" and c["path"] == path("frame%d.png" % k),
          "saved: %r" % c)
    check(c["at_ms"] == t and c["taken_ms"] == t, "taken exactly at %r: %r" % (t, c))
shots = {}
for k in times:
    w, h, rows = picture("frame%d.png" % k)
    check((w, h) == (64, 32), "frame %d is %dx%d" % (k, w, h))
    shots[k] = rows
    wrong = [(x, y) for y in range(32) for x in range(64)
             if (rows[y][3 * x] > 200) != lit_in_frame(k, x, y) or rows[y][3 * x + 1] > 30]
    check(not wrong, "frame %d at %g ms: %d LEDs not as drawn, first %r" % (k, times[k], len(wrong), wrong[:3]))
check(shots[2] != shots[4], "the two captures differ")

# Scheduled for a time still to come, the file appears only then; a folder that went away
# in between makes the capture fail, as captures() says.
os.mkdir(path("dir"))
later = esp32sim.time_us() / 1000 + 5
esp32sim.save_png("hub75", path("dir/late.png"), at_ms=later, scale=2, leds=True)
os.rmdir(path("dir"))
esp32sim.run_ms(10)
c = esp32sim.captures()[-1]
check(c["state"] == "failed" and "late.png" in c["error"] and c["taken_ms"] == later, "failed: %r" % c)

# At the present time it is taken at once.
now = esp32sim.time_us() / 1000
esp32sim.save_png("hub75", path("now.png"), at_ms=now)
check(esp32sim.captures()[-1]["state"] == "saved", "taken at once: %r" % esp32sim.captures()[-1])
check(picture("now.png")[:2] == (64, 32), "now.png is the panel")

# Bad input: nothing is scheduled.
n = len(esp32sim.captures())
for bad in (-1, -0.001, float("nan"), float("inf"), 1e11):
    raises(ValueError, esp32sim.save_png, "hub75", path("x.png"), at_ms=bad)
raises(ValueError, esp32sim.save_png, "hub75", path("x.png"), at_ms=now - 1)  # the past
msg = raises(ValueError, esp32sim.save_png, "hub75", path("x.png"), at_ms=1)
check("past" in msg and "virtual time is already" in msg, msg)
raises(TypeError, esp32sim.save_png, "hub75", path("x.png"), at_ms="5")
raises(ValueError, esp32sim.save_png, "lcd", path("x.png"), at_ms=now + 5)
raises(ValueError, esp32sim.save_png, "hub75", path("x.png"), at_ms=now + 5, scale=0)
msg = raises(OSError, esp32sim.save_png, "hub75", "/nonexistent/dir/x.png", at_ms=now + 5)
check("/nonexistent/dir/x.png" in msg, msg)
check(len(esp32sim.captures()) == n, "bad calls scheduled nothing")
m.deinit()

# The TFT, captured while a full-screen red fill goes out over a blue screen, at the time
# half its pixels need on the 40 MHz bus (16 bits a pixel: 0.4 us). The capture falls inside
# the driver's wait(), so the rows already sent are red and the rest still blue.
TFT_PINS = dict(mosi=21, clk=22, cs=32, dc=33, rst=2, backlight=0, miso=34)
esp32sim.attach_ili9341(pins=TFT_PINS)
d = ili9341.ILI9341(mhz=40, **TFT_PINS)
d.fill(0x001F)
d.wait()
t0 = esp32sim.time_us()
HALF_US = 240 * 320 // 2 * 0.4
esp32sim.save_png("ili9341", path("tft.png"), at_ms=(t0 + HALF_US) / 1000)
d.fill(0xF800)
d.wait()
c = esp32sim.captures()[-1]
check(c["state"] == "saved" and c["device"] == "ili9341", "TFT capture: %r" % c)
w, h, rows = picture("tft.png")
check((w, h) == (240, 320), "TFT picture %dx%d" % (w, h))


def row_colour(y):
    red = all(rows[y][3 * x] > 200 and rows[y][3 * x + 2] < 30 for x in range(240))
    blue = all(rows[y][3 * x + 2] > 200 and rows[y][3 * x] < 30 for x in range(240))
    return "red" if red else "blue" if blue else "mixed"


colours = [row_colour(y) for y in range(320)]
first_not_red = next(y for y, c in enumerate(colours) if c != "red")
# Up to 160 rows (96 us each) fit in the time; the commands before the pixels take a few us.
check(156 <= first_not_red <= 160, "rows sent by half time: %d" % first_not_red)
check(all(c == "red" for c in colours[:first_not_red]), "rows above are red")
check(all(c == "blue" for c in colours[first_not_red + 1:]), "rows below are still blue")
w, h, rgb = esp32sim.snapshot("ili9341")
check(rgb[3 * (319 * 240)] > 200 and rgb[3 * (319 * 240) + 2] < 30, "all red once the fill is done")
d.deinit()

for name in ("frame2.png", "frame4.png", "now.png", "tft.png"):
    os.remove(path(name))
print("save_png at_ms OK")
