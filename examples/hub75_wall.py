# A wall of four 64x32 panels on one chain, hung 2x2 with the cable snaking back (serpentine:
# the lower row runs right to left, its panels upside down), drawn as one 128x64 canvas.
import esp32sim
import framebuf
import hub75

esp32sim.attach_hub75(64, 32, grid=(2, 2), serpentine=True)  # the wall on the emulated board
m = hub75.Matrix(64, 32, grid=(2, 2), serpentine=True, depth=5)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
fb.fill(0)
fb.rect(0, 0, m.width, m.height, 0x001F)
fb.hline(0, 32, m.width, 0x39E7)  # where the panels meet
fb.vline(64, 0, m.height, 0x39E7)
fb.text("one", 40, 20, 0xFFE0)
fb.text("canvas", 40, 29, 0xF800)  # across the seam between the rows
fb.text("4 panels", 33, 38, 0x07E0)
fb.fill_rect(58, 48, 12, 8, 0xF81F)  # across the seam between the columns
m.show()
esp32sim.run_ms(30)
print("wall %dx%d, refresh %.0f Hz" % (m.width, m.height, m.info()["refresh_hz"]))
