# Bad input gets a clear exception and leaves nothing half-initialised.
import esp32sim
import ili9341
from checks import check, raises

DPORT_PERIP_CLK_EN = 0x3FF000C0
DPORT_SPI_DMA_CHAN_SEL = 0x3FF005A8
SPI2, SPI3 = 1 << 6, 1 << 16


def clean():
    return (esp32sim.info()["dma_free"] == free0
            and not esp32sim.read32(DPORT_PERIP_CLK_EN) & (SPI2 | SPI3)
            and esp32sim.read32(DPORT_SPI_DMA_CHAN_SEL) == 0)


free0 = esp32sim.info()["dma_free"]
cases = [
    (ValueError, dict(spihost=0)), (ValueError, dict(spihost=3)), (ValueError, dict(spihost=-1)),
    (ValueError, dict(mhz=81)), (ValueError, dict(mhz=0)),
    (ValueError, dict(dc=18)),  # MOSI's pad
    (ValueError, dict(backlight=4)),  # RST's pad
    (ValueError, dict(miso=19)),  # CLK's pad
    (ValueError, dict(clk=34)), (ValueError, dict(cs=7)), (ValueError, dict(mosi=40)),
    (ValueError, dict(rotation=4)), (ValueError, dict(factor=0)), (ValueError, dict(factor=7)),
    (TypeError, dict(mhz="40")),
    (MemoryError, dict(factor=1)),  # two full-screen buffers do not fit
]
for exc, kw in cases:
    msg = raises(exc, ili9341.ILI9341, **kw)
    check(10 < len(msg) < 80, "%r: message %r" % (kw, msg))
    check(clean(), "%r left DMA memory, the SPI clock or a DMA channel behind" % kw)

msg = raises(ValueError, ili9341.ILI9341, dc=18)
check("18" in msg and "mosi" in msg and "dc" in msg, msg)
msg = raises(MemoryError, ili9341.ILI9341, factor=1)
check("bytes" in msg and "DMA" in msg, msg)

# Optional pads: no reset, backlight or MISO wire.
d = ili9341.ILI9341(rst=-1, backlight=-1, miso=-1)
d.deinit()
check(clean(), "deinit left something behind")

d = ili9341.ILI9341()
raises(OSError, ili9341.ILI9341)  # the same SPI host twice
a, b = d.buffers()
for args in [(0, 0, 240, 0), (0, 0, 0, 320), (5, 0, 4, 0), (0, 9, 0, 8), (-1, 0, 0, 0)]:
    msg = raises(ValueError, d.flush, *(args + (a,)))
    check("area" in msg, msg)
msg = raises(ValueError, d.flush, 0, 0, 239, 80, a)  # 81 rows into an 80-row buffer
check("smaller" in msg, msg)
msg = raises(ValueError, d.flush, 0, 0, 9, 9, bytearray(200))
check("DMA" in msg, msg)
raises(ValueError, d.fill_rect, 230, 0, 11, 1, 0)
raises(ValueError, d.fill, 0x10000)
raises(ValueError, d.blit, bytearray(10), 0, 0, 10, 10)
raises(ValueError, d.blit, bytearray(200), 235, 0, 10, 10)
raises(TypeError, d.flush, 0, 0, 9, 9, 42)
raises(ValueError, setattr, d, "rotation", 4)
d.deinit()
d.deinit()  # twice is fine
for call in (lambda: d.flush(0, 0, 9, 9, a), lambda: d.fill(0), lambda: d.buffers(),
             lambda: d.wait(), lambda: bytes(a)):
    raises(RuntimeError, call)
check(clean(), "deinit left something behind")

# A working display afterwards, on VSPI with the pads the emulated display is rewired to.
pins = dict(mosi=23, clk=22, cs=21, dc=17, rst=16, backlight=15, miso=19)
esp32sim.attach_ili9341(pins=pins)
d = ili9341.ILI9341(spihost=ili9341.VSPI, **pins)
d.fill(0xFFFF)
d.wait()
w, h, rgb = esp32sim.snapshot("ili9341")
check(min(rgb) == 255 and esp32sim.info("ili9341")["frames"] >= 2, "VSPI display shows white")
d.deinit()
# The display model wired elsewhere: a driver on the default pads reaches nothing.
bytes0 = esp32sim.info("ili9341")["bytes"]
d = ili9341.ILI9341()
check(esp32sim.info("ili9341")["bytes"] == bytes0, "bytes reached a display on other pads")
w, h, rgb = esp32sim.snapshot("ili9341")
check(max(rgb) == 0, "display on other pads stays dark (backlight off)")
d.deinit()
esp32sim.attach_ili9341()
check(clean(), "left something behind")
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
# SPI2's clock gated behind the driver's back: the transfer never ends. The first call that
# waits for it (wait(), or fill() itself when polled) fails in a few transfer times of virtual
# time (a full screen takes 30.7 ms at 40 MHz), names the likely cause, leaves nothing behind.
d = ili9341.ILI9341()
esp32sim.write32(DPORT_PERIP_CLK_EN, esp32sim.read32(DPORT_PERIP_CLK_EN) & ~SPI2)
t0 = esp32sim.time_us()
e = raises(OSError, lambda: (d.fill(0xFFFF), d.wait()))  # fill itself waits on a polled build
check("SPI2" in e and "clock" in e, "the error names the unit and its clock: %s" % e)
waited = esp32sim.time_us() - t0
check(30700 < waited < 130000, "gave up after %d us, want a few transfer times" % waited)
check(clean(), "a failed wait left something behind")
raises(RuntimeError, lambda: d.fill(0))
print("ili9341 bad input ok")
