# LVGL on the emulated ILI9341 through the native ili9341 module: partial rendering into the
# driver's two DMA buffers (a quarter screen each), the panel's byte order from LVGL's
# RGB565_SWAPPED, flush_ready from the transfer-done interrupt, a flush-wait that lets the
# emulator run. The panel must show exactly what LVGL renders into memory (lv.snapshot_take):
# a band dropped, shifted or sent in the wrong byte order shows.
import esp32sim
import ili9341
import lvgl as lv
from checks import check
from ili9341_checks import compare
from lvgl_screens import demo_screen, snapshot_rgb565

d = ili9341.ILI9341(mhz=40, factor=4)
W, H = d.width, d.height
a, b = d.buffers()
disp = lv.display_create(W, H)
disp.set_color_format(lv.COLOR_FORMAT.RGB565_SWAPPED)
disp.set_buffers(a, b, W * H * 2 // 4, lv.DISPLAY_RENDER_MODE.PARTIAL)  # factor 4: a quarter screen each
disp.set_flush_cb(d.flush_cb)
disp.set_flush_wait_cb(lambda disp: d.wait())

scr, btn, label, bar = demo_screen(W, H)
frames0, t0 = esp32sim.info("ili9341")["frames"], esp32sim.time_us()
lv.refr_now(disp)
d.wait()
# The flush-wait callback waited for each band (LVGL's own wait stays out of its way): the
# refresh takes about a screen's bus time (30.7 ms at 40 MHz), not a time-out.
took = esp32sim.time_us() - t0
check(took < 3 * 30720, "the refresh took %d us of emulated time" % took)
bands = esp32sim.info("ili9341")["frames"] - frames0
check(bands >= 4, "a full screen goes out in quarter-screen bands: %d windows" % bands)
w, h, ref = snapshot_rgb565(scr)
check((w, h) == (W, H), "snapshot size")
compare(ref, W, H, 0, esp32sim.snapshot("ili9341"), where="first frame")

# A change in one place: only the dirty area goes to the panel, and the panel still matches.
frames0 = esp32sim.info("ili9341")["frames"]
label.set_text("Hello")
bar.set_value(20, lv.ANIM_OFF)
lv.refr_now(disp)
d.wait()
partial = esp32sim.info("ili9341")["frames"] - frames0
check(1 <= partial < bands, "an update sends less than the screen: %d windows" % partial)
w, h, ref = snapshot_rgb565(scr)
compare(ref, W, H, 0, esp32sim.snapshot("ili9341"), where="after an update")
# flush_ready came when the pixels were out, not before: LVGL never drew into a buffer the
# DMA was still reading (the emulator counts such writes).
check(esp32sim.info("ili9341")["written_on_bus"] == 0, "LVGL drew into a buffer on the bus")
check(not esp32sim.faults(), "no faults: %s" % esp32sim.faults())
print("ok")
