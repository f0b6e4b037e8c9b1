# A flush written in plain MicroPython, the seed's "pure" driver reduced to its hot path: the
# same CASET/PASET/RAMWR and pixels as the native driver, sent by the CPU 64 bytes at a time
# through the SPI data registers. Register access goes through esp32sim.read32/write32, the
# emulator's equivalent of machine.mem32 on the chip. The display is set up by the native
# driver; this only replaces its flush.
import esp32sim

SPI_BASE = {2: 0x3FF64000, 3: 0x3FF65000}
CMD, MOSI_DLEN, SLAVE, W0 = 0x00, 0x28, 0x38, 0x80
USR, TRANS_INTEN = 1 << 18, 1 << 9
GPIO_OUT_W1TS, GPIO_OUT_W1TC = 0x3FF44008, 0x3FF4400C


class PureFlush:
    def __init__(self, spihost=2, dc=12):
        self.base = SPI_BASE[spihost]
        self.dc = 1 << dc

    def _send(self, dc_high, data):
        write32, read32, base = esp32sim.write32, esp32sim.read32, self.base
        write32(GPIO_OUT_W1TS if dc_high else GPIO_OUT_W1TC, self.dc)
        mv = memoryview(data)
        for off in range(0, len(data), 64):
            chunk = mv[off:off + 64]
            n = len(chunk)
            for w in range(0, n, 4):
                write32(base + W0 + w, int.from_bytes(chunk[w:w + 4], "little"))
            write32(base + MOSI_DLEN, n * 8 - 1)
            write32(base + CMD, USR)
            while read32(base + CMD) & USR:
                esp32sim.run_us(1)

    def flush(self, x1, y1, x2, y2, buf):
        # The native driver's interrupt stays quiet while the CPU drives the bus.
        slave = esp32sim.read32(self.base + SLAVE)
        esp32sim.write32(self.base + SLAVE, slave & ~TRANS_INTEN)
        self._send(False, b"\x2a")
        self._send(True, bytes((x1 >> 8, x1 & 255, x2 >> 8, x2 & 255)))
        self._send(False, b"\x2b")
        self._send(True, bytes((y1 >> 8, y1 & 255, y2 >> 8, y2 & 255)))
        self._send(False, b"\x2c")
        self._send(True, memoryview(buf)[:(x2 - x1 + 1) * (y2 - y1 + 1) * 2])
        esp32sim.write32(self.base + SLAVE, slave)
