# lv_binding_micropython's event loop (lib/lv_utils.py, frozen into the firmware) as it is, on
# machine.Timer: LVGL's tick and task handler run as virtual time passes, animations take
# their virtual durations, and the loop leaves LVGL alone while an LVGL callback runs.
import esp32sim
import lvgl as lv
import machine
from checks import check
from lv_utils import event_loop

flushes = []
disp = lv.display_create(32, 16)
buf = bytearray(32 * 16 * 2)
disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.FULL)


def flush(d, area, px):
    flushes.append(esp32sim.time_us())
    d.flush_ready()


disp.set_flush_cb(flush)
scr = lv.screen_active()
target = lv.obj(scr)

loop = event_loop(freq=50)  # every 20 ms: lv.tick_inc(20), then lv.task_handler()
check(event_loop.is_running(), "the loop runs")
check(isinstance(loop.timer, machine.Timer), "on machine.Timer")
t0 = lv.tick_get()
esp32sim.run_ms(200)
check(abs(lv.tick_get() - t0 - 200) <= 20, "LVGL's tick follows virtual time: %d ms" % (lv.tick_get() - t0))
check(len(flushes) >= 1, "the first screen was drawn")

a = lv.anim_t()
a.init()
a.set_var(target)
a.set_values(0, 10)
a.set_duration(300)
a.set_exec_cb(lv.obj.set_x)
start = esp32sim.time_us()
a.start()
esp32sim.run_ms(150)
x_half = target.get_x()
esp32sim.run_ms(200)
check(0 < x_half < 10 and target.get_x() == 10, "a 300 ms animation, half way at 150 ms: %d, then %d" % (x_half, target.get_x()))
n = len(flushes)
esp32sim.run_ms(100)
check(len(flushes) == n, "nothing changes: nothing redrawn (%d)" % (len(flushes) - n))
target.set_y(3)
esp32sim.run_ms(60)
check(len(flushes) > n, "a change is drawn within a refresh period")
loop.deinit()
check(not event_loop.is_running(), "deinit stops it")
t1 = lv.tick_get()
esp32sim.run_ms(100)
check(lv.tick_get() == t1, "no ticks after deinit")
print("ok")
