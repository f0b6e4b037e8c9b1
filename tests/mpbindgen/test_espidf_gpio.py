# GPIO inputs, pulls, interrupts and the interrupt allocator from MicroPython on the emulated
# board: a button is esp32sim.set_pad, handlers written in Python run as hard interrupt
# handlers from the GPIO interrupt. Expected numbers are ESP-IDF's (its headers' values, its
# interrupt allocator's table) and the TRM's register bits, not read from the module.
import gc

import esp32sim
import espidf as esp
from bind_checks import check, raises


def ok(err):
    check(err == esp.ESP_OK, esp.esp_err_to_name(err))


# The seed's classes and ESP-IDF's numbers.
P = esp.GPIO_PIN_INTR
check((P.DISABLE, P.POSEDGE, P.NEGEDGE, P.ANYEDGE, P.LOLEVEL, P.HILEVEL) == (0, 1, 2, 3, 4, 5), "GPIO_PIN_INTR")
D = esp.GPIO_DRIVE_CAP
check((D._0, D._1, D._2, D.DEFAULT, D._3, D.MAX) == (0, 1, 2, 2, 3, 4), "GPIO_DRIVE_CAP")
check((esp.ETS.OK, esp.ETS.FAILED) == (0, 1), "ETS")
check((esp.GPIO_INTR.NEGEDGE, esp.GPIO_INTR.LOW_LEVEL, esp.GPIO_INTR.HIGH_LEVEL) == (2, 4, 5), "GPIO_INTR")
check((esp.ETS_GPIO_INTR_SOURCE, esp.ETS_GPIO_NMI_SOURCE, esp.ETS_SPI2_INTR_SOURCE, esp.ETS_I2S0_INTR_SOURCE)
      == (22, 23, 30, 32), "interrupt sources")
check((esp.ESP_INTR_FLAG_LEVEL1, esp.ESP_INTR_FLAG_LEVEL3, esp.ESP_INTR_FLAG_NMI, esp.ESP_INTR_FLAG_SHARED,
       esp.ESP_INTR_FLAG_EDGE, esp.ESP_INTR_FLAG_IRAM, esp.ESP_INTR_FLAG_INTRDISABLED)
      == (1 << 1, 1 << 3, 1 << 7, 1 << 8, 1 << 9, 1 << 10, 1 << 11), "ESP_INTR_FLAG_*")

DPORT_PRO_GPIO_INTERRUPT_MAP = 0x3FF0015C
RTC_IO_TOUCH_PAD1 = 0x3FF48498  # GPIO0's RTC pad register

# The BOOT button: pad 0, pulled up (an RTC pad: RTC_IO RUE, bit 27), pressed to ground.
ok(esp.gpio_config({"pin_bit_mask": 1 << 0, "mode": esp.GPIO_MODE.INPUT, "pull_up_en": 1,
                    "intr_type": esp.GPIO_INTR.NEGEDGE}))
check(esp.gpio_get_level(0) == 1, "the pull-up")
check(esp32sim.read32(RTC_IO_TOUCH_PAD1) & (1 << 27), "RTC_IO_TOUCH_PAD1_RUE")
# A sensor on input-only pad 35 (no pulls), rising edge.
ok(esp.gpio_config({"pin_bit_mask": 1 << 35, "mode": esp.GPIO_MODE.INPUT,
                    "intr_type": esp.GPIO_INTR.POSEDGE}))
check(esp.gpio_pullup_en(35) == esp.ESP_ERR_INVALID_ARG, "35 has no pull-up")

log = bytearray(16)
count = bytearray(1)


def on_button(arg):  # a hard handler: no allocation
    log[count[0]] = arg
    count[0] += 1


def on_sensor(arg):
    log[count[0]] = arg + 100
    count[0] += 1


def events():
    return list(log[:count[0]])


ok(esp.gpio_install_isr_service(0))
check(esp.gpio_install_isr_service(0) == esp.ESP_ERR_INVALID_STATE, "installed once")
check(esp32sim.read32(DPORT_PRO_GPIO_INTERRUPT_MAP) == 2, "level 1, level-triggered: CPU interrupt 2")
ok(esp.gpio_isr_handler_add(0, on_button, 7))
ok(esp.gpio_isr_handler_add(35, on_sensor, 35))
gc.collect()
[bytearray(100) for _ in range(200)]  # the handlers are kept where the collector sees them

esp32sim.set_pad(0, 0)  # pressed
esp32sim.run_us(10)
check(events() == [7], "the button's handler with its own argument: %r" % events())
check(esp.gpio_get_level(0) == 0, "pressed: low")
esp32sim.set_pad(0, None)  # released: the pull-up again, a rising edge
esp32sim.run_us(10)
check(events() == [7] and esp.gpio_get_level(0) == 1, "no falling edge on release: %r" % events())
esp32sim.set_pad(35, 1)
esp.ets_delay_us(20)  # a wait lets time pass: the interrupt comes in it
check(events() == [7, 135], "each pad its own handler (key=gpio_num): %r" % events())
esp32sim.set_pad(35, 0)
esp32sim.set_pad(0, 0)
esp32sim.set_pad(0, 1)
esp32sim.set_pad(35, 1)
esp32sim.run_us(10)
check(events() == [7, 135, 7, 135], "both pending: pad order: %r" % events())

ok(esp.gpio_intr_disable(0))
esp32sim.set_pad(0, 0)
esp32sim.run_us(10)
check(len(events()) == 4, "disabled")
ok(esp.gpio_intr_enable(0))
esp32sim.run_us(10)
check(events()[-1] == 7, "enabled: the pending edge is served")
ok(esp.gpio_isr_handler_remove(0))
esp32sim.set_pad(0, 1)
esp32sim.set_pad(0, 0)
esp32sim.run_us(10)
check(len(events()) == 5, "removed")
esp.gpio_uninstall_isr_service()
check(esp32sim.read32(DPORT_PRO_GPIO_INTERRUPT_MAP) == 6, "freed: mapped to 6, disconnected")
check(esp.gpio_isr_handler_add(0, on_button, 7) == esp.ESP_ERR_INVALID_STATE, "no service")
esp32sim.set_pad(0, None)
esp32sim.set_pad(35, None)

# The allocator from Python: a level-3 interrupt for the GPIO source, with a handler that
# acknowledges the pads itself.
seen = bytearray(1)


def raw(arg):
    pending = esp.gpio_intr_pending()
    if pending & (1 << 21):
        seen[0] += 1
    esp.gpio_intr_ack(pending)


ok(esp.gpio_config({"pin_bit_mask": 1 << 21, "mode": esp.GPIO_MODE.INPUT, "pull_down_en": 1,
                    "intr_type": esp.GPIO_INTR.ANYEDGE}))
h = esp.C_Pointer()
ok(esp.esp_intr_alloc(esp.ETS_GPIO_INTR_SOURCE, esp.ESP_INTR_FLAG_LEVEL3, raw, None, h))
check(esp.esp_intr_get_intno(h.ptr_val) == 23, "the lowest level-3 level-triggered interrupt")
check(esp.esp_intr_get_cpu(h.ptr_val) == 0, "the emulated CPU is the PRO CPU")
check(esp32sim.read32(DPORT_PRO_GPIO_INTERRUPT_MAP) == 23, "the matrix routes source 22 there")
esp32sim.set_pad(21, 1)
esp32sim.run_us(5)
check(seen[0] == 1, "served")
ok(esp.esp_intr_disable(h.ptr_val))
check(esp32sim.read32(DPORT_PRO_GPIO_INTERRUPT_MAP) == 6, "disabled in the matrix")
esp32sim.set_pad(21, 0)
esp32sim.run_us(5)
check(seen[0] == 1, "not served while disabled")
ok(esp.esp_intr_enable(h.ptr_val))
esp32sim.run_us(5)
check(seen[0] == 2, "served once enabled")
ok(esp.esp_intr_free(h.ptr_val))
check(esp.esp_intr_alloc(-2, 0, raw, None, h) == esp.ESP_ERR_NOT_SUPPORTED, "no CPU-internal timers here")
check(esp.esp_intr_alloc(69, 0, raw, None, h) == esp.ESP_ERR_INVALID_ARG, "no source 69")

# The ROM's way: the matrix by hand, a handler on CPU interrupt 17, INTENABLE, ets_intr_lock.
rom = bytearray(1)


def on_17(arg):
    rom[0] += arg
    esp.gpio_intr_ack(esp.gpio_intr_pending())


esp.intr_matrix_set(0, esp.ETS_GPIO_INTR_SOURCE, 17)
esp.ets_isr_attach(17, on_17, 3)
esp.ets_isr_unmask(1 << 17)
esp32sim.set_pad(21, 1)
esp32sim.run_us(5)
check(rom[0] == 3, "ets_isr_attach's handler with its argument: %d" % rom[0])
esp.ets_intr_lock()
esp32sim.set_pad(21, 0)
esp32sim.run_us(5)
check(rom[0] == 3, "held off by ets_intr_lock")
esp.ets_intr_unlock()
esp32sim.run_us(5)
check(rom[0] == 6, "served after ets_intr_unlock")
esp.ets_isr_mask(1 << 17)
esp.ets_isr_attach(17, None, None)
esp.intr_matrix_set(0, esp.ETS_GPIO_INTR_SOURCE, 6)
esp.gpio_reset_pin(21)
esp.gpio_intr_ack(esp.gpio_intr_pending())

# Drive strength (IO_MUX_GPIO22_REG FUN_DRV, bits 10..11) and hold.
ok(esp.gpio_set_drive_capability(22, esp.GPIO_DRIVE_CAP._3))
check((esp32sim.read32(0x3FF49080) >> 10) & 3 == 3, "FUN_DRV")
cap = esp.C_Pointer()
ok(esp.gpio_get_drive_capability(22, cap))
check(cap.int_val == 3, "read back: %d" % cap.int_val)
ok(esp.gpio_set_direction(22, esp.GPIO_MODE.INPUT_OUTPUT))
ok(esp.gpio_set_level(22, 1))
ok(esp.gpio_hold_en(22))
ok(esp.gpio_set_level(22, 0))
check(esp.gpio_get_level(22) == 1, "held at 1")
ok(esp.gpio_hold_dis(22))
check(esp.gpio_get_level(22) == 0, "let go")
check(esp.gpio_hold_en(36) == esp.ESP_ERR_NOT_SUPPORTED, "an input-only pad has no hold")
esp.gpio_reset_pin(22)

# The ROM's matrix functions: output signal 256 (GPIO_OUT) inverted on pad 32.
esp.gpio_pad_select_gpio(32)
esp.gpio_matrix_out(32, 256, True, False)
check(esp32sim.read32(0x3FF44530 + 4 * 32) == 256 | (1 << 9), "GPIO_FUNC32_OUT_SEL_CFG")
esp.gpio_output_set_high(0, 1 << 0, 0, 0)  # pad 32's bit 0...
ok(esp.gpio_set_direction(32, esp.GPIO_MODE.INPUT_OUTPUT))
esp.gpio_matrix_out(32, 256, True, False)
check(esp.gpio_input_get_high() & 1 == 1, "...shows 1, inverted")
esp.gpio_matrix_in(32, 64, True)
check(esp32sim.read32(0x3FF44130 + 4 * 64) == 32 | (1 << 6) | (1 << 7), "GPIO_FUNC64_IN_SEL_CFG")
esp.gpio_reset_pin(32)

t0 = esp32sim.time_us()
esp.ets_delay_us(250)
check(esp32sim.time_us() - t0 >= 250, "ets_delay_us lets emulated time pass")
check(esp32sim.faults() == [], "no faults: %r" % esp32sim.faults())
raises(TypeError, esp.gpio_isr_handler_add, 0, 5, None)
print("test_espidf_gpio: ok")
