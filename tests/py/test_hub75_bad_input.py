# Bad input gets a clear exception and leaves nothing half-initialised.
import esp32sim
import hub75
from checks import check, raises

DPORT_PERIP_CLK_EN = 0x3FF000C0
I2S1 = 1 << 21


def clean():
    return esp32sim.info()["dma_free"] == free0 and not esp32sim.read32(DPORT_PERIP_CLK_EN) & I2S1


free0 = esp32sim.info()["dma_free"]
cases = [
    (ValueError, dict(width=0)), (ValueError, dict(width=12)), (ValueError, dict(width=512)),
    (ValueError, dict(height=48)), (ValueError, dict(height=-1)), (ValueError, dict(chain=0)),
    (ValueError, dict(chain=9)), (ValueError, dict(depth=0)), (ValueError, dict(depth=13)),
    (ValueError, dict(clock_hz=20_000_001)), (ValueError, dict(clock_hz=0)),
    (ValueError, dict(brightness=256)), (ValueError, dict(brightness=-1)),
    (ValueError, dict(i2s=2)),
    (ValueError, dict(pins={"oe": 34})), (ValueError, dict(pins={"lat": 39})),
    (ValueError, dict(pins={"clk": 7})), (ValueError, dict(pins={"r1": 40})),
    (ValueError, dict(pins={"r1": 20})), (ValueError, dict(pins={"r1": -5})),
    (ValueError, dict(pins={"oe": 16})),  # CLK's pad
    (ValueError, dict(pins={"x1": 3})),
    (TypeError, dict(pins=[1, 2])), (TypeError, dict(pins={"oe": "15"})),
    (TypeError, dict(width="64")),
    (MemoryError, dict(width=128, chain=8, depth=12, height=64)),
]
for exc, kw in cases:
    msg = raises(exc, hub75.Matrix, **kw)
    check(len(msg) > 10, "%r: message %r is not helpful" % (kw, msg))
    check(clean(), "%r left DMA memory or the I2S clock behind" % kw)

msg = raises(MemoryError, hub75.Matrix, width=128, chain=8, depth=12, height=64)
check("bytes" in msg and "DMA" in msg, "MemoryError should say how much: " + msg)
msg = raises(ValueError, hub75.Matrix, pins={"oe": 16})
check("16" in msg and "oe" in msg and "clk" in msg, msg)

# The E line is not needed at 1/16 scan, so its pad may be anything.
m = hub75.Matrix(pins={"e": 39})
m.deinit()
check(clean(), "deinit left something behind")

m = hub75.Matrix()
raises(OSError, hub75.Matrix)  # the same I2S unit twice
m0 = hub75.Matrix(i2s=0)
msg = raises(OSError, hub75.Matrix, i2s=0)
check("I2S0" in msg, "the busy unit is I2S0: " + msg)
m0.deinit()
raises(ValueError, m.show, bytearray(10))
raises(ValueError, m.show, bytearray(64 * 32 * 3), 7)
raises(TypeError, m.show, 42)
raises(ValueError, setattr, m, "brightness", 300)
m.deinit()
m.deinit()  # twice is fine
for call in (lambda: m.show(), lambda: m.info(), lambda: setattr(m, "brightness", 3)):
    raises(RuntimeError, call)
check(clean(), "deinit left something behind")
# And a working matrix can be made afterwards.
m = hub75.Matrix(depth=4)
m.show()
m.deinit()
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
print("bad input ok")
