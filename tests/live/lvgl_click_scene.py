# The interactive demo as the browser test drives it: examples/lvgl_touch.py (LVGL through
# lv_binding_micropython's ili9XXX.py and xpt2046.py) run as it is, then served live in real
# time until STOP_FILE exists (60 s at most), as `upanel run --serve` keeps it.
# Usage: LV_BINDING_DIR=... micropython lvgl_click_scene.py EXAMPLE.py STOP_FILE
import os
import sys
import time

import esp32sim

example, stop = sys.argv[1], sys.argv[2]
with open(example) as f:
    exec(compile(f.read(), example, "exec"), {"__name__": "__main__", "__file__": example})
esp32sim.realtime(True)
print(esp32sim.serve(port=0))
start = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), start) < 60000:
    esp32sim.run_ms(20)
    try:
        os.stat(stop)
        break
    except OSError:
        pass
