# LVGL in the host firmware, through the lvglcheck probe of the test firmware: LVGL allocates
# on MicroPython's heap, its state survives collections (lvgl_gc.c's root pointer), a label
# renders the same every time, and after lv_deinit() the collector takes LVGL's memory back.
import gc
import lvglcheck
from checks import check

W, H = 120, 40


def churn():
    # Garbage enough to reuse any block the collector wrongly took back, then collections.
    for i in range(200):
        junk = [bytearray(64) for _ in range(20)]
        junk[0][0] = i
    gc.collect()
    gc.collect()


def frame():
    lvglcheck.label("upanel")
    churn()
    f = lvglcheck.render()
    check(len(f) == W * H * 2, "RGB565 frame: %d bytes" % len(f))
    px = [f[i] | f[i + 1] << 8 for i in range(0, len(f), 2)]
    background = max(set(px), key=px.count)
    ink = sum(1 for p in px if p != background)
    check(background == 0xF7BE, "the default light theme's screen colour: %04x" % background)
    check(50 < ink < W * H // 4, "the label's text drawn: %d pixels" % ink)
    return f


def cycle():
    lvglcheck.init(W, H)
    f = frame()
    lvglcheck.deinit()
    return f


state = first = None  # the module's names exist before it measures the heap
gc.collect()
before = gc.mem_alloc()
check(lvglcheck.state() == 0, "no LVGL state before lv_init()")
lvglcheck.init(W, H)
state = lvglcheck.state()
check(state > 0, "LVGL's state is a block of MicroPython's heap")
check(gc.mem_alloc() - before >= state + W * H * 2, "LVGL allocates on MicroPython's heap")

first = frame()
churn()
check(lvglcheck.state() == state, "LVGL's state survives collections")
check(lvglcheck.render() == first, "the same frame after collections")
lvglcheck.deinit()
check(lvglcheck.state() == 0, "lv_deinit() drops the state")

# Initialised again, LVGL starts afresh and draws the same; what each round allocated (some
# 30 KB) comes back (the collector's conservative scan may keep a stale few KB).
check(cycle() == first, "lv_init() again: the same frame")
churn()
after_one = gc.mem_alloc()
for _ in range(8):
    check(cycle() == first, "the same frame every time")
churn()
grown = gc.mem_alloc() - after_one
check(grown < 16 * 1024, "the collector takes LVGL's memory back: %d bytes more after 8 rounds" % grown)
print("lvgl gc ok")
