# A flush_ready the scheduler has no room for is not lost: with the queue full, every flush
# still gets its flush_ready, made from wait() instead.
import esp32sim
import ili9341
import micropython
from checks import check

d = ili9341.ILI9341()
a, b = d.buffers()


class Area:
    def __init__(self, y):
        self.x1, self.y1, self.x2, self.y2 = 0, y, 239, y + 79


class Disp:
    ready = 0

    def flush_ready(self):
        Disp.ready += 1


disp = Disp()
queued = []
done = []


def scenario(_):
    # Scheduled callbacks do not run while one runs: fill the queue from inside one.
    try:
        for i in range(1000):
            micropython.schedule(queued.append, i)
    except RuntimeError:
        pass  # the queue is full
    for n in range(4):
        d.flush_cb(disp, Area(80 * n), (a, b)[n & 1])
        esp32sim.run_ms(10)  # the transfer ends while the queue is full
        d.wait()
    done.append(Disp.ready)


micropython.schedule(scenario, None)
for i in range(100):  # let the scheduler run scenario and then the queued callbacks
    if done and len(queued) > 0:
        break
check(done == [4], "flush_ready calls with a full queue: %r" % done)
check(0 < len(queued) < 1000, "the queue was full: %d queued" % len(queued))
d.deinit()
print("scheduler full ok")
