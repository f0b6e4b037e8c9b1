# upanel demo: a 64x32 HUB75 panel on the emulated ESP32, driven by the I2S DMA driver.
# Draws with framebuf, lets the emulated panel refresh, and saves what a camera would see.
import esp32sim
import framebuf
import hub75

m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)


def rgb(r, g, b):
    return (r >> 3) << 11 | (g >> 2) << 5 | b >> 3


# A colour ramp on the lower half, text on the upper half.
fb.fill(0)
for x in range(m.width):
    fb.vline(x, 16, 16, rgb(255 - x * 4, x * 4, 128))
fb.text("upanel", 8, 4, rgb(255, 255, 255))
m.show()
esp32sim.run_ms(50)

esp32sim.save_png("hub75", "out/hub75_demo.png", scale=8, leds=True)
panel = esp32sim.info("hub75")
board = esp32sim.info()
print("picture: out/hub75_demo.png")
print("refresh %.0f Hz, OE duty %.0f%%, ghost %.3f, torn %d, DMA %d bytes in %d descriptors"
      % (panel["refresh_hz"], panel["oe_duty"] * 100, panel["ghost"], panel["torn"],
         m.info()["dma_bytes"], m.info()["descriptors"]))
print("emulated %d us; CPU register accesses %d, interrupts %d"
      % (board["time_us"], board["reg_reads"] + board["reg_writes"], board["interrupts"]))
m.deinit()
