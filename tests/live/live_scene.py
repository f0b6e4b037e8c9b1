# The scene the browser test looks at: a HUB75 panel with a red block top left and a green
# block bottom right, a TFT with a red band and a blue box, served live in real time, and a
# touch panel on the TFT's glass whose every change the scene prints ("touched X Y",
# "released") for the test to see what the mouse on the page did.
# Usage: micropython live_scene.py STOP_FILE  (runs until STOP_FILE exists, 60 s at most)
import os
import sys
import time

import esp32sim
import framebuf
import hub75
import ili9341

m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
fb.fill(0)
fb.fill_rect(0, 0, 16, 16, 0xF800)
fb.fill_rect(40, 16, 16, 16, 0x07E0)
m.show()

# The TFT on pads the HUB75 does not use (the defaults of both share 4, 5, 12, 13, 18, 19).
TFT_PINS = dict(mosi=21, clk=22, cs=32, dc=33, rst=2, backlight=0, miso=34)
esp32sim.attach_ili9341(pins=TFT_PINS)
d = ili9341.ILI9341(**TFT_PINS)
d.fill(0)
d.fill_rect(0, 0, 240, 100, 0xF800)
d.fill_rect(60, 200, 120, 60, 0x001F)
d.wait()
# The touch panel on pads neither display uses; nothing drives it: the board's model is read.
esp32sim.attach_xpt2046(pins=dict(cs=3, clk=1, mosi=14, miso=39))

esp32sim.realtime(True)
print(esp32sim.serve(port=0))
stop = sys.argv[1]
start = time.ticks_ms()
last = None
while time.ticks_diff(time.ticks_ms(), start) < 60000:
    esp32sim.run_ms(20)
    t = esp32sim.info("xpt2046")
    now = (t["x"], t["y"]) if t["touched"] else None
    if now != last:
        print("touched %d %d" % now if now else "released")
        last = now
    try:
        os.stat(stop)
        break
    except OSError:
        pass
esp32sim.stop_serving()
m.deinit()
d.deinit()
