# The first seed's ledmatrix API: a script written for it (its README's example) runs as is
# on the emulated board, and each picture shows the colour codes the seed's rules give, worked
# out here from the pixel values (top color_depth bits of each channel widened to 8 bits by a
# shift, GS8 scaled by mono_color, MONO_HLSB bits lit in mono_color).
import esp32sim
import framebuf
from checks import check

W, H = 64, 32
# The seed README's wiring, on a panel attached to the same pads.
esp32sim.attach_hub75(W, H, pins={"r1": 2, "g1": 15, "b1": 4, "r2": 16, "g2": 27, "b2": 17,
                                  "a": 5, "b": 18, "c": 19, "d": 21, "clk": 22, "oe": 25,
                                  "lat": 26})

SEED_SCRIPT = """
import ledmatrix
ledmatrix.init(io_colors=(2,15,4,16,27,17),io_rows=(5,18,19,21),io_clk=22,io_oe=25,io_lat=26,width=64)
buf = bytearray(64*32*2)
fb = framebuf.FrameBuffer(buf, 64, 32, framebuf.RGB565)
fb.fill(0x001f)

# show on display
ledmatrix.show(buf)
"""
scope = {"framebuf": framebuf}
exec(SEED_SCRIPT, scope)
ledmatrix = scope["ledmatrix"]


# Light in codes, scaled so that the brightest LED shows the largest code the picture has.
def shown_codes(top):
    esp32sim.run_ms(20)
    light = esp32sim.snapshot("hub75", raw=True)
    full = max(light)
    check(full > 0, "nothing lit")
    return [v / full * top for v in light]


def check_picture(want, what):
    got = shown_codes(max(max(w) for w in want))
    for i in range(W * H):
        for c in range(3):
            if abs(got[3 * i + c] - want[i][c]) > 0.5:
                raise AssertionError("%s: x=%d y=%d channel %d shows %.2f, want code %d"
                                     % (what, i % W, i // W, c, got[3 * i + c], want[i][c]))


def codes565(v, depth):
    r8, g8, b8 = (v >> 11) << 3, ((v >> 5) & 63) << 2, (v & 31) << 3
    return (r8 >> (8 - depth), g8 >> (8 - depth), b8 >> (8 - depth))


# The README's picture: blue at full scale everywhere (code 15 of depth 4), red and green dark.
check_picture([(0, 0, 15)] * (W * H), "seed README script")
check(esp32sim.info("hub75")["refreshes"] > 0, "the panel is not refreshed")

# A picture with every code of the depth: columns step through the red codes, rows through
# green, a white block gives full scale and text in a mid blue crosses both halves.
buf = scope["buf"]
fb = scope["fb"]
fb.fill(0)
for x in range(W):
    for y in range(H):
        fb.pixel(x, y, ((x % 32) << 11) | ((y * 2) << 5))
fb.fill_rect(60, 0, 4, 4, 0xFFFF)
fb.text("HUB", 8, 12, 0x0010)


def picture_codes(depth, swap_pairs=False):
    want = []
    for i in range(W * H):
        j = i ^ 1 if swap_pairs else i
        want.append(codes565(buf[2 * j] | buf[2 * j + 1] << 8, depth))
    return want


ledmatrix.show(buf)
check_picture(picture_codes(4), "ramps and text, depth 4")
# Nothing in ledmatrix pairs with hub75's own buffer: a wrong swap would move the text.
check(picture_codes(4) != picture_codes(4, True), "the picture does not tell pairs apart")

# GS8 in mono_color: v * channel // 255 per channel.
gs = bytearray(W * H)
for i in range(W * H):
    gs[i] = (i * 7) & 0xFF
gs[5] = 255
ledmatrix.show(gs, mode=ledmatrix.FB_GS8, mono_color=0xFF8040)
check_picture([((v * 0xFF // 255) >> 4, (v * 0x80 // 255) >> 4, (v * 0x40 // 255) >> 4) for v in gs],
              "GS8 in 0xFF8040")

# MONO (horizontal bytes, MSB first, as framebuf.MONO_HLSB), in green; mono_color stays set.
mono = bytearray(W // 8 * H)
mfb = framebuf.FrameBuffer(mono, W, H, framebuf.MONO_HLSB)
mfb.text("Hi!", 3, 5, 1)
mfb.hline(0, H - 1, W, 1)
ledmatrix.show(mono, mode=ledmatrix.FB_MONO, mono_color=0x00FF00)
want = [(0, 15, 0) if (mono[(i // W) * (W // 8) + (i % W) // 8] >> (7 - i % 8)) & 1 else (0, 0, 0)
        for i in range(W * H)]
check_picture(want, "MONO text in green")
ledmatrix.show(gs, mode=ledmatrix.FB_GS8)
check_picture([(0, (v * 0xFF // 255) >> 4, 0) for v in gs], "GS8 keeps the last mono_color")

# Brightness: OE on for b of the row's clocks, 0..width-2; light scales with it.
ledmatrix.show(buf)
esp32sim.run_ms(20)
full_duty = esp32sim.info("hub75")["oe_duty"]
ledmatrix.set_brightness(31)
esp32sim.run_ms(20)
half = esp32sim.info("hub75")["oe_duty"] / full_duty
check(abs(half - 31 / 62) < 0.02, "brightness 31 of 62 gives %.3f of full light" % half)
ledmatrix.set_brightness(0)
esp32sim.run_ms(20)
check(esp32sim.info("hub75")["oe_duty"] == 0, "brightness 0 is not dark")
ledmatrix.set_brightness(62)
check_picture(picture_codes(4), "back at full brightness")

# stop() darkens the panel and stops the refresh; resume() brings the same picture back.
ledmatrix.stop()
esp32sim.run_ms(30)
refreshes = esp32sim.info("hub75")["refreshes"]
esp32sim.run_ms(30)
check(esp32sim.info("hub75")["refreshes"] == refreshes, "refreshes go on after stop()")
check(max(esp32sim.snapshot("hub75", raw=True)) == 0, "light after stop()")
ledmatrix.resume()
check_picture(picture_codes(4), "after resume()")

# column_swap=False: the seed's driver then leaves the I2S unit's pairwise sample swap in place.
ledmatrix.init(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25,
               io_lat=26, width=64, column_swap=False)
ledmatrix.show(buf)
check_picture(picture_codes(4, True), "column_swap=False")

# Depth 8, double buffered, 10 MHz: the codes are the channels' top 8 bits.
ledmatrix.init(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25,
               io_lat=26, width=64, color_depth=8, double_buffer=True, clock_speed_khz=10000)
ledmatrix.show(buf)
check_picture(picture_codes(8), "depth 8")

# invert=True: every line inverted at the pads, for inverting level shifters. Behind such
# shifters the picture is right with it and wrong without it.
seed_wiring = {"r1": 2, "g1": 15, "b1": 4, "r2": 16, "g2": 27, "b2": 17, "a": 5, "b": 18,
               "c": 19, "d": 21, "clk": 22, "oe": 25, "lat": 26}
esp32sim.attach_hub75(W, H, pins=seed_wiring, inverted=True)
ledmatrix.init(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25,
               io_lat=26, width=64, invert=True)
ledmatrix.show(buf)
check_picture(picture_codes(4), "invert=True behind inverting level shifters")
ledmatrix.stop()
esp32sim.run_ms(30)
check(max(esp32sim.snapshot("hub75", raw=True)) == 0, "light after stop() with invert=True")
ledmatrix.init(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25,
               io_lat=26, width=64)
ledmatrix.show(buf)
try:
    check_picture(picture_codes(4), "")
    raise AssertionError("a picture without invert is right behind inverting level shifters")
except AssertionError as e:
    check("want code" in str(e) or "nothing lit" in str(e), str(e))
esp32sim.attach_hub75(W, H, pins=seed_wiring)

# single_channel=True: a panel with R1 G1 B1 only, one row per address; its height is
# 2 ** len(io_rows). A 64x16 one here, with the seed's first three colour pads.
esp32sim.attach_hub75(W, 16, scan=16, pins=seed_wiring)
ledmatrix.init(io_colors=(2, 15, 4), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25, io_lat=26,
               width=64, single_channel=True)
small = bytearray(W * 16 * 2)
sfb = framebuf.FrameBuffer(small, W, 16, framebuf.RGB565)
sfb.fill(0)
sfb.text("one", 2, 0, 0xF800)
sfb.text("half", 30, 8, 0x07FF)
sfb.fill_rect(60, 12, 4, 4, 0xFFFF)
ledmatrix.show(small)
esp32sim.run_ms(20)
light = esp32sim.snapshot("hub75", raw=True)
full = max(light)
check(len(light) == W * 16 * 3 and full > 0, "single channel: %d values" % len(light))
for i in range(W * 16):
    want = codes565(small[2 * i] | small[2 * i + 1] << 8, 4)
    for c in range(3):
        check(abs(light[3 * i + c] / full * 15 - want[c]) <= 0.5,
              "single channel: x=%d y=%d channel %d" % (i % W, i // W, c))
# A two-half driver on it (1/8 scan: rows 8..15 from R2 G2 B2, which the panel lacks).
ledmatrix.init(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19), io_clk=22, io_oe=25,
               io_lat=26, width=64)
ledmatrix.show(small)
esp32sim.run_ms(20)
light = esp32sim.snapshot("hub75", raw=True)
check(max(light[3 * W * 8:]) == 0, "rows 8..15 lit without the R1 G1 B1 lines")
esp32sim.attach_hub75(W, H, pins=seed_wiring)


def raises(exc, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc:
        return
    raise AssertionError("%s(%r, %r) did not raise %s" % (f.__name__, args, kw, exc.__name__))


seed_pins = dict(io_colors=(2, 15, 4, 16, 27, 17), io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25,
                 io_lat=26)
raises(ValueError, ledmatrix.show, bytearray(10))  # wrong size
raises(ValueError, ledmatrix.show, buf, mode=7)
raises(ValueError, ledmatrix.set_brightness, 63)
raises(ValueError, ledmatrix.set_brightness, -1)
raises(ValueError, ledmatrix.init, width=63, **seed_pins)
raises(ValueError, ledmatrix.init, width=64, color_depth=0, **seed_pins)
raises(ValueError, ledmatrix.init, width=64, brightness=63, **seed_pins)
raises(ValueError, ledmatrix.init, width=64, single_channel=True, **seed_pins)  # 6 colours
raises(ValueError, ledmatrix.init, width=64, single_channel=True, io_colors=(2, 15, 4),
       io_rows=(5, 18, 19), io_clk=22, io_oe=25, io_lat=26)  # 8 rows: no such hub75 panel
raises(ValueError, ledmatrix.init, width=64, clock_speed_khz=40000, **seed_pins)
raises(ValueError, ledmatrix.init, width=64, io_colors=(2, 15, 4), io_rows=(5, 18, 19, 21),
       io_clk=22, io_oe=25, io_lat=26)
raises(TypeError, ledmatrix.init, width=64, io_colors=(2, 15, 4, 16, 27, "x"),
       io_rows=(5, 18, 19, 21), io_clk=22, io_oe=25, io_lat=26)
ledmatrix.deinitialize()
raises(ValueError, ledmatrix.show, buf)  # not initialized
raises(ValueError, ledmatrix.set_brightness, 3)
raises(ValueError, ledmatrix.stop)
raises(ValueError, ledmatrix.resume)
ledmatrix.deinitialize()  # twice is fine, as in the seed
print("ledmatrix ok")
