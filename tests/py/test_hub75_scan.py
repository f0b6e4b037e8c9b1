# Four-scan outdoor panels: with the panel's scan (and run length) given to the driver,
# framebuf drawings land where they are drawn, on 32x16 1/4 scan and 64x32 1/8 scan panels,
# alone and chained; a driver without the mapping, or with the wrong run length, shows a
# scrambled picture. The expectation is the drawing itself, in a plain buffer.
import esp32sim
import framebuf
import hub75
from checks import check, compare_rgb565, drawn_and_shown


def draw(fb, w, h):
    fb.fill(0)
    fb.text("4S", 1, 0, 0xFFFF)
    fb.fill_rect(0, h // 2, 5, 3, 0xF800)  # first rows of the lower half
    fb.fill_rect(w - 6, h - 4, 6, 4, 0x07E0)  # bottom right corner
    fb.line(0, h - 1, w - 1, 0, 0x001F)
    fb.pixel(w // 2, h // 4, 0xFFE0)  # first row of the upper half's second row block
    fb.hline(0, h // 4 - 1, w, 0xF81F)  # last row of the first row block


def shown(width, height, chain, scan, block, driver_scan, driver_block):
    esp32sim.attach_hub75(width, height, chain=chain, scan=scan, scan_block=block)
    m = hub75.Matrix(width, height, chain=chain, gamma=False, scan=driver_scan,
                     scan_block=driver_block)
    return drawn_and_shown(m, draw)


def lands(width, height, chain=1, block=None):
    scan = height // 4
    ref, snap = shown(width, height, chain, scan, block, scan, block)
    compare_rgb565(ref, width * chain, height, snap,
                   where="%dx%d 1/%d scan, chain %d, block %s" % (width, height, scan, chain, block))


def scrambled(width, height, block, driver_scan, driver_block, what):
    ref, snap = shown(width, height, 1, height // 4, block, driver_scan, driver_block)
    try:
        compare_rgb565(ref, width, height, snap)
    except AssertionError:
        return
    raise AssertionError("%s shows the drawing unscrambled" % what)


lands(32, 16)  # 1/4 scan, a panel-wide run
lands(64, 32)  # 1/8 scan
lands(32, 16, block=8)  # runs of 8 columns
lands(64, 32, block=16)
lands(32, 16, chain=2)
lands(64, 32, chain=2, block=8)
# Single-channel panels (R1 G1 B1 only, one row per address): scan = height.
esp32sim.attach_hub75(64, 32, scan=32)
m = hub75.Matrix(64, 32, gamma=False, scan=32, pins={"r2": 34, "g2": 35, "b2": 36})  # unused
ref = bytearray(64 * 32 * 2)
draw(framebuf.FrameBuffer(ref, 64, 32, framebuf.RGB565), 64, 32)
draw(framebuf.FrameBuffer(m, 64, 32, framebuf.RGB565), 64, 32)
m.show()
esp32sim.run_ms(30)
compare_rgb565(ref, 64, 32, esp32sim.snapshot("hub75"), where="single channel 64x32")
m.deinit()
scrambled(32, 16, None, None, None, "a 1/8 scan driver on a 1/4 scan panel")
scrambled(64, 32, None, None, None, "a 1/16 scan driver on a 1/8 scan panel")
scrambled(32, 16, 8, 4, None, "panel-wide runs on a panel with runs of 8")

# LEDs worked by hand on a 32x16 1/4 scan panel with runs of 8: the LED at (9, 1) (row block
# 0 of the upper half, address 1, second run) is register position 16 + 8 + 1 = 25 under
# address 1; the one at (9, 5) (row block 1) is position 16 + 1 = 17. The leading ESP32
# library's 8-pixel four-scan mapping gives the same: x + (x / 8 + 1) * 8 for row block 0,
# x + (x / 8) * 8 for row block 1.
def lit_pixels(width, height, scan, block, drv_w, drv_h, drv_scan, drv_block, x, y):
    esp32sim.attach_hub75(width, height, scan=scan, scan_block=block)
    m = hub75.Matrix(drv_w, drv_h, gamma=False, scan=drv_scan, scan_block=drv_block)
    fb = framebuf.FrameBuffer(m, drv_w, drv_h, framebuf.RGB565)
    fb.fill(0)
    fb.pixel(x, y, 0xF800)
    m.show()
    esp32sim.run_ms(30)
    w, h, rgb = esp32sim.snapshot("hub75")
    m.deinit()
    return [(i % w, i // w) for i in range(w * h) if rgb[3 * i] > 128]


for y, pos in ((1, 25), (5, 17)):
    # The four-scan driver's register positions, seen on a plain 64-wide 1/8 scan panel (whose
    # row y shows address y, register position x at column x).
    got = lit_pixels(64, 16, 8, None, 32, 16, 4, 8, 9, y)
    check(got == [(pos, 1)], "driver: (9, %d) goes to %s, want position %d of address 1" % (y, got, pos))
# The panel model then agrees with the hand-worked driver: lands(32, 16, block=8) above.

# Bad scans are refused with a clear error, by the driver and by the panel model.
for kw in ({"scan": 5}, {"scan": 64}, {"scan": 8, "scan_block": 12}, {"scan": 0},
           {"scan": 8, "scan_block": 0}):
    try:
        hub75.Matrix(64, 32, **kw)
    except ValueError:
        continue
    raise AssertionError("hub75.Matrix(64, 32, %r) accepted" % kw)
for kw in ({"scan": 5}, {"scan": 8, "scan_block": 12}, {"scan": 8, "scan_block": 0}):
    try:
        esp32sim.attach_hub75(64, 32, **kw)
    except ValueError:
        continue
    raise AssertionError("attach_hub75(64, 32, %r) accepted" % kw)
esp32sim.attach_hub75()
check(esp32sim.faults() == [], esp32sim.faults())
print("scan ok")
