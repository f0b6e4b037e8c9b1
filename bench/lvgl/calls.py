# One run of bench/lvgl/compare.sh: N calls of OP through the lvgl module of the firmware that
# runs it, upanel's (mpbindgen) or lv_binding_micropython's: one script for both (they take
# the same calls; lv.init() where needed is feature-detected). Usage: calls.py OP N
import sys
import lvgl as lv

op, n = sys.argv[1], int(sys.argv[2])

# The reference initialises LVGL on import, as upanel's does; lv.init() where it has not.
if hasattr(lv, "is_initialized") and not lv.is_initialized():
    lv.init()

# A display first: objects need a screen. Partial rendering into a bytearray, and a flush
# callback that only says it is done (nothing is rendered here: no timer_handler runs).
W, H = 64, 32
disp = lv.display_create(W, H)
buf = bytearray(W * H * 2 // 4)
disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.PARTIAL)
disp.set_flush_cb(lambda d, area, px: d.flush_ready())
scr = lv.screen_active()

obj = lv.obj(scr)


def on_click(e):
    pass


obj.add_event_cb(on_click, lv.EVENT.CLICKED, None)
area = lv.area_t()
area.x1, area.y1, area.x2, area.y2 = 0, 0, 99, 49
label = lv.label(scr)


def run():
    o, a = obj, area
    if op == "loop":
        for i in range(n):
            pass
    elif op == "set_x":
        for i in range(n):
            o.set_x(5)
    elif op == "get_x":
        for i in range(n):
            o.get_x()
    elif op == "event":
        clicked = lv.EVENT.CLICKED
        for i in range(n):
            o.send_event(clicked, None)
    elif op == "event_bound":  # without the attribute lookup of send_event in lv.obj's table
        clicked = lv.EVENT.CLICKED
        send = o.send_event
        for i in range(n):
            send(clicked, None)
    elif op == "area_width":
        for i in range(n):
            a.get_width()
    elif op == "color_hex":
        f = lv.color_hex
        for i in range(n):
            f(0x2050C0)
    elif op == "set_text":
        lb = label
        for i in range(n):
            lb.set_text("hello")
    else:
        raise ValueError("unknown op " + op)


# Checks that each op does what it says, once, outside the measured loops (N = 0 runs too).
obj.set_x(5)
obj.update_layout()
assert obj.get_x() == 5, obj.get_x()
assert area.get_width() == 100, area.get_width()
assert lv.color_hex(0x2050C0).blue == 0xC0
got = []
probe = lv.obj(scr)  # not obj: its callback would run in the measured loop too
probe.add_event_cb(lambda e: got.append(e.get_code()), lv.EVENT.CLICKED, None)
probe.send_event(lv.EVENT.CLICKED, None)
assert got == [lv.EVENT.CLICKED], got
run()
print("ok")
