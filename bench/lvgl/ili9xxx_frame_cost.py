# One run of the seed's performance case with real LVGL, for bench/lvgl/ili9xxx_modes.sh:
# FRAMES full-screen frames of a demo screen (LVGL renders, partial mode, two quarter-screen
# buffers, 40 MHz) shown through lv_binding_micropython's unmodified ili9XXX.py, pure or
# hybrid, or through upanel's native ili9341 module. Prints the emulated bus time a frame.
# Usage: ili9xxx_frame_cost.py pure|hybrid|native FRAMES
import sys

import esp32sim
import lvgl as lv
from lv_utils import event_loop
from lvgl_screens import demo_screen

mode, frames = sys.argv[1], int(sys.argv[2])
if mode == "native":
    import ili9341

    d = ili9341.ILI9341(mhz=40, factor=4)
    a, b = d.buffers()
    disp = lv.display_create(d.width, d.height)
    disp.set_color_format(lv.COLOR_FORMAT.RGB565_SWAPPED)  # the panel's byte order, no copy
    disp.set_buffers(a, b, d.width * d.height * 2 // 4, lv.DISPLAY_RENDER_MODE.PARTIAL)
    disp.set_flush_cb(d.flush_cb)
    disp.set_flush_wait_cb(lambda disp: d.wait())
    loop = event_loop()  # ili9XXX.py starts one too
    width, height = d.width, d.height
else:
    esp32sim.attach_ili9341(pins={"backlight": 15}, backlight_on=0)  # ili9XXX.py's wiring
    from ili9XXX import ili9341

    d = ili9341(hybrid=mode == "hybrid")
    width, height = d.width, d.height
scr = demo_screen(width, height)[0]
lv.refr_now(None)
esp32sim.run_ms(10)
busy0 = esp32sim.info("ili9341")["busy_us"]
for f in range(frames):
    scr.invalidate()
    lv.refr_now(None)
esp32sim.run_ms(10)  # the last band goes out
if frames:
    print("bus_us_per_frame %.0f" % ((esp32sim.info("ili9341")["busy_us"] - busy0) / frames))
