# API fuzzer: every public function of hub75, ili9341 and esp32sim called with random valid and
# invalid arguments, in random order, also after deinit(). Each call must work or raise a
# Python exception; the sanitizer build runs this too. Seeded and bounded:
#   test_api_fuzz.py [SEED] [CALLS]
import sys

import esp32sim
import hub75
import ili9341
import random

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
random.seed(SEED)

NASTY = [None, -1, 0, 1, 2, 7, 8, 16, 31, 32, 33, 39, 40, 64, 255, 256, 1 << 31, -(1 << 40),
         1 << 70, 0.5, -3.5, 1e30, float("nan"), "", "hub75", "x" * 300, b"", b"\x00" * 7,
         bytearray(64 * 32 * 2), bytearray(64 * 32 * 3), bytearray(64 * 32 * 6), [], [1, 2],
         {}, {"oe": 15}, {"oe": 34}, {"r1": 6}, {"zz": 1}, {"a": "b"}, (1, 2), object()]


# Times: short valid ones (a valid hour would only be slow) and invalid ones.
TIMES = [0, 1, 0.5, 50, 700, -1, -0.5, 1e30, float("nan"), float("inf"), 1 << 70, None, "5", b""]


def any_value():
    return random.choice(NASTY)


def small_int(lo, hi):
    return random.randint(lo, hi) if random.random() < 0.8 else any_value()


matrices = []


def new_matrix():
    kw = {}
    for name, lo, hi in (("width", 8, 80), ("height", 15, 65), ("chain", 0, 3), ("depth", 0, 13),
                         ("clock_hz", 500_000, 21_000_000), ("brightness", -2, 260), ("i2s", 0, 2)):
        if random.random() < 0.4:
            kw[name] = small_int(lo, hi)
    for name in ("double_buffer", "gamma"):
        if random.random() < 0.3:
            kw[name] = random.choice([True, False, 0, 1, None])
    if random.random() < 0.2:
        kw["pins"] = any_value()
    matrices.append(hub75.Matrix(**kw))


def on_matrix(fn):
    if matrices:
        fn(random.choice(matrices))


def show(m):
    r = random.random()
    if r < 0.4:
        m.show()
    elif r < 0.8:
        fmt = random.choice([hub75.RGB565, hub75.RGB888, hub75.RGB48, 3, -1])
        size = m.width * m.height * random.choice([2, 3, 6, 1])
        m.show(bytearray(size), fmt)
    else:
        m.show(any_value(), any_value())


def set_brightness(m):
    m.brightness = small_int(-5, 300)


def attach():
    kw = {}
    for name, lo, hi in (("width", 0, 80), ("height", 0, 70), ("chain", -1, 3), ("scan", 0, 40)):
        if random.random() < 0.5:
            kw[name] = small_int(lo, hi)
    if random.random() < 0.3:
        kw["pins"] = any_value()
    esp32sim.attach_hub75(**kw)


displays = []


def new_display():
    kw = {}
    for name, lo, hi in (("mhz", 0, 90), ("rotation", -1, 4), ("factor", 0, 9), ("spihost", 0, 4),
                         ("mosi", 0, 40), ("clk", 0, 40), ("cs", 0, 40), ("dc", 0, 40)):
        if random.random() < 0.25:
            kw[name] = small_int(lo, hi)
    for name in ("bgr", "invert", "double_buffer"):
        if random.random() < 0.2:
            kw[name] = random.choice([True, False, None])
    displays.append(ili9341.ILI9341(**kw))


class Area:
    def __init__(self):
        self.x1, self.y1 = small_int(-5, 330), small_int(-5, 330)
        self.x2, self.y2 = small_int(-5, 330), small_int(-5, 330)


class Disp:
    def flush_ready(self):
        pass


def on_display(fn):
    if displays:
        fn(random.choice(displays))


def flush(d):
    bufs = d.buffers()
    buf = random.choice(list(bufs) + [bytearray(100), any_value()])
    d.flush(small_int(0, 320), small_int(0, 320), small_int(0, 320), small_int(0, 320), buf)


def display_call(d):
    r = random.randrange(9)
    if r == 0:
        d.fill(small_int(0, 0xFFFF))
    elif r == 1:
        d.fill_rect(small_int(-5, 330), small_int(-5, 330), small_int(-5, 330), small_int(-5, 330), small_int(0, 0xFFFF))
    elif r == 2:
        w, h = small_int(0, 40), small_int(0, 40)
        d.blit(bytearray(max(0, int(w) * int(h) * 2) if isinstance(w, int) and isinstance(h, int) and w < 100 and h < 100 else 4),
               small_int(-5, 330), small_int(-5, 330), w, h)
    elif r == 3:
        d.wait()
    elif r == 4:
        d.rotation = small_int(-1, 4)
    elif r == 5:
        d.backlight(random.choice([True, False, 0, 1]))
    elif r == 6:
        d.flush_cb(Disp(), Area(), random.choice(list(d.buffers()) + [any_value()]))
    elif r == 7:
        d.deinit()
    else:
        (d.width, d.height)


ACTIONS = [
    new_display, lambda: on_display(flush), lambda: on_display(flush),
    lambda: on_display(display_call), lambda: on_display(display_call),
    lambda: esp32sim.snapshot("ili9341"), lambda: esp32sim.info("ili9341"),
    lambda: esp32sim.attach_ili9341(pins=any_value()) if random.random() < 0.5 else esp32sim.attach_ili9341(),
    new_matrix, new_matrix, attach,
    lambda: on_matrix(show), lambda: on_matrix(show), lambda: on_matrix(set_brightness),
    lambda: on_matrix(lambda m: m.info()), lambda: on_matrix(lambda m: m.deinit()),
    lambda: on_matrix(lambda m: (m.width, m.height, m.depth, m.brightness)),
    lambda: on_matrix(lambda m: memoryview(m)[random.randint(0, 10)]),
    lambda: esp32sim.run_us(random.choice(TIMES)), lambda: esp32sim.run_ms(random.choice(TIMES)),
    lambda: esp32sim.time_us(), lambda: esp32sim.info(), lambda: esp32sim.info(any_value()),
    lambda: esp32sim.info("hub75"), lambda: esp32sim.snapshot("hub75"),
    lambda: esp32sim.snapshot("hub75", raw=True), lambda: esp32sim.snapshot(any_value()),
    lambda: esp32sim.faults(), lambda: esp32sim.read32(small_int(0x3FF00000, 0x3FF70000) & ~3),
    lambda: esp32sim.save_png("hub75", "/nonexistent-dir/x.png"),
    lambda: esp32sim.save_png(any_value(), any_value(), scale=any_value()),
]

outcomes = {"ok": 0, "raised": 0}
for i in range(CALLS):
    action = random.choice(ACTIONS)
    try:
        action()
        outcomes["ok"] += 1
    except (ValueError, TypeError, OSError, RuntimeError, MemoryError, OverflowError,
            IndexError, AttributeError) as e:
        outcomes["raised"] += 1
    if len(matrices) > 6:
        matrices.pop(0).deinit()
    if len(displays) > 3:
        displays.pop(0).deinit()
for m in matrices + displays:
    m.deinit()
print("fuzz seed %d: %d calls, %d worked, %d raised" % (SEED, CALLS, outcomes["ok"], outcomes["raised"]))
assert outcomes["ok"] > CALLS // 10, outcomes
