# The emulator shows a driver's register mistakes as a wrong picture, as a real panel would:
# here the mistakes are made behind the driver's back through the emulator's debug port.
import esp32sim
import framebuf
import hub75
from checks import check, compare_rgb565, raises

DPORT_PERIP_CLK_EN = 0x3FF000C0
I2S1_DPORT_BIT = 1 << 21
GPIO_FUNC_OUT_SEL = 0x3FF44530
CLK_PAD = 16


def lit(snapshot):
    return sum(snapshot[2])


def drawn(m):
    fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
    fb.fill(0)
    fb.fill_rect(3, 3, 20, 10, 0xFFFF)
    fb.fill_rect(40, 20, 10, 8, 0xF800)
    ref = bytearray(m.width * m.height * 2)
    rf = framebuf.FrameBuffer(ref, m.width, m.height, framebuf.RGB565)
    rf.fill(0)
    rf.fill_rect(3, 3, 20, 10, 0xFFFF)
    rf.fill_rect(40, 20, 10, 8, 0xF800)
    return ref


# 1. The I2S clock not enabled in DPORT: the registers ignore the driver, the panel stays dark.
esp32sim.attach_hub75()
m = hub75.Matrix(gamma=False)
esp32sim.write32(DPORT_PERIP_CLK_EN, esp32sim.read32(DPORT_PERIP_CLK_EN) & ~I2S1_DPORT_BIT)
drawn(m)
m.show()
esp32sim.run_ms(20)
check(lit(esp32sim.snapshot("hub75")) == 0, "gated I2S clock should leave the panel dark")
check(esp32sim.info("hub75")["refreshes"] == 0, "no refresh without a clock")
# The next show() waits for an end-of-frame that never comes: it fails after a few refresh
# periods of virtual time (under a millisecond each here) and names the likely cause.
t0 = esp32sim.time_us()
e = raises(OSError, m.show)
check("I2S1" in e and "clock" in e, "the error names the unit and its clock: %s" % e)
waited = esp32sim.time_us() - t0
check(1000 < waited < 20000, "gave up after %d us, want a few refresh periods" % waited)
raises(RuntimeError, m.show)  # deinitialised by the failure
m.deinit()

# 2. The control: the same picture with the driver's own settings is right.
esp32sim.attach_hub75()
m = hub75.Matrix(gamma=False)
ref = drawn(m)
m.show()
esp32sim.run_ms(20)
compare_rgb565(ref, m.width, m.height, esp32sim.snapshot("hub75"))

# 3. The pixel clock inverted in the GPIO matrix: data is sampled one word late, the picture
# moves by a column.
esp32sim.write32(GPIO_FUNC_OUT_SEL + 4 * CLK_PAD, esp32sim.read32(GPIO_FUNC_OUT_SEL + 4 * CLK_PAD) | 1 << 9)
esp32sim.run_ms(20)
shot = esp32sim.snapshot("hub75")
try:
    compare_rgb565(ref, m.width, m.height, shot)
    moved = False
except AssertionError:
    moved = True
check(moved, "an inverted pixel clock should change the picture")
m.deinit()
print("wrong register ok")
