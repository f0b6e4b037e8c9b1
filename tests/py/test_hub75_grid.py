# Panel walls: one framebuf for the whole canvas of a grid of panels on one chain. A 2x2
# serpentine wall of 64x32 panels shows text across both seams where it is drawn; the same
# through a zig-zag wall, turned canvases, and a 3x2 wall; a driver that takes the wall for
# another kind scrambles it. Expectations: the drawing itself, turned by the test's own code.
import esp32sim
import framebuf
import os
import time
import hub75
from checks import check, compare_rgb565, drawn_and_shown

W, H = 64, 32


def draw(fb, w, h):
    fb.fill(0)
    fb.text("SEAMS", w // 2 - 20, h // 2 - 4, 0xFFFF)  # across both seams of a 2x2 wall
    fb.text("TL", 0, 0, 0xF800)
    fb.fill_rect(w - 5, h - 3, 5, 3, 0x07E0)  # bottom right corner
    fb.line(0, h - 1, w - 1, 0, 0x001F)
    fb.rect(1, 1, w - 2, h - 2, 0x07FF)  # full-scale colours only: exact at depth 4


def turned(src, w, h, quarter_turns):
    # The canvas (w x h) as the wall shows it when the canvas is turned clockwise.
    out = bytearray(len(src))
    ww, wh = (h, w) if quarter_turns & 1 else (w, h)
    for v in range(h):
        for u in range(w):
            if quarter_turns == 0:
                x, y = u, v
            elif quarter_turns == 1:
                x, y = ww - 1 - v, u
            elif quarter_turns == 2:
                x, y = ww - 1 - u, wh - 1 - v
            else:
                x, y = v, wh - 1 - u
            out[2 * (y * ww + x)] = src[2 * (v * w + u)]
            out[2 * (y * ww + x) + 1] = src[2 * (v * w + u) + 1]
    return out, ww, wh


def wall(rows, cols, serpentine, rotation=0, driver_serpentine=None):
    if driver_serpentine is None:
        driver_serpentine = serpentine
    esp32sim.attach_hub75(W, H, grid=(rows, cols), serpentine=serpentine)
    # Depth 4: six panels double buffered fit the emulated board's DMA RAM.
    m = hub75.Matrix(W, H, grid=(rows, cols), serpentine=driver_serpentine, rotation=rotation,
                     gamma=False, depth=4)
    want_w = cols * W if rotation in (0, 180) else rows * H
    check((m.width, m.height) == (want_w, rows * cols * W * H // want_w),
          "canvas %dx%d" % (m.width, m.height))
    w, h = m.width, m.height
    ref, snap = drawn_and_shown(m, draw)
    want, ww, wh = turned(ref, w, h, rotation // 90)
    return want, ww, wh, snap


def shows(rows, cols, serpentine, rotation=0):
    want, ww, wh, snap = wall(rows, cols, serpentine, rotation)
    compare_rgb565(want, ww, wh, snap, where="%dx%d %s wall, rotation %d"
                   % (rows, cols, "serpentine" if serpentine else "zig-zag", rotation))


shows(2, 2, True)
# The PNG shows the wall: 128x64 LEDs, 4x4 pixels each (IHDR: width, height big-endian).
png = "/tmp/upanel_test_hub75_grid_%d.png" % time.ticks_us()
esp32sim.save_png("hub75", png, scale=4, leds=True)
with open(png, "rb") as f:
    head = f.read(24)
os.remove(png)
check(head[12:16] == b"IHDR" and head[16:24] == bytes((0, 0, 2, 0, 0, 0, 1, 0)),
      "PNG header %r" % head)
shows(2, 2, False)
shows(2, 2, True, 90)
shows(2, 2, True, 180)
shows(2, 2, False, 270)
shows(3, 2, True)
shows(1, 3, False, 180)

# A driver that takes a serpentine wall for a zig-zag one shows the lower row scrambled.
want, ww, wh, snap = wall(2, 2, True, 0, False)
try:
    compare_rgb565(want, ww, wh, snap)
    raise AssertionError("a zig-zag driver shows a serpentine wall right")
except AssertionError as e:
    check("differ" in str(e), str(e))

# One pixel worked by hand: on a 2x2 serpentine wall, canvas pixel (0, 32) is the top left
# LED of the lower left panel, the chain's fourth panel hung upside down: its last column and
# last row, chain pixel (3 * 64 + 63, 31), seen on a plain chain of four panels.
esp32sim.attach_hub75(W, H, chain=4)
m = hub75.Matrix(W, H, grid=(2, 2), serpentine=True, gamma=False)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
fb.fill(0)
fb.pixel(0, 32, 0xFFFF)
m.show()
esp32sim.run_ms(30)
w, h, rgb = esp32sim.snapshot("hub75")
lit = [(i % w, i // w) for i in range(w * h) if rgb[3 * i] > 128]
check(lit == [(255, 31)], "canvas (0, 32) lights chain pixel %s" % lit)
m.deinit()

for kw in ({"grid": (3, 3)}, {"grid": (2, 2), "chain": 3}, {"grid": (2,)}, {"rotation": 45},
           {"grid": (0, 2)}):
    try:
        hub75.Matrix(W, H, **kw)
    except ValueError:
        continue
    raise AssertionError("hub75.Matrix(%r) accepted" % kw)
for kw in ({"grid": (3, 3)}, {"grid": (2, 2), "chain": 3}, {"grid": (2,)}):
    try:
        esp32sim.attach_hub75(W, H, **kw)
    except ValueError:
        continue
    raise AssertionError("attach_hub75(%r) accepted" % kw)
esp32sim.attach_hub75()
check(esp32sim.faults() == [], esp32sim.faults())
print("grid ok")
