# The seed's helpers for transaction callbacks in Python: spi_transaction_set_cb makes the
# context a transaction's `user` carries, and spi_pre_cb_isr / spi_post_cb_isr (C functions,
# the pre/post-transfer trampolines under the seed's names) call its callables from the SPI
# interrupt, with the transaction, as hard interrupt handlers.
import espidf as esp
from bind_checks import check, raises


def ok(err):
    check(err == esp.ESP_OK, esp.esp_err_to_name(err))


ok(esp.spi_bus_initialize(esp.HSPI_HOST, {"miso_io_num": -1, "mosi_io_num": 18, "sclk_io_num": 19,
                                          "quadwp_io_num": -1, "quadhd_io_num": -1, "max_transfer_sz": 64},
                          esp.SPI_DMA.CH_AUTO))
devcfg = esp.spi_device_interface_config_t({"clock_speed_hz": 10_000_000, "spics_io_num": 13, "queue_size": 4})
devcfg.pre_cb = esp.spi_pre_cb_isr
devcfg.post_cb = esp.spi_post_cb_isr
handle = esp.C_Pointer()
ok(esp.spi_bus_add_device(esp.HSPI_HOST, devcfg, handle))
spi = handle.ptr_val

seen = bytearray(4)  # made here: interrupt handlers cannot allocate


def pre(trans):
    seen[0] += 1
    seen[1] = trans.length


def post(trans):
    seen[2] += 1
    seen[3] = trans.flags  # scalar fields only: a memoryview would allocate


callbacks = esp.spi_transaction_set_cb(pre, post)
t = esp.spi_transaction_t({"flags": esp.SPI_TRANS.USE_TXDATA, "length": 16})
t.user = callbacks
result = esp.C_Pointer()
for i in range(3):
    ok(esp.spi_device_queue_trans(spi, t, 10))
    ok(esp.spi_device_get_trans_result(spi, result, 100))
check(seen == bytearray([3, 16, 3, esp.SPI_TRANS.USE_TXDATA]), "both callbacks ran with the transaction, each time: %r" % seen)

# Only post_cb: pre_cb's trampoline finds nothing to call and calls nothing.
t.user = esp.spi_transaction_set_cb(None, post)
ok(esp.spi_device_queue_trans(spi, t, 10))
ok(esp.spi_device_get_trans_result(spi, result, 100))
check(seen[0] == 3 and seen[2] == 4, "None leaves a callback out: %r" % seen)

check("called by C" in raises(TypeError, esp.spi_pre_cb_isr), "calling it from Python says what it is for")
raises(TypeError, esp.spi_transaction_set_cb, {"x": 1}, None)
raises(TypeError, esp.spi_transaction_set_cb, 5, None)
esp.spi_bus_remove_device(spi)
esp.spi_bus_free(esp.HSPI_HOST)
print("test_espidf_seed_helpers: ok")
