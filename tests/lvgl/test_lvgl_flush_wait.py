# LVGL's wait for flush_ready on a display without a flush-wait callback, as
# lv_binding_micropython's ili9XXX.py leaves it: LVGL 9 spins in `while(disp->flushing);`,
# which on the chip the transfer-done interrupt ends. Here the flush goes out as an SPI
# transaction whose post-transfer callback (a hard interrupt handler, as ili9XXX.py's pure
# mode has it) calls flush_ready: LVGL's wait must let emulated time pass until it does,
# and a driver that never calls it must be reported, not hang the program.
import esp32sim
import espidf as esp
import lvgl as lv
from checks import check

W, H = 32, 16
esp.spi_bus_initialize(esp.HSPI_HOST, {"miso_io_num": -1, "mosi_io_num": 18, "sclk_io_num": 19,
                                       "quadwp_io_num": -1, "quadhd_io_num": -1, "max_transfer_sz": 4096},
                       esp.SPI_DMA.CH_AUTO)
cfg = esp.spi_device_interface_config_t({"clock_speed_hz": 1_000_000, "spics_io_num": 13, "queue_size": 2})
cfg.post_cb = esp.ex_spi_post_cb_isr
handle = esp.C_Pointer()
check(esp.spi_bus_add_device(esp.HSPI_HOST, cfg, handle) == esp.ESP_OK, "device added")
spi = handle.ptr_val

disp = lv.display_create(W, H)
band = W * H // 4 * 2  # partial rendering: four bands, two buffers
buffers = [esp.heap_caps_malloc(band, esp.MALLOC_CAP.DMA) for i in range(2)]
disp.set_buffers(buffers[0], buffers[1], band, lv.DISPLAY_RENDER_MODE.PARTIAL)
done_at = []


def flush_isr(trans):  # in the SPI interrupt
    disp.flush_ready()


context = esp.spi_transaction_set_cb(None, flush_isr)
trans = [esp.spi_transaction_t() for i in range(2)]
flushed = []
result = esp.C_Pointer()


def flush(d, area, px):
    # One transaction per band, the pixels by DMA from LVGL's buffer; flush_ready comes later.
    # The previous band's transaction is done (LVGL waited for it): collect it first.
    while esp.spi_device_get_trans_result(spi, result, 0) == esp.ESP_OK:
        pass
    n = (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1) * 2
    t = trans[len(flushed) % 2]
    t.length = n * 8
    t.tx_buffer = px
    t.user = context
    flushed.append(esp32sim.time_us())
    err = esp.spi_device_queue_trans(spi, t, 0)
    check(err == esp.ESP_OK, "queued: %s" % esp.esp_err_to_name(err))


disp.set_flush_cb(flush)
check(disp.get_flush_wait_cb() is None if hasattr(disp, "get_flush_wait_cb") else True, "no flush-wait callback")
lv.screen_active().set_style_bg_color(lv.color_hex(0x3060C0), 0)
t0 = esp32sim.time_us()
lv.refr_now(disp)
spent = esp32sim.time_us() - t0
check(len(flushed) == 4, "four bands flushed: %d" % len(flushed))
# Each band is 256 bytes at 1 MHz: 2,048 us on the bus; LVGL waited for the transfers.
check(spent >= 3 * 2048, "emulated time passed while LVGL waited: %d us" % spent)
check(spent < 4 * 2048 + 10_000, "and not much more: %d us" % spent)
while esp.spi_device_get_trans_result(spi, result, 0) == esp.ESP_OK:
    pass

# A driver that never calls flush_ready: LVGL's wait gives up after its bound, with a message
# on stderr, and the program goes on.
disp.set_flush_cb(lambda d, area, px: None)
lv.screen_active().invalidate()
t0 = esp32sim.time_us()
lv.refr_now(disp)
spent = esp32sim.time_us() - t0
check(1_000_000 <= spent < 5_000_000, "each wait bounded by 1 s of emulated time: %d us" % spent)
print("test_lvgl_flush_wait: ok")
