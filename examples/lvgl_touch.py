# An LVGL GUI on the ILI9341 with its XPT2046 touch panel, through lv_binding_micropython's
# own drivers, unmodified: driver/esp32/ili9XXX.py (hybrid mode: flush and interrupt path in C)
# and driver/esp32/xpt2046.py, found through LV_BINDING_DIR. A button's Python handler counts
# clicks on a label. Live, click it with the mouse:
#   LV_BINDING_DIR=... ./upanel run examples/lvgl_touch.py --serve
# The script also taps the button once by itself, 1 s into virtual time, so that a capture
# (./upanel capture examples/lvgl_touch.py -o t.png --at 2000 --device ili9341) shows a click.
import os
import sys

import esp32sim

lv_binding = os.getenv("LV_BINDING_DIR")
if not lv_binding:
    raise SystemExit("set LV_BINDING_DIR to lv_binding_micropython (its driver/esp32 and lib)")
sys.path.extend([lv_binding + "/driver/esp32", lv_binding + "/lib"])

# The board as ili9XXX.py's and xpt2046.py's defaults wire it: the TFT's backlight on pad 15,
# lit low; the touch panel on CS pad 25 of the same SPI bus.
esp32sim.attach_ili9341(pins={"backlight": 15}, backlight_on=0)
esp32sim.attach_xpt2046()

import lvgl as lv  # noqa: E402
from ili9XXX import ili9341  # noqa: E402
from xpt2046 import xpt2046  # noqa: E402

disp = ili9341()
touch = xpt2046()

scr = lv.obj()
scr.set_style_bg_color(lv.color_hex(0x102030), 0)
title = lv.label(scr)
title.set_text("Touch the button")
title.set_style_text_color(lv.color_hex(0xFFFFFF), 0)
title.align(lv.ALIGN.TOP_MID, 0, 20)
counter = lv.label(scr)
counter.set_text("Clicks: 0")
counter.set_style_text_color(lv.color_hex(0xFFD040), 0)
counter.align(lv.ALIGN.CENTER, 0, 60)
clicks = [0]


def clicked(e):
    clicks[0] += 1
    counter.set_text("Clicks: %d" % clicks[0])
    print("clicked", clicks[0])


btn = lv.button(scr)
btn.set_size(140, 60)
btn.align(lv.ALIGN.CENTER, 0, -20)
btn.add_event_cb(clicked, lv.EVENT.CLICKED, None)
label = lv.label(btn)
label.set_text(lv.SYMBOL.PLAY + " Press")
label.center()
lv.screen_load(scr)

# The scripted tap, on the button's centre (120, 140): pressed at 1 s, lifted 100 ms later.
now_ms = esp32sim.time_us() / 1000
esp32sim.touch(120, 140, at_ms=max(now_ms, 1000), until_ms=max(now_ms, 1000) + 100)
esp32sim.run_ms(max(0, 1300 - now_ms))
print("clicks:", clicks[0])
