# The RTC slow clock, the ROM's crystal scale and GPIO interrupt handler, heap_caps' _prefer
# forms and ESP_ERROR_CHECK's failure from MicroPython, on the emulated board. Expected: the
# 150 kHz RC's period 1e6 / 150000 us in Q13.19 = 3495253; 40 MHz / 8 MHz * 256 = 1280;
# the board's own time.
import esp32sim
import espidf as esp
from array import array
from bind_checks import check, raises

RTC_CNTL_STORE1 = 0x3FF48050

check(esp.esp_clk_slowclk_cal_get() == 3495253, "150 kHz: %d" % esp.esp_clk_slowclk_cal_get())
check(esp32sim.read32(RTC_CNTL_STORE1) == 3495253, "kept in RTC_CNTL_STORE1")
t0 = esp.esp_clk_rtc_time()
esp32sim.run_ms(200)
dt = esp.esp_clk_rtc_time() - t0
check(199_990 <= dt <= 200_010, "200 ms by the RTC timer: %d" % dt)
esp.esp_clk_slowclk_cal_set(2 * 3495253)
t1 = esp.esp_clk_rtc_time()
check(abs(t1 - 2 * (t0 + dt)) < 50, "twice the period, twice the time")
esp.esp_clk_slowclk_cal_set(3495253)
check(esp.ets_get_xtal_scale() == 1280, "xtal / 8M * 256")

# The ROM's GPIO handler on CPU interrupt 4, masked from its call until the acknowledgement.
GPIO_PIN26 = 0x3FF44088 + 4 * 26
seen = array("I", [0] * 8)  # count, then (mask, high) pairs: a hard handler cannot allocate


def rom_handler(mask, high, arg):
    n = seen[0]
    if n < 3:
        seen[1 + 2 * n] = mask
        seen[2 + 2 * n] = 1 if high else 0
    seen[0] = n + 1


esp.gpio_pad_select_gpio(26)
esp.gpio_set_direction(26, esp.GPIO_MODE.INPUT)
esp32sim.write32(GPIO_PIN26, (1 << 7) | (4 << 13))  # rising edge, for the PRO CPU
esp32sim.set_pad(26, 0)
esp.gpio_intr_handler_register(rom_handler, None)
esp.intr_matrix_set(0, esp.ETS_GPIO_INTR_SOURCE, esp.ETS_GPIO_INUM)
esp.ets_isr_unmask(1 << esp.ETS_GPIO_INUM)
esp32sim.set_pad(26, 1)
esp32sim.run_us(10)
check(seen[0] == 1 and (seen[1], seen[2]) == (1 << 26, 0), "called for pad 26: %r" % seen)
esp32sim.run_us(10)
check(seen[0] == 1, "not again before the acknowledgement")
esp.gpio_intr_ack(1 << 26)
esp32sim.set_pad(26, 0)
esp32sim.set_pad(26, 1)
esp32sim.run_us(10)
check(seen[0] == 2, "the next edge after it")
esp.gpio_intr_ack(1 << 26)
esp.gpio_intr_handler_register(None, None)
esp.ets_isr_mask(1 << esp.ETS_GPIO_INUM)
esp32sim.set_pad(26, None)

# heap_caps_*_prefer: the capability sets as an array, tried in order.
free0 = esp.heap_caps_get_free_size(esp.MALLOC_CAP.DMA)
p = esp.heap_caps_malloc_prefer(100, array("I", [esp.MALLOC_CAP.SPIRAM, esp.MALLOC_CAP.DMA]), 2)
check(p is not None and esp.heap_caps_get_free_size(esp.MALLOC_CAP.DMA) == free0 - 100, "no PSRAM: DMA RAM")
check(esp.heap_caps_malloc_prefer(100, array("I", [esp.MALLOC_CAP.SPIRAM]), 1) is None, "no PSRAM at all")
q = esp.heap_caps_realloc_prefer(p, 200, array("I", [esp.MALLOC_CAP.DMA]), 1)
check(esp.heap_caps_get_free_size(esp.MALLOC_CAP.DMA) == free0 - 200, "grown")
c = esp.heap_caps_calloc_prefer(4, 8, array("I", [esp.MALLOC_CAP.EXEC, esp.MALLOC_CAP.DMA]), 2)
check(bytes(c.__dereference__(32)) == bytes(32), "zeroed")
raises(ValueError, esp.heap_caps_malloc_prefer, 100, array("I", [esp.MALLOC_CAP.DMA]), 2)  # shorter than num
raises(ValueError, esp.heap_caps_malloc_prefer, 100, array("I", [esp.MALLOC_CAP.DMA] * 5), 5)  # over 4
esp.heap_caps_free(q)
esp.heap_caps_free(c)
check(esp.heap_caps_get_free_size(esp.MALLOC_CAP.DMA) == free0, "all back")

# _esp_error_check_failed: ESP-IDF aborts; from Python it raises.
msg = raises(RuntimeError, esp._esp_error_check_failed, esp.ESP_ERR_NO_MEM, "f.c", 12, "fn", "x()")
check("ESP_ERR_NO_MEM" in msg and "abort" in msg, msg)
check(esp32sim.faults() == [], esp32sim.faults())
print("test_espidf_clock_rom: ok")
