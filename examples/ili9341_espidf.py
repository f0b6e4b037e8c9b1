# An ILI9341 driver written in MicroPython on ESP-IDF's SPI master, through the espidf module
# that mpbindgen generates from C headers: DMA transfers of two pixel buffers (double
# buffering) with the LVGL-style flush contract (flush an area, get told when it is out).
#
# Two modes:
# - pure: flush() and both transfer callbacks (D/C before each transaction, "pixels out"
#   after the last) are Python; the callbacks run as hard interrupt handlers.
# - hybrid: set-up stays here; espidf.ili9341_flush and the ili9341_*_cb_isr callbacks do the
#   per-frame work in C.
# Either way the pixels are RGB565 in the panel's byte order (big-endian).
import espidf as esp
from micropython import const

WIDTH = const(240)
HEIGHT = const(320)
_SWRESET, _SLPOUT, _DISPON, _CASET, _PASET, _RAMWR = 0x01, 0x11, 0x29, 0x2A, 0x2B, 0x2C
_MADCTL, _COLMOD = 0x36, 0x3A


def _ok(err, what):
    if err != esp.ESP_OK:
        raise OSError("%s failed: %s" % (what, esp.esp_err_to_name(err)))


class ILI9341:
    def __init__(self, miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2,
                 spihost=esp.HSPI_HOST, mhz=40, factor=4, hybrid=True):
        if factor not in (1, 2, 4, 5, 8, 10):
            raise ValueError("factor must divide the 320 lines: 1, 2, 4, 5, 8 or 10")
        self.hybrid = hybrid
        self.dc, self.rst, self.backlight_pin = dc, rst, backlight
        self.host = spihost
        self.lines = HEIGHT // factor
        self.buf_size = WIDTH * self.lines * 2
        self.spi = None
        self.bufs = []
        self.flushing = False  # set by flush, cleared by the "pixels out" callback
        self.flushes = 0
        self.ready = None      # flush_ready callable, as LVGL's disp_drv.flush_cb gets
        try:
            for _ in range(2):
                p = esp.heap_caps_malloc(self.buf_size, esp.MALLOC_CAP.DMA)
                if p is None:
                    raise MemoryError("no %d bytes of DMA-capable memory" % self.buf_size)
                self.bufs.append(p)
            self._init_pins()
            self._init_spi(miso, mosi, clk, cs, mhz)
            self._init_panel()
        except BaseException:
            self.deinit()
            raise

    # ---- set-up (Python in both modes) ----------------------------------------------------

    def _init_pins(self):
        _ok(esp.gpio_config({"pin_bit_mask": 1 << self.dc | 1 << self.rst | 1 << self.backlight_pin,
                             "mode": esp.GPIO_MODE.OUTPUT}), "gpio_config")

    def _init_spi(self, miso, mosi, clk, cs, mhz):
        _ok(esp.spi_bus_initialize(self.host, {
            "miso_io_num": miso, "mosi_io_num": mosi, "sclk_io_num": clk,
            "quadwp_io_num": -1, "quadhd_io_num": -1, "max_transfer_sz": self.buf_size + 8,
        }, esp.SPI_DMA.CH_AUTO), "spi_bus_initialize")
        self.bus = True
        devcfg = esp.spi_device_interface_config_t({
            "clock_speed_hz": mhz * 1000000, "mode": 0, "spics_io_num": cs,
            "queue_size": 8, "flags": esp.SPI_DEVICE.HALFDUPLEX,
        })
        # Six transactions a flush: CASET, its data, PASET, its data, RAMWR, the pixels.
        self.trans = [esp.spi_transaction_t() for _ in range(6)]
        self.queued = 0
        if self.hybrid:
            devcfg.pre_cb = esp.ili9341_pre_cb_isr
            devcfg.post_cb = esp.ili9341_post_cb_isr
        else:
            devcfg.pre_cb = self._pre_isr
            devcfg.post_cb = self._post_isr
            # The context each transaction carries to the interrupt: its callbacks, its D/C
            # level, and whether it is the last of a flush. Made once: interrupts can't allocate.
            for i, t in enumerate(self.trans):
                t.user = {"pre_cb": self._pre_isr, "post_cb": self._post_isr, "dc": i & 1, "last": i == 5}
        handle = esp.C_Pointer()
        _ok(esp.spi_bus_add_device(self.host, devcfg, handle), "spi_bus_add_device")
        self.spi = handle.ptr_val
        if self.hybrid:
            self.f = esp.ili9341_flush_t({"spi": self.spi, "dc": self.dc})
            self.f.flush_ready = self._ready_scheduled
        self.cmd = esp.spi_transaction_t({"flags": esp.SPI_TRANS.USE_TXDATA})

    def _send(self, dc, data):
        # Set-up bytes, polled, at most 4 at a time; D/C set here (the transaction has no user).
        esp.gpio_set_level(self.dc, dc)
        for i in range(0, len(data), 4):
            chunk = data[i:i + 4]
            self.cmd.length = 8 * len(chunk)
            self.cmd.tx_data[:len(chunk)] = chunk
            _ok(esp.spi_device_polling_transmit(self.spi, self.cmd), "spi_device_polling_transmit")

    def command(self, cmd, data=b""):
        self._send(0, bytes([cmd]))
        if data:
            self._send(1, data)

    def _init_panel(self):
        # The datasheet's waits: a reset (pin or SWRESET) that finds the panel awake needs
        # 120 ms before the next command; SLPOUT needs 120 ms too.
        esp.gpio_set_level(self.rst, 0)
        esp.task_delay_ms(10)
        esp.gpio_set_level(self.rst, 1)
        esp.task_delay_ms(120)
        self.command(_SWRESET)
        esp.task_delay_ms(120)
        self.command(_SLPOUT)
        esp.task_delay_ms(120)
        self.command(_MADCTL, b"\x48")  # MX and BGR: upright portrait on the modules' glass
        self.command(_COLMOD, b"\x55")  # 16 bits a pixel
        self.command(_DISPON)
        esp.gpio_set_level(self.backlight_pin, 1)

    # ---- the flush contract ---------------------------------------------------------------

    def buffer(self, i):
        # Buffer i (0 or 1) as a writable memoryview, for framebuf.
        return self.bufs[i].__dereference__(self.buf_size)

    def flush(self, x1, y1, x2, y2, i):
        # Sends the pixels of the area x1..x2, y1..y2 (inclusive) from buffer i and returns at
        # once; the previous flush is finished first.
        if not (0 <= x1 <= x2 < WIDTH and 0 <= y1 <= y2 < HEIGHT):
            raise ValueError("area outside the panel")
        if (x2 - x1 + 1) * (y2 - y1 + 1) * 2 > self.buf_size:
            raise ValueError("area larger than a buffer")
        self.flushing = True
        if self.hybrid:
            _ok(esp.ili9341_flush(self.f, x1, y1, x2, y2, self.bufs[i]), "ili9341_flush")
            return
        self.wait()
        t = self.trans
        for j, (cmd, a, b) in enumerate(((_CASET, x1, x2), (_PASET, y1, y2))):
            c, d = t[2 * j], t[2 * j + 1]
            c.flags = d.flags = esp.SPI_TRANS.USE_TXDATA
            c.length, c.tx_data[0] = 8, cmd
            d.length = 32
            d.tx_data[0], d.tx_data[1], d.tx_data[2], d.tx_data[3] = a >> 8, a & 255, b >> 8, b & 255
        t[4].flags, t[4].length, t[4].tx_data[0] = esp.SPI_TRANS.USE_TXDATA, 8, _RAMWR
        t[5].flags = 0
        t[5].length = (x2 - x1 + 1) * (y2 - y1 + 1) * 16
        t[5].tx_buffer = self.bufs[i]
        for tr in t:
            _ok(esp.spi_device_queue_trans(self.spi, tr, esp.portMAX_DELAY), "spi_device_queue_trans")
            self.queued += 1

    def wait(self):
        # Until the last flush is out and its transactions are collected.
        if self.hybrid:
            _ok(esp.ili9341_flush_wait(self.f), "ili9341_flush_wait")
            return
        out = esp.C_Pointer()
        while self.queued:
            _ok(esp.spi_device_get_trans_result(self.spi, out, esp.portMAX_DELAY), "spi_device_get_trans_result")
            self.queued -= 1

    # Interrupt context (pure mode): no allocation here. Set-up transactions carry no user
    # (their D/C is set before them), so the callbacks assigned to devcfg answer for them.
    def _pre_isr(self, trans):
        u = trans.user
        if u is not None:
            esp.gpio_set_level(self.dc, u["dc"])

    def _post_isr(self, trans):
        u = trans.user
        if u is not None and u["last"]:
            self._flushed()

    def _ready_scheduled(self, f):  # hybrid: scheduled from ili9341_post_cb_isr
        self._flushed()

    def _flushed(self):
        self.flushing = False
        self.flushes += 1
        if self.ready is not None:
            self.ready()

    def deinit(self):
        if self.spi is not None:
            self.wait()
            esp.spi_bus_remove_device(self.spi)
            self.spi = None
        if getattr(self, "bus", False):
            esp.spi_bus_free(self.host)
            self.bus = False
        for p in self.bufs:
            esp.heap_caps_free(p)
        self.bufs = []
