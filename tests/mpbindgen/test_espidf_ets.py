# The ROM's ets_* functions from MicroPython on the emulated board: software timers on virtual
# time (their Python functions scheduled, as machine.Timer's are, and run at their time),
# the CPU frequency the busy wait counts with, printing (the output is checked by the
# mpbindgen.ets_output test), and what fails by design. Expected times are the arm calls'
# arithmetic; ESP-IDF's numbers for the constants.
import esp32sim
import espidf as esp
from bind_checks import check, raises

check((esp.ETS.OK, esp.ETS.FAILED) == (0, 1), "ETS_STATUS")
check(esp.ets_get_cpu_frequency() == 240, "240 MHz")
check(esp.ets_get_detected_xtal_freq() == 40_000_000, "a 40 MHz crystal")

log = []


def ran(name):
    log.append((name, esp32sim.time_us()))  # scheduled: runs in thread context, may allocate


a, b, c = esp.ETSTimer(), esp.ETSTimer(), esp.ETSTimer()
esp.ets_timer_setfn(a, ran, "a")
esp.ets_timer_setfn(b, ran, "b")
esp.ets_timer_setfn(c, ran, "c")
t0 = esp32sim.time_us()
esp.ets_timer_arm_us(a, 1500, False)
esp.ets_timer_arm_us(b, 1500, False)  # the same moment: both run (one pending call per timer)
esp.ets_timer_arm(c, 1, True)         # every millisecond
check(c.timer_period == 1000, "the ROM's struct: the period in us (%d)" % c.timer_period)
check(c.timer_next is not None, "c expires first and links to the next armed timer")
esp32sim.run_us(999)
check(log == [], "nothing before 1 ms: %r" % log)
esp32sim.run_ms(4)
names = [n for n, _ in log]
check(names == ["c", "a", "b", "c", "c", "c"] or names == ["c", "b", "a", "c", "c", "c"], "order: %r" % log)
c_times = [t - t0 for n, t in log if n == "c"]
check(len(c_times) == 4 and all(0 <= x - y <= 1 for x, y in zip(c_times, [1000, 2000, 3000, 4000])),
      "c at each ms: %r" % c_times)
ab = [t - t0 for n, t in log if n in "ab"]
check(all(1500 <= t <= 1501 for t in ab), "a and b at 1.5 ms: %r" % ab)
esp.ets_timer_disarm(c)
n = len(log)
esp32sim.run_ms(3)
check(len(log) == n, "disarmed")
esp.ets_timer_done(a)
check(a.timer_func is None, "done forgets the function")
esp.ets_timer_init()    # ESP-IDF 4.4 leaves these empty
esp.ets_timer_deinit()


def boom(arg):
    raise ValueError("in a timer")  # printed by MicroPython's scheduler (mpbindgen.ets_output)


esp.ets_timer_setfn(b, boom, None)
esp.ets_timer_arm_us(b, 10, False)
t = esp32sim.time_us()
esp32sim.run_us(20)
check(esp32sim.time_us() - t == 20, "the board went on")

# The busy wait counts CPU ticks with the frequency the ROM was told.
t = esp32sim.time_us()
esp.ets_delay_us(300)
check(300 <= esp32sim.time_us() - t <= 301, "300 us at 240 MHz")
esp.ets_update_cpu_frequency(80)
t = esp32sim.time_us()
esp.ets_delay_us(300)
check(100 <= esp32sim.time_us() - t <= 101, "300 * 80 cycles at 240 MHz: 100 us")
esp.ets_update_cpu_frequency(240)

# Printing: the format's values formatted by Python's %, C prints the text (stdout).
check(esp.ets_printf("ets_printf: %d %s\n", 42, "ok") == len("ets_printf: 42 ok\n"), "returns the count")
check(esp.ets_printf("100%% %s\n", "sure") == 10, "%% and values")
raises(TypeError, esp.ets_printf, "%d %d\n", 1)
esp.ets_write_char_uart(ord("!"))
esp.ets_write_char_uart(ord("\n"))
esp.esp_log_write(esp.ESP_LOG.WARN, "tag", "W tag: esp_log_write %d\n", 7)
esp.esp_log_write(esp.ESP_LOG.DEBUG, "tag", "not shown %d\n", 8)
esp.esp_log_buffer_hex_internal("hex", b"\x01\xab", 2, esp.ESP_LOG.INFO)

# ESP_ERROR_CHECK_WITHOUT_ABORT's report: on stderr, and the program goes on.
esp._esp_error_check_failed_without_abort(esp.ESP_ERR_NO_MEM, "script.py", 12, "main", "alloc()")

# The ROM's boot and task functions fail: they have no meaning once an application runs.
check(esp.ets_post(1, 2, 3) == esp.ETS.FAILED, "ets_post")
entry = bytearray(4)
check(esp.ets_unpack_flash_code(0x1000, entry, False, False, False) == esp.ETS.FAILED, "ets_unpack_flash_code")
check(esp32sim.faults() == [], esp32sim.faults())
print("test_espidf_ets: ok")
