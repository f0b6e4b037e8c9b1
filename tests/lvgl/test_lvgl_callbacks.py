# Callbacks in LVGL's conventions: event, timer, animation and async callbacks, each
# registration keeping its own callable alive exactly as long as LVGL can call it (proven
# with the heap: callables that hold big buffers are released when LVGL lets go), exceptions
# that never unwind through LVGL, LVGL functions as callbacks.
import gc
import lvgl as lv
from checks import check, SANITIZED

disp = lv.display_create(64, 32)
buf = bytearray(64 * 32 * 2)
disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.FULL)
disp.set_flush_cb(lambda d, area, px: d.flush_ready())
scr = lv.screen_active()


def churn():
    for i in range(3):
        junk = [bytearray(256) for _ in range(200)]
        junk[0][0] = i
        gc.collect()


def run(ms):
    for _ in range(ms // 5):
        lv.tick_inc(5)
        lv.timer_handler()


# Many objects, each with its own event callback, all alive after heavy allocation.
got = []
def handler(tag):
    def on(e):
        got.append((tag, e.get_code(), e.get_target_obj(), e.get_user_data()))
    return on

buttons = []
for i in range(6):
    b = lv.button(scr)
    b.add_event_cb(handler(i), lv.EVENT.CLICKED, {"n": i})
    buttons.append(b)
churn()
for b in buttons:
    b.send_event(lv.EVENT.CLICKED, None)
check([g[0] for g in got] == list(range(6)), "each object calls its own callback: %s" % got)
check(all(g[1] == lv.EVENT.CLICKED for g in got), "the event code")
check(all(g[2] is buttons[g[0]] for g in got), "the target is the object")
check(all(g[3] == {"n": g[0]} for g in got), "the user data given at registration")
got.clear()
buttons[0].send_event(lv.EVENT.PRESSED, None)
check(got == [], "the filter holds")

# Held exactly as long as LVGL can call them: deleting the objects releases the callables.
def big_handler():
    big = bytearray(40000)
    return lambda e: big[0]

def make(n):
    objs = []
    for i in range(n):
        o = lv.obj(scr)
        o.add_event_cb(big_handler(), lv.EVENT.CLICKED, None)
        objs.append(o)
    return objs

gc.collect()
free0 = gc.mem_free()
objs = make(8)
churn()
held = free0 - gc.mem_free()
check(held >= 8 * 40000, "the callables are alive while LVGL holds them: %d bytes held" % held)
for o in objs:
    o.delete()
objs = None
churn()
released = gc.mem_free() - (free0 - held)
if not SANITIZED:
    check(released >= 7 * 40000, "deleting the objects releases them: %d of %d bytes" % (released, held))

# Removing the callback releases it too.
o = lv.obj(scr)
dsc = o.add_event_cb(big_handler(), lv.EVENT.ALL, None)
churn()
before = gc.mem_free()
check(o.remove_event_dsc(dsc), "remove_event_dsc")
dsc = None
churn()
if not SANITIZED:
    check(gc.mem_free() - before >= 35000, "removing the callback releases it: %d" % (gc.mem_free() - before))

# Timers: the callback gets the timer; deleting it stops the calls.
ticks = []
t = lv.timer_create(lambda tm: ticks.append(tm.get_user_data()), 20, "u")
run(100)
check(4 <= len(ticks) <= 6 and ticks[0] == "u", "a 20 ms timer over 100 ms: %d calls" % len(ticks))
t.delete()
n = len(ticks)
run(100)
check(len(ticks) == n, "a deleted timer is not called")

# Animations: a Python exec callback, an LVGL function as exec callback, a path callback that
# is an LVGL function.
target = lv.obj(scr)
a = lv.anim_t()
a.init()
a.set_var(target)
a.set_values(0, 40)
a.set_duration(100)
a.set_custom_exec_cb(lambda anim, v: target.set_y(v))
a.set_path_cb(lv.anim_t.path_ease_in)
a.start()
run(200)
check(target.get_y() == 40, "custom exec callback ran to the end: y=%d" % target.get_y())
a2 = lv.anim_t()
a2.init()
a2.set_var(target)
a2.set_values(0, 25)
a2.set_duration(50)
a2.set_exec_cb(lv.obj.set_x)  # void (*)(void *, int32_t) takes lv_obj_set_x, as in the reference
a2.start()
run(100)
check(target.get_x() == 25, "an LVGL function as exec callback: x=%d" % target.get_x())

# async_call with user data.
seen = []
lv.async_call(lambda ud: seen.append(ud), {"v": 42})
run(10)
check(seen == [{"v": 42}], "async_call's user data: %s" % seen)

# An exception in a callback is reported and LVGL goes on; lv._nesting counts callbacks.
depth = []
def bad(e):
    depth.append(lv._nesting.value)
    raise ValueError("boom")
b = lv.button(scr)
b.add_event_cb(bad, lv.EVENT.CLICKED, None)
b.send_event(lv.EVENT.CLICKED, None)
b.send_event(lv.EVENT.CLICKED, None)
check(depth == [1, 1], "inside a callback _nesting is 1: %s" % depth)
check(lv._nesting.value == 0, "and 0 outside")
run(50)  # LVGL still runs

# A callable that is not one.
try:
    b.add_event_cb(3, lv.EVENT.CLICKED, None)
    raise AssertionError("an int as callback was accepted")
except TypeError:
    pass
# A file system driver in Python, as lv_binding_micropython's lib/fs_driver.py writes one:
# open_cb returns a Python object (a void * result), the other callbacks get it back as a Blob
# and __cast__() it; LVGL reads through them. Two files open at once, collections between.
import gc
import struct

files = {"M:/a.txt": b"first file", "M:/b.txt": b"second, longer file"}


def fs_open(drv, path, mode):
    return {"data": files["M:" + path], "pos": 0}


def fs_read(drv, fs_file, buf, btr, br):
    f = fs_file.__cast__()
    chunk = f["data"][f["pos"]:f["pos"] + btr]
    buf.__dereference__(btr)[0:len(chunk)] = chunk
    f["pos"] += len(chunk)
    br.__dereference__(4)[0:4] = struct.pack("<L", len(chunk))
    return lv.FS_RES.OK


def fs_close(drv, fs_file):
    fs_file.__cast__()["data"] = None
    return lv.FS_RES.OK


drv = lv.fs_drv_t()
drv.init()
drv.letter = ord("M")
drv.open_cb = fs_open
drv.read_cb = fs_read
drv.close_cb = fs_close
drv.register()
fa, fb = lv.fs_file_t(), lv.fs_file_t()
check(fa.open("M:/a.txt", lv.FS_MODE.RD) == lv.FS_RES.OK, "open a")
check(fb.open("M:/b.txt", lv.FS_MODE.RD) == lv.FS_RES.OK, "open b")
for _ in range(3):
    junk = [bytearray(64) for _ in range(500)]
    gc.collect()
got = []
for f in (fa, fb):
    buf, n = bytearray(32), bytearray(4)
    check(f.read(buf, 32, n) == lv.FS_RES.OK, "read")
    got.append(bytes(buf[:struct.unpack("<L", n)[0]]))
check(got == [b"first file", b"second, longer file"], "each file read through its own dict: %r" % got)
check(fa.close() == lv.FS_RES.OK and fb.close() == lv.FS_RES.OK, "close")


def bad_open(drv, path, mode):
    return 12  # an int is no void *


drv.open_cb = bad_open
check(lv.fs_file_t().open("M:/a.txt", lv.FS_MODE.RD) != lv.FS_RES.OK, "a bad open result fails the open")
print("ok")
