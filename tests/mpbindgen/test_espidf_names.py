# The names ESP-IDF code written for MicroPython uses, from lv_binding_micropython's
# driver/esp32/ili9XXX.py and xpt2046.py and the second seed: constants as classes in both
# spellings, get_ccount, gpio_pad_select_gpio, the bus lock, the trampolines under the
# reference's names, and T.__cast_instance__. Expected values are ESP-IDF's (its headers'
# numbers), not read from the module.
import esp32sim
import espidf as esp
from bind_checks import check, raises


def ok(err):
    check(err == esp.ESP_OK, esp.esp_err_to_name(err))


# Constants: today's spelling and the seed's, the same numbers.
check((esp.MALLOC_CAP.DMA, esp.MALLOC_CAP.INTERNAL, esp.MALLOC_CAP.SPIRAM) == (1 << 3, 1 << 11, 1 << 10), "MALLOC_CAP")
check((esp.CAP.DMA, esp.CAP.INTERNAL, esp.CAP.SPIRAM) == (1 << 3, 1 << 11, 1 << 10), "the seed's CAP")
check((esp.SPI_DEVICE.HALFDUPLEX, esp.SPI_DEVICE.NO_DUMMY) == (1 << 4, 1 << 6), "SPI_DEVICE")
check(esp.ESP.HALF_DUPLEX == 1 << 4, "the seed's ESP.HALF_DUPLEX")
check(esp.ESP.MAX_DELAY == 0xFFFFFFFF, "ESP.MAX_DELAY is portMAX_DELAY")
check(esp.SPI_TRANS.USE_TXDATA == esp.TRANS.USE_TXDATA == 1 << 3, "SPI_TRANS and the seed's TRANS")
check((esp.enum.SPI_HOST, esp.enum.HSPI_HOST, esp.enum.VSPI_HOST) == (0, 1, 2), "the seed's enum class")
check(esp.HSPI_HOST == 1 and esp.GPIO.PULLUP_ONLY == 0, "flat host names and GPIO stay")

# get_ccount: the 240 MHz cycle counter, from emulated time.
start, end = esp.C_Pointer(), esp.C_Pointer()
esp.get_ccount(start)
esp32sim.run_us(1000)
esp.get_ccount(end)
cycles = (end.int_val - start.int_val) & 0xFFFFFFFF
check(240_000 <= cycles < 240_000 + 240 * 50, "1 ms is 240,000 cycles: %d" % cycles)
raises(ValueError, esp.get_ccount, None)

# gpio_pad_select_gpio: the pad's IO_MUX register gets function 2 (GPIO), in MCU_SEL (bits 12..14).
IO_MUX_GPIO18 = 0x3FF49070  # TRM: IO_MUX_GPIO18_REG
esp32sim.write32(IO_MUX_GPIO18, 1 << 12)  # function 1 (VSPICLK)
esp.gpio_pad_select_gpio(18)
check((esp32sim.read32(IO_MUX_GPIO18) >> 12) & 7 == 2, "pad 18 given to GPIO: %x" % esp32sim.read32(IO_MUX_GPIO18))
esp.gpio_pad_select_gpio(40)  # no such pad: logged, nothing written, no exception (the ROM has no result)

# The trampolines under lv_binding_micropython's names are the seed's, assignable to pre_cb/post_cb.
cfg = esp.spi_device_interface_config_t({"clock_speed_hz": 10_000_000, "spics_io_num": 13, "queue_size": 4})
cfg.pre_cb = esp.ex_spi_pre_cb_isr
cfg.post_cb = esp.ex_spi_post_cb_isr
check("called by C" in raises(TypeError, esp.ex_spi_post_cb_isr), "ex_spi_post_cb_isr is for C")

# The bus lock: while one device holds the bus, another's queued transactions wait.
ok(esp.spi_bus_initialize(esp.HSPI_HOST, {"miso_io_num": -1, "mosi_io_num": 23, "sclk_io_num": 19,
                                          "quadwp_io_num": -1, "quadhd_io_num": -1, "max_transfer_sz": 64},
                          esp.SPI_DMA.CH_AUTO))
order = bytearray(8)
count = bytearray(1)


def post(trans):
    order[count[0]] = trans.length  # a scalar field: an interrupt handler cannot allocate
    count[0] += 1


devices = []
for cs in (13, 15):
    c = esp.spi_device_interface_config_t({"clock_speed_hz": 10_000_000, "spics_io_num": cs, "queue_size": 4})
    c.post_cb = esp.spi_post_cb_isr
    h = esp.C_Pointer()
    ok(esp.spi_bus_add_device(esp.HSPI_HOST, c, h))
    devices.append(h.ptr_val)
a, b = devices
ctx = esp.spi_transaction_set_cb(None, post)


def trans(bits):  # told apart by their lengths
    return esp.spi_transaction_t({"flags": esp.SPI_TRANS.USE_TXDATA, "length": bits, "user": ctx})


check(esp.spi_device_acquire_bus(a, 10) == esp.ESP_ERR_INVALID_ARG, "only portMAX_DELAY")
ok(esp.spi_device_acquire_bus(a, esp.ESP.MAX_DELAY))
check(esp.spi_device_acquire_bus(b, esp.ESP.MAX_DELAY) == esp.ESP_ERR_INVALID_STATE, "held by another device")
check(esp.spi_device_release_bus(b) == esp.ESP_ERR_INVALID_STATE, "b does not hold it")
check(esp.spi_bus_remove_device(a) == esp.ESP_ERR_INVALID_STATE, "not removed while it holds the bus")
tb, ta1, ta2 = trans(8), trans(16), trans(24)
ok(esp.spi_device_queue_trans(b, tb, 0))
ok(esp.spi_device_queue_trans(a, ta1, 0))
ok(esp.spi_device_queue_trans(a, ta2, 0))
result = esp.C_Pointer()
ok(esp.spi_device_get_trans_result(a, result, 100))
ok(esp.spi_device_get_trans_result(a, result, 100))
esp32sim.run_ms(5)
check(bytes(order[:count[0]]) == bytes([16, 24]), "b's transaction waits while a holds the bus: %r" % order[:count[0]])
ok(esp.spi_device_release_bus(a))
ok(esp.spi_device_get_trans_result(b, result, 100))
check(bytes(order[:count[0]]) == bytes([16, 24, 8]), "and runs after the release: %r" % order[:count[0]])
for d in devices:
    ok(esp.spi_bus_remove_device(d))
esp.spi_bus_free(esp.HSPI_HOST)

# __cast_instance__: an existing struct pointed at other memory in place.
t1 = esp.spi_transaction_t({"length": 24})
t2 = esp.spi_transaction_t({"length": 40})
view = esp.spi_transaction_t()
esp.spi_transaction_t.__cast_instance__(view, t1)
check(view.length == 24, "pointed at t1")
view.length = 25
check(t1.length == 25, "writes go to t1's memory")
esp.spi_transaction_t.__cast_instance__(view, t2)
check(view.length == 40, "re-pointed at t2")
raises(TypeError, esp.spi_transaction_t.__cast_instance__, esp.spi_bus_config_t(), t1)
# The second seed's GPIO, interrupt and ROM names (its help(esp) listing); their behaviour is
# tested in test_espidf_gpio.py.
SEED_GPIO = """gpio_output_set gpio_output_set_high gpio_input_get gpio_input_get_high gpio_intr_pending
gpio_intr_pending_high gpio_intr_ack gpio_intr_ack_high gpio_pin_wakeup_enable gpio_pin_wakeup_disable
gpio_matrix_in gpio_matrix_out gpio_pad_select_gpio gpio_pad_set_drv gpio_pad_pullup gpio_pad_pulldown
gpio_pad_unhold gpio_pad_hold gpio_init esp_intr_mark_shared esp_intr_reserve esp_intr_alloc
esp_intr_alloc_intrstatus esp_intr_free esp_intr_get_cpu esp_intr_get_intno esp_intr_disable
esp_intr_enable esp_intr_set_in_iram esp_intr_noniram_disable esp_intr_noniram_enable gpio_set_intr_type
gpio_intr_enable gpio_intr_disable gpio_wakeup_enable gpio_wakeup_disable gpio_isr_register
gpio_pullup_en gpio_pullup_dis gpio_pulldown_en gpio_pulldown_dis gpio_install_isr_service
gpio_uninstall_isr_service gpio_isr_handler_add gpio_isr_handler_remove gpio_set_drive_capability
gpio_get_drive_capability gpio_hold_en gpio_hold_dis gpio_deep_sleep_hold_en gpio_deep_sleep_hold_dis
gpio_iomux_in gpio_iomux_out ets_delay_us ets_isr_attach ets_isr_mask ets_isr_unmask ets_intr_lock
ets_intr_unlock ets_waiti0 intr_matrix_set GPIO_PIN_INTR GPIO_DRIVE_CAP ETS
ets_run ets_set_idle_cb ets_task ets_post ets_set_user_start ets_set_startup_callback
ets_set_appcpu_boot_addr ets_unpack_flash_code_legacy ets_unpack_flash_code ets_printf
ets_write_char_uart ets_install_putc1 ets_install_putc2 ets_install_uart_printf ets_timer_init
ets_timer_deinit ets_timer_arm ets_timer_arm_us ets_timer_disarm ets_timer_setfn ets_timer_done
ets_update_cpu_frequency ets_update_cpu_frequency_rom ets_get_cpu_frequency
ets_get_detected_xtal_freq ETSTimer esp_log_write esp_log_early_timestamp
esp_log_buffer_hex_internal esp_log_buffer_char_internal esp_log_buffer_hexdump_internal
multi_heap_malloc multi_heap_free multi_heap_realloc multi_heap_get_allocated_size multi_heap_register
multi_heap_set_lock multi_heap_dump multi_heap_check multi_heap_free_size multi_heap_minimum_free_size
multi_heap_get_info multi_heap_info_t heap_caps_realloc heap_caps_get_minimum_free_size heap_caps_get_info
heap_caps_print_heap_info heap_caps_check_integrity_all heap_caps_check_integrity
heap_caps_check_integrity_addr heap_caps_malloc_extmem_enable heap_caps_dump heap_caps_dump_all
_esp_error_check_failed_without_abort""".split()
missing = [n for n in SEED_GPIO if not hasattr(esp, n)]
check(not missing, "the seed's names missing: %s" % missing)
# Each ESP-IDF number the seed's classes hold (its headers: rom/gpio.h, driver/gpio.h,
# rom/ets_sys.h).
check([esp.GPIO_PIN_INTR.DISABLE, esp.GPIO_PIN_INTR.POSEDGE, esp.GPIO_PIN_INTR.NEGEDGE,
       esp.GPIO_PIN_INTR.ANYEDGE, esp.GPIO_PIN_INTR.LOLEVEL, esp.GPIO_PIN_INTR.HILEVEL] == [0, 1, 2, 3, 4, 5],
      "GPIO_PIN_INTR")
check([esp.GPIO_DRIVE_CAP._0, esp.GPIO_DRIVE_CAP._1, esp.GPIO_DRIVE_CAP._2, esp.GPIO_DRIVE_CAP.DEFAULT,
       esp.GPIO_DRIVE_CAP._3, esp.GPIO_DRIVE_CAP.MAX] == [0, 1, 2, 2, 3, 4], "GPIO_DRIVE_CAP")
check([esp.ETS.OK, esp.ETS.FAILED] == [0, 1], "ETS")

# Every name of the seed's help(esp) listing, read from its transcript (CTest gives the path
# in UPANEL_SEED_ESP_LISTING): the lines "  NAME -- <...>" after ">>> help(esp)", up to the
# first blank line.
import os

listing = os.getenv("UPANEL_SEED_ESP_LISTING")
if listing:
    names = []
    with open(listing) as f:
        inside = False
        for line in f:
            if line.startswith(">>> help(esp)"):
                inside = True
            elif inside and not line.strip():
                break
            elif inside and " -- " in line:
                names.append(line.split(" -- ")[0].strip())
    check(len(names) > 200, "the listing has its 203 names: %d" % len(names))
    missing = [n for n in names if n != "__name__" and not hasattr(esp, n)]
    check(not missing, "the seed's listing names missing: %s" % missing)
else:
    print("test_espidf_names: no seed transcript given; its listing not checked")
print("test_espidf_names: ok")
