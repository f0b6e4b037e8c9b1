# A script written for the first seed's driver (Winkelkatze/ledmatrix), its README's example
# as it is, on the `ledmatrix` module over hub75; the panel is wired to the README's pads.
import esp32sim
import framebuf

esp32sim.attach_hub75(64, 32, pins={"r1": 2, "g1": 15, "b1": 4, "r2": 16, "g2": 27, "b2": 17,
                                    "a": 5, "b": 18, "c": 19, "d": 21, "clk": 22, "oe": 25,
                                    "lat": 26})

import ledmatrix
ledmatrix.init(io_colors=(2,15,4,16,27,17),io_rows=(5,18,19,21),io_clk=22,io_oe=25,io_lat=26,width=64)
buf = bytearray(64*32*2)
fb = framebuf.FrameBuffer(buf, 64, 32, framebuf.RGB565)
fb.fill(0x001f)
fb.text("seed API", 0, 12, 0xFFE0)

# show on display
ledmatrix.show(buf)
esp32sim.run_ms(30)
