# Double buffering: a script alternating two frames as fast as it can never tears a refresh
# and never lights a row with another row's data; single buffering does tear, which shows the
# emulator's measure can fail.
import esp32sim
import framebuf
import hub75
from checks import check

esp32sim.attach_hub75()
m = hub75.Matrix()
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
a = bytearray(m.width * m.height * 2)
b = bytearray(m.width * m.height * 2)
framebuf.FrameBuffer(a, m.width, m.height, framebuf.RGB565).fill(0xF800)
fbb = framebuf.FrameBuffer(b, m.width, m.height, framebuf.RGB565)
fbb.fill(0x001F)
fbb.text("B", 20, 10, 0xFFFF)

start = esp32sim.info("hub75")["refreshes"]
for i in range(300):
    m.show(a)
    m.show(b)
esp32sim.run_ms(5)
panel = esp32sim.info("hub75")
check(panel["torn"] == 0, "torn refreshes: %r" % panel)
check(panel["ghost"] == 0, "ghost light: %r" % panel)
check(m.info()["swaps"] == 600, "every show presented: %r" % m.info())
# Each show waits for the previous one to reach the panel: one frame per refresh at most.
check(panel["refreshes"] - start >= 599, "frames shown in fewer refreshes than shows: %r" % panel)
m.deinit()

# The same with one buffer, shows landing mid-refresh: the emulator sees the tearing.
esp32sim.attach_hub75()
m = hub75.Matrix(double_buffer=False)
for i in range(50):
    m.show(a)
    esp32sim.run_us(250)
    m.show(b)
    esp32sim.run_us(250)
torn = esp32sim.info("hub75")["torn"]
check(torn > 10, "single buffering should tear, torn=%d" % torn)
m.deinit()
print("tearing ok")
