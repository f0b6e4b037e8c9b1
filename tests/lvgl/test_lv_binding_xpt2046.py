# lv_binding_micropython's driver/esp32/xpt2046.py, unmodified (from LV_BINDING_DIR), on the
# emulated board: the touch controller on CS 25 of the HSPI bus its ili9XXX.py sets up for
# the ILI9341 (the second device of that bus: CS1), read with command_bits 9, half duplex, 16
# bits of reply. LVGL runs from lv_utils' event loop (ili9XXX.py starts it) on machine.Timer,
# on virtual time. A
# touch scripted at chosen virtual times on a button must run the button's Python handler
# once; a touch elsewhere on the glass, or none, must not. xpt2046.py's own calibration must
# map the touched pixel back to itself (within one pixel), with its transpose=True.
import espidf as esp
import esp32sim
import lvgl as lv
from checks import check
from ili9XXX import ili9341
from lv_utils import event_loop
from xpt2046 import xpt2046


def raises(exc, fn, *args, **kw):
    try:
        fn(*args, **kw)
    except exc as e:
        return str(e)
    raise AssertionError("%s did not raise %s" % (fn, exc.__name__))


def now_ms():
    return esp32sim.time_us() / 1000


# No touch panel yet: touching is an error that says so.
check("attach_xpt2046" in raises(ValueError, esp32sim.touch, 10, 10), "no panel: says what to call")

esp32sim.attach_ili9341(pins={"backlight": 15}, backlight_on=0)
esp32sim.attach_xpt2046()  # cs 25, clk 19, mosi 18, miso 5: xpt2046.py's defaults
disp = ili9341()  # initializes HSPI (mosi 18, miso 5, clk 19) and adds the display on CS0
touch = xpt2046()  # adds itself to the same bus: CS1
check(event_loop.is_running(), "ili9XXX.py started lv_utils' event loop (25 Hz, machine.Timer)")

scr = lv.screen_active()
btn = lv.button(scr)
btn.set_size(100, 60)
btn.align(lv.ALIGN.TOP_LEFT, 40, 50)  # x 40..139, y 50..109
lv.label(btn).set_text("Press")
clicks, presses = [], []


def on_click(e):
    clicks.append(now_ms())


def on_press(e):
    p = lv.point_t()
    lv.indev_active().get_point(p)
    presses.append((p.x, p.y))


btn.add_event_cb(on_click, lv.EVENT.CLICKED, None)
btn.add_event_cb(on_press, lv.EVENT.PRESSED, None)
esp32sim.run_ms(100)  # the first screen

# Untouched: xpt2046.py reads no touch (X-position 0, Y-position 4095, which it takes as 0).
check(touch.get_coords() is None, "untouched: no coordinates")

# Its calibration maps a touch back to the pixel, all over the glass.
for x, y in ((0, 0), (239, 319), (120, 160), (17, 301), (230, 5)):
    esp32sim.touch(x, y)
    got = touch.get_coords()
    check(got is not None and abs(got[0] - x) <= 1 and abs(got[1] - y) <= 1,
          "touch at (%d, %d) read back as %s" % (x, y, got))
esp32sim.release()
check(touch.get_coords() is None, "released: no coordinates")
esp32sim.touch(100, 100)
check(touch.get_pressure(400) > 0, "a pressure while touched")
esp32sim.release()
check(touch.get_pressure(400) == -1, "no pressure untouched (Z1 reads 0)")

# A tap on the button, scripted ahead in virtual time: pressed for 100 ms, then lifted.
t = now_ms()
esp32sim.touch(90, 80, at_ms=t + 50, until_ms=t + 150)
esp32sim.run_ms(40)
check(not clicks and not presses, "nothing before the touch's time")
esp32sim.run_ms(300)
check(len(clicks) == 1, "one tap on the button: one click, got %d" % len(clicks))
check(t + 150 <= clicks[0] <= t + 250, "clicked when lifted (%.1f ms after the lift)" % (clicks[0] - t - 150))
check(presses and abs(presses[0][0] - 90) <= 1 and abs(presses[0][1] - 80) <= 1,
      "LVGL saw the press at %s" % (presses[:1],))

# A drag on the screen beside the button: LVGL follows the finger; the button is not clicked.
dragged = []


def on_pressing(e):
    p = lv.point_t()
    lv.indev_active().get_point(p)
    dragged.append((p.x, p.y))


scr.add_event_cb(on_pressing, lv.EVENT.PRESSING, None)
t = now_ms()
esp32sim.touch(200, 150, at_ms=t + 20)
esp32sim.touch(200, 200, at_ms=t + 120)
esp32sim.touch(210, 250, at_ms=t + 220)
esp32sim.release(at_ms=t + 320)
esp32sim.run_ms(500)
check(dragged and abs(dragged[0][0] - 200) <= 1 and abs(dragged[0][1] - 150) <= 1, "drag start %s" % (dragged[:1],))
check(abs(dragged[-1][0] - 210) <= 1 and abs(dragged[-1][1] - 250) <= 1, "drag end %s" % (dragged[-1:],))
check(len(clicks) == 1 and len(presses) == 1, "a drag beside the button: no click (%d, %d)" % (len(presses), len(clicks)))

# A tap elsewhere on the glass, and time with no touch: no click.
esp32sim.touch(200, 290, until_ms=now_ms() + 100)
esp32sim.run_ms(400)
check(len(clicks) == 1 and len(presses) == 1, "a tap off the button: no click")

# A touch outside the glass is refused, and nothing is touched.
for x, y in ((240, 10), (-1, 10), (10, 320), (10, -0.5)):
    msg = raises(ValueError, esp32sim.touch, x, y)
    check("outside the 240x320 glass" in msg, "outside the glass: %s" % msg)
check(not esp32sim.info("xpt2046")["touched"], "nothing touched")
esp32sim.run_ms(200)
check(len(clicks) == 1, "no click from a refused touch")
raises(ValueError, esp32sim.touch, 10, 10, at_ms=0)  # past
raises(ValueError, esp32sim.touch, 10, 10, until_ms=now_ms())  # not after the touch

# Wrong pins and a bad calibration: clear errors, the panel in place kept.
check("flash" in raises(ValueError, esp32sim.attach_xpt2046, pins={"cs": 6}), "flash pad")
check("input-only" in raises(ValueError, esp32sim.attach_xpt2046, pins={"cs": 35}), "input-only CS")
check("both" in raises(ValueError, esp32sim.attach_xpt2046, pins={"cs": 19}), "CS on the clock pad")
check("unknown pin" in raises(ValueError, esp32sim.attach_xpt2046, pins={"irq": 4}), "unknown pin")
check("must be wired" in raises(ValueError, esp32sim.attach_xpt2046, pins={"miso": -1}), "MISO not wired")
raises(ValueError, esp32sim.attach_xpt2046, calibration=(1, 2, 3))
raises(ValueError, esp32sim.attach_xpt2046, calibration=(100, 5, 100, 9))
raises(TypeError, esp32sim.attach_xpt2046, pins=[25])

# A transaction longer than the bus allows (ili9XXX.py's bus: max_transfer_sz is its buffer)
# or than the 64-byte data buffer receives: refused before it is queued.
big = esp.spi_transaction_t({"rx_buffer": bytearray(80), "length": 0, "rxlength": 8 * 80})
check(esp.spi_device_queue_trans(touch.spi, big, 0) == esp.ESP_ERR_NOT_SUPPORTED,
      "80 bytes: more than the data buffer receives")
huge = esp.spi_transaction_t({"rx_buffer": bytearray(4), "length": 0, "rxlength": 8 * 1000000})
check(esp.spi_device_queue_trans(touch.spi, huge, 0) == esp.ESP_ERR_INVALID_ARG,
      "over the bus's max_transfer_sz")
still = touch.get_coords()
check(still is None, "the driver still reads after refused transactions")

info = esp32sim.info("xpt2046")
check(info["conversions"] > 100, "the driver read the panel as time passed: %d conversions" % info["conversions"])
check(not esp32sim.faults(), "no faults: %s" % esp32sim.faults())
disp.deinit()  # ends the event loop too
print("ok")
