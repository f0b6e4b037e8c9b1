# Panels whose driver chips need a start-up (FM6126A, ICN2038S), latch blanking against a panel
# whose outputs are slow to go dark, and the clock edge the panel samples on. Expectations come
# from the chips' public facts and simple patterns, never from the driver.
import esp32sim
import framebuf
import hub75
from checks import check, compare_rgb565, raises

W, H = 64, 32
ROWS = H // 2

# Register values the open start-up sequences write (bit 15 shifted first in each 16 columns):
# register 1 bits 5..10 (output current) set, register 2 bit 6 (outputs on) set.
REG1_FULL = 0x07E0
REG2_ON = 0x0040

# Pads of the default wiring, for bit-banging the panel once the driver has let go of them.
GPIO_OUT_W1TS = 0x3FF44008
GPIO_OUT_W1TC = 0x3FF4400C
RGB_PADS = (25, 26, 27, 14, 12, 13)
LAT, CLK = 4, 16


def pattern(fb):
    # Known pixels; the rightmost column stays black, so a picture moved right by one column
    # has nothing unknown in column 0.
    fb.fill(0)
    fb.fill_rect(2, 2, 12, 6, 0xFFFF)
    fb.fill_rect(20, 20, 9, 7, 0xF800)
    fb.vline(40, 0, H, 0x07E0)
    fb.pixel(W - 2, H - 1, 0x001F)


def expected(shift=0):
    # The pattern, moved right by `shift` columns (column 0 then black).
    ref = bytearray(W * H * 2)
    pattern(framebuf.FrameBuffer(ref, W, H, framebuf.RGB565))
    if not shift:
        return ref
    out = bytearray(W * H * 2)
    for y in range(H):
        for x in range(shift, W):
            i, j = 2 * (y * W + x), 2 * (y * W + x - shift)
            out[i:i + 2] = ref[j:j + 2]
    return out


def show(**kw):
    m = hub75.Matrix(W, H, gamma=False, **kw)
    pattern(framebuf.FrameBuffer(m, W, H, framebuf.RGB565))
    m.show()
    esp32sim.run_ms(20)
    return m


def same_picture(ref, where):
    compare_rgb565(ref, W, H, esp32sim.snapshot("hub75"), where=where)


def dark():
    return not any(esp32sim.snapshot("hub75")[2])


def raw(x, y, c=0):
    return esp32sim.snapshot("hub75", raw=True)[(y * W + x) * 3 + c]


# 1. An FM6126A panel driven as a plain shift register panel stays dark: its outputs are off
# until register 2 is written.
esp32sim.attach_hub75(W, H, chip="fm6126a")
m = show()
check(esp32sim.info("hub75")["refreshes"] > 0, "the panel is refreshed")
check(dark(), "an FM6126A panel without its start-up should stay dark")
check(esp32sim.info("hub75")["reg2"] == [[0] * (W // 16)] * 6, "register 2 still at its power-up 0")
m.deinit()

# 2. The same panel with the driver's start-up shows the picture, and every chip of every colour
# line holds the start-up's register values.
for chip in ("fm6126a", "icn2038s", "fm6124"):
    esp32sim.attach_hub75(W, H, chip=chip)
    m = show(chip=chip)
    same_picture(expected(), chip + " with start-up")
    info = esp32sim.info("hub75")
    check(info["reg1"] == [[REG1_FULL] * (W // 16)] * 6, "register 1: %r" % info["reg1"])
    check(info["reg2"] == [[REG2_ON] * (W // 16)] * 6, "register 2: %r" % info["reg2"])
    m.deinit()

# A generic panel takes the start-up's words as a latched row under OE high: no harm, same picture.
esp32sim.attach_hub75(W, H)
m = show(chip="fm6126a")
same_picture(expected(), "generic panel, fm6126a start-up")
m.deinit()

# 3. Register 1's output current: written by hand (bit-banged on the pads the driver left as
# GPIO outputs), a current field of 15 gives (15 + 1) / 64 of the light of the full 63.
esp32sim.attach_hub75(W, H, chip="fm6126a")
m = show(chip="fm6126a")
full = raw(2, 2)
check(full > 0.1, "a white pixel is lit: %f" % full)
m.deinit()  # OE high, every pad a plain GPIO output


def pads(mask_pads, high):
    bits = 0
    for p in mask_pads:
        bits |= 1 << p
    esp32sim.write32(GPIO_OUT_W1TS if high else GPIO_OUT_W1TC, bits)


def write_register(value, lat_clocks):
    for x in range(W):
        pads(RGB_PADS, (value >> (15 - x % 16)) & 1)
        pads((LAT,), x >= W - lat_clocks)
        pads((CLK,), True)
        pads((CLK,), False)
    pads((LAT,), False)


write_register(15 << 5, 11)
check(esp32sim.info("hub75")["reg1"] == [[15 << 5] * (W // 16)] * 6, "bit-banged register 1")
check(esp32sim.info("hub75")["reg2"] == [[REG2_ON] * (W // 16)] * 6, "register 2 kept")
m = show()  # a generic driver: no start-up, the registers stay as written
dim = raw(2, 2)
check(abs(dim / full - 16 / 64) < 1e-4, "current 15 of 63 gives %f of full, want 0.25" % (dim / full))
# Ten clocks of LAT are no command of the chip: a plain latch, registers unchanged.
m.deinit()
write_register(0, 10)
check(esp32sim.info("hub75")["reg1"] == [[15 << 5] * (W // 16)] * 6, "10 LAT clocks write no register")
# Register 2 cleared by hand: dark again.
write_register(0, 12)
m = show()
check(dark(), "outputs off again after register 2 is cleared")
m.deinit()

# 4. Latch blanking against a panel whose outputs take 100 ns to go dark after OE rises (two
# clocks at 20 MHz). Only row 5 is lit. With 1 clock of blanking the latch of row 5's first
# plane comes while the outputs still conduct under row 4's address: row 4 glows for the one
# clock (50 ns) before the address changes, each refresh. With 4 clocks (LAT 150 ns after OE
# rises) nothing reaches row 4.
LIT_ROW = 5


def one_row(m):
    fb = framebuf.FrameBuffer(m, W, H, framebuf.RGB565)
    fb.fill(0)
    fb.hline(0, LIT_ROW, W, 0xFFFF)
    m.show()
    esp32sim.run_ms(20)


esp32sim.attach_hub75(W, H, turn_off_ns=100)
m = hub75.Matrix(W, H, gamma=False, latch_blanking=1)
one_row(m)
hz = esp32sim.info("hub75")["refresh_hz"]
want = 50e-9 * hz * ROWS  # raw light: on-time over one row's share of the refresh
got = [raw(x, LIT_ROW - 1, c) for x in (0, 31, 63) for c in range(3)]
check(all(abs(g - want) < 0.01 * want for g in got), "ghost in row 4: %r, want %f each" % (got, want))
check(esp32sim.info("hub75")["ghost"] > 0, "ghost light counted")
check(raw(0, LIT_ROW - 2) == 0 and raw(0, LIT_ROW + 1) == 0, "no light two rows up or below")
m.deinit()

esp32sim.attach_hub75(W, H, turn_off_ns=100)
m = hub75.Matrix(W, H, gamma=False, latch_blanking=4)
one_row(m)
check(all(raw(x, y) == 0 for x in (0, 31, 63) for y in range(H) if y != LIT_ROW), "no ghost with 4 clocks")
check(esp32sim.info("hub75")["ghost"] == 0, "no ghost light counted")
m.deinit()

# The default 2 clocks on an ideal panel: no ghost either.
esp32sim.attach_hub75(W, H)
m = hub75.Matrix(W, H, gamma=False)
one_row(m)
check(esp32sim.info("hub75")["ghost"] == 0, "ideal panel, default blanking")
m.deinit()

# 5. Clock phase: a panel sampling on CLK's falling edge needs clk_phase=1; a mismatch either
# way samples each word one clock late: the picture moves right by a column.
for edge, phase, shift in (("rising", 0, 0), ("rising", 1, 1), ("falling", 1, 0), ("falling", 0, 1)):
    esp32sim.attach_hub75(W, H, clk_edge=edge)
    m = show(clk_phase=phase)
    same_picture(expected(shift), "%s-edge panel, clk_phase=%d" % (edge, phase))
    m.deinit()
# An FM6126A sampling a clock late sees LAT fall before the last LAT clock: register 2's
# 12 clocks count 11 and write register 1 instead, every bit one place off (bit 6 in bit 5);
# register 2 stays 0 and the panel dark.
esp32sim.attach_hub75(W, H, chip="fm6126a", clk_edge="falling")
m = show(chip="fm6126a")
check(dark(), "FM6126A with the wrong clock phase stays dark")
info = esp32sim.info("hub75")
check(info["reg1"] == [[REG2_ON >> 1] * (W // 16)] * 6 and info["reg2"] == [[0] * (W // 16)] * 6,
      "registers with the wrong phase: %r %r" % (info["reg1"], info["reg2"]))
m.deinit()

# 6. Bad input.
raises(ValueError, hub75.Matrix, W, H, chip="fm6127")
raises(ValueError, hub75.Matrix, W, H, latch_blanking=17)
raises(ValueError, hub75.Matrix, W, H, latch_blanking=-1)
raises(ValueError, hub75.Matrix, W, H, clk_phase=2)
raises(ValueError, esp32sim.attach_hub75, W, H, chip="max7219")
raises(ValueError, esp32sim.attach_hub75, W, H, clk_edge="up")
raises(ValueError, esp32sim.attach_hub75, W, H, turn_off_ns=-1)
raises(ValueError, esp32sim.attach_hub75, 8, 16, chip="fm6126a")
print("hub75 chips ok")
