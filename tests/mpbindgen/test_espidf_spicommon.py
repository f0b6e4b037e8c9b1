# ESP-IDF's spicommon_* layer, SPI clock and timing arithmetic and the polling transaction in
# two halves from MicroPython, on the emulated board. Expected values: the TRM's register
# addresses and GPIO matrix signal numbers, figures worked by hand from ESP-IDF's formulas.
import esp32sim
import struct
import espidf as esp
from bind_checks import check, raises

DPORT_PERIP_CLK_EN, DPORT_SPI_DMA_CHAN_SEL = 0x3FF000C0, 0x3FF005A8
GPIO_FUNC_OUT_SEL0, GPIO_FUNC_IN_SEL0 = 0x3FF44530, 0x3FF44130
HSPICLK, HSPIQ, HSPID, HSPICS1 = 8, 9, 10, 61


def ok(err):
    check(err == esp.ESP_OK, esp.esp_err_to_name(err))


def out_sel(pad):
    return esp32sim.read32(GPIO_FUNC_OUT_SEL0 + 4 * pad) & 0x1FF


bus = {"miso_io_num": 25, "mosi_io_num": 23, "sclk_io_num": 19, "quadwp_io_num": -1, "quadhd_io_num": -1,
       "max_transfer_sz": 4092}

# The unit and DMA channel claims are spi_bus_initialize's books.
check(esp.spicommon_periph_claim(esp.HSPI_HOST, "script"), "claimed")
check(esp32sim.read32(DPORT_PERIP_CLK_EN) & (1 << 6), "HSPI's clock on")
check(not esp.spicommon_periph_claim(esp.HSPI_HOST, "again"), "once")
check(esp.spi_bus_initialize(esp.HSPI_HOST, bus, esp.SPI_DMA.CH_AUTO) == esp.ESP_ERR_INVALID_STATE,
      "no bus on a claimed unit")
check(esp.spicommon_periph_free(esp.HSPI_HOST) and not esp.spicommon_periph_in_use(esp.HSPI_HOST), "freed")
check(esp.spicommon_dma_chan_claim(1) and esp.spicommon_dma_chan_in_use(1), "DMA channel 1 claimed")
check(esp.spi_bus_initialize(esp.HSPI_HOST, bus, esp.SPI_DMA.CH1) == esp.ESP_ERR_INVALID_STATE, "channel 1 taken")
ok(esp.spi_bus_initialize(esp.HSPI_HOST, bus, esp.SPI_DMA.CH_AUTO))
check((esp32sim.read32(DPORT_SPI_DMA_CHAN_SEL) >> 2) & 3 == 2, "the bus got channel 2")
check(not esp.spicommon_dma_chan_claim(2), "the bus's channel")
check(esp.spicommon_dma_chan_free(1) and not esp.spicommon_dma_chan_in_use(1), "channel 1 freed")

# spi_cal_clock, spi_get_timing, spi_get_freq_limit as ESP-IDF works them out: 10 MHz from
# 80 is n 8, pre 1, high 4 of 8 (CLOCK: n-1 << 12 | h-1 << 6 | l-1).
reg = esp.C_Pointer()
check(esp.spi_cal_clock(80_000_000, 10_000_000, 128, reg) == 10_000_000, "10 MHz")
check(reg.uint_val == (7 << 12) | (3 << 6) | 7, "CLOCK 0x%x" % reg.uint_val)
check(esp.spi_get_freq_limit(True, 0) == 26_666_666, "26.7 MHz through the GPIO matrix")
dummy, remain = esp.C_Pointer(), esp.C_Pointer()
esp.spi_get_timing(True, 0, 40_000_000, dummy, remain)
check((dummy.int_val, remain.int_val) == (1, 1), "40 MHz: a dummy clock, a cycle's delay")

# Polling in two halves: start returns while the transfer runs; end waits for it.
cfg = esp.spi_device_interface_config_t({"clock_speed_hz": 1_000_000, "spics_io_num": 13, "queue_size": 2})
h = esp.C_Pointer()
ok(esp.spi_bus_add_device(esp.HSPI_HOST, cfg, h))
dev = h.ptr_val
t = esp.spi_transaction_t({"flags": esp.SPI_TRANS.USE_TXDATA, "length": 32})
t0 = esp32sim.time_us()
ok(esp.spi_device_polling_start(dev, t, esp.ESP.MAX_DELAY))
check(esp32sim.time_us() - t0 < 32, "running")
check(esp.spi_device_polling_start(dev, t, esp.ESP.MAX_DELAY) == esp.ESP_ERR_INVALID_STATE, "one at a time")
ok(esp.spi_device_polling_end(dev, esp.ESP.MAX_DELAY))
check(esp32sim.time_us() - t0 >= 32, "32 bits at 1 MHz")
check(esp.spi_device_polling_end(dev, esp.ESP.MAX_DELAY) == esp.ESP_ERR_INVALID_STATE, "ended")
ok(esp.spi_bus_remove_device(dev))
ok(esp.spi_bus_free(esp.HSPI_HOST))

# Bus and CS pins through the GPIO matrix.
flags = esp.C_Pointer()
ok(esp.spicommon_bus_initialize_io(esp.HSPI_HOST, {"mosi_io_num": 13, "miso_io_num": 12, "sclk_io_num": 14,
                                                   "quadwp_io_num": -1, "quadhd_io_num": -1},
                                   0, esp.SPICOMMON_BUSFLAG_MASTER, flags))
check(flags.uint_val & esp.SPICOMMON_BUSFLAG_IOMUX_PINS, "HSPI's native pins")
check((out_sel(13), out_sel(14)) == (HSPID, HSPICLK), "MOSI and CLK out")
check(esp32sim.read32(GPIO_FUNC_IN_SEL0 + 4 * HSPIQ) == (1 << 7) | 12, "MISO in")
raises(ValueError, esp.spicommon_bus_initialize_io, esp.HSPI_HOST, None, 0, esp.SPICOMMON_BUSFLAG_MASTER, None)
check(esp.spicommon_bus_initialize_io(esp.HSPI_HOST, {"mosi_io_num": 13, "miso_io_num": -1, "sclk_io_num": 14,
                                                      "quadwp_io_num": -1, "quadhd_io_num": -1},
                                      0, 0, None) == esp.ESP_ERR_NOT_SUPPORTED, "no slave")
ok(esp.spicommon_bus_free_io_cfg({"mosi_io_num": 13, "miso_io_num": 12, "sclk_io_num": 14,
                                  "quadwp_io_num": -1, "quadhd_io_num": -1}))
check(out_sel(13) == 256, "back to GPIO")
esp.spicommon_cs_initialize(esp.HSPI_HOST, 26, 1, 0)
check(out_sel(26) == HSPICS1, "CS1 on pad 26")
esp.spicommon_cs_free(esp.HSPI_HOST, 1)
check(out_sel(26) == 256, "freed")
esp.spicommon_cs_initialize(esp.HSPI_HOST, 27, 0, 1)
esp.spicommon_cs_free_io(27)
check(out_sel(27) == 256, "CS pad reset")

# Descriptor links in DMA memory: 10 bytes in one descriptor, EOF, owned by the DMA engine.
data = esp.heap_caps_malloc(16, esp.MALLOC_CAP.DMA)
descs = esp.heap_caps_malloc(12, esp.MALLOC_CAP.DMA)
esp.spicommon_setup_dma_desc_links(descs, 10, data, False)
word0, buf, nxt = struct.unpack("<III", bytes(descs.__dereference__(12)))
check(word0 == 12 | 10 << 12 | 1 << 30 | 1 << 31, "size 12, length 10, EOF, DMA's: 0x%x" % word0)
check(nxt == 0, "the last")
check(0x3FFB0000 <= buf < 0x40000000, "the data's chip address, in DMA-capable RAM: 0x%x" % buf)
# The same descriptor through ESP-IDF's field names.
d = esp.lldesc_t.__cast__(descs)
check((d.size, d.length, d.offset, d.sosf, d.eof, d.owner) == (12, 10, 0, 0, 1, 1), "lldesc_t's bitfields")
check(d.buf == buf and d.qe.stqe_next == 0 and d.empty == 0, "buffer and link words")
check(esp.lldesc_t.__SIZE__ == 12, "the chip's 12 bytes")
d.qe.stqe_next = 0x3FFB1234
d.length = 4
word0, _, nxt = struct.unpack("<III", bytes(descs.__dereference__(12)))
check(nxt == 0x3FFB1234 and word0 == 12 | 4 << 12 | 1 << 30 | 1 << 31, "writes land in the chip's words")
esp.heap_caps_free(descs)
esp.heap_caps_free(data)

check(int(esp.spicommon_hw_for_host(esp.VSPI_HOST)) == 0x3FF65000, "SPI3's registers")
check(esp.spicommon_irqsource_for_host(esp.HSPI_HOST) == esp.ETS_SPI2_INTR_SOURCE, "source 30")

# The DMA reset workaround: a reset waits while the other channel transfers.
resets = bytearray(1)


def reset_done(arg):
    resets[0] += 1


check(esp.spicommon_dmaworkaround_req_reset(1, reset_done, None), "at once")
esp.spicommon_dmaworkaround_transfer_active(2)
check(not esp.spicommon_dmaworkaround_req_reset(1, reset_done, None), "waits")
check(esp.spicommon_dmaworkaround_reset_in_progress(), "pending")
esp.spicommon_dmaworkaround_idle(2)
check(resets[0] == 1 and not esp.spicommon_dmaworkaround_reset_in_progress(), "done, called back")
check(esp32sim.faults() == [], esp32sim.faults())
print("test_espidf_spicommon: ok")
