# lv_binding_micropython's driver/esp32/ili9XXX.py, unmodified (from LV_BINDING_DIR), on the
# emulated board wired as its defaults say (backlight on pad 15, lit low): the ili9341 class in
# pure mode (flush and the DMA-done callback in Python) and in hybrid mode (both in C:
# espidf.ili9xxx_flush, espidf.ili9xxx_post_cb_isr). It gives LVGL no flush-wait callback, so
# LVGL waits for flush_ready in its C loop, which the transfer-done interrupt must end. The
# panel must show what LVGL renders into memory (lv.snapshot_take), upright and in the right
# colours: a band dropped, mirrored, sent in the wrong byte order or colour order shows.
import esp32sim
import lvgl as lv
from checks import check
from ili9341_checks import compare
from ili9XXX import ili9341
from lvgl_screens import demo_screen, snapshot_rgb565

FRAME_US = 240 * 320 * 16 / 40  # a whole screen at 40 MHz, in microseconds


def refresh(where):
    frames0, t0 = esp32sim.info("ili9341")["frames"], esp32sim.time_us()
    lv.refr_now(None)
    esp32sim.run_ms(FRAME_US / 4000 + 1)  # the last band's transfer ends
    took = esp32sim.time_us() - t0
    # LVGL's C loop waited for each flush_ready: bounded by the bus time, not by a time-out.
    check(took < 3 * FRAME_US, "%s: the refresh took %d us of emulated time" % (where, took))
    w, h, ref = snapshot_rgb565(lv.screen_active())
    compare(ref, w, h, 0, esp32sim.snapshot("ili9341"), where=where)
    return esp32sim.info("ili9341")["frames"] - frames0


for hybrid in (False, True):
    mode = "hybrid" if hybrid else "pure"
    # A panel just powered up for each: re-initialized while awake, the panel would lose
    # ili9XXX.py's SLPOUT, sent 100 ms after the reset where the datasheet asks for 120.
    esp32sim.attach_ili9341(pins={"backlight": 15}, backlight_on=0)
    disp = ili9341(hybrid=hybrid)  # mhz=40, factor=4: quarter-screen bands, double-buffered
    info = esp32sim.info("ili9341")
    check(info["display_on"] and not info["sleeping"] and info["backlight"], "%s: panel on: %s" % (mode, info))
    check(info["ignored"] == 0, "%s: the init's waits are kept (time.sleep_ms runs the board)" % mode)
    scr, btn, label, bar = demo_screen(disp.width, disp.height)
    bands = refresh(mode + " first frame")
    check(bands >= 4, "%s: a full screen in quarter-screen bands: %d windows" % (mode, bands))
    label.set_text("Hello")
    bar.set_value(20, lv.ANIM_OFF)
    partial = refresh(mode + " after an update")
    check(1 <= partial < bands, "%s: an update sends less than the screen: %d windows" % (mode, partial))
    # Pure mode times its flushes in Python; hybrid mode's flush never enters Python.
    info = esp32sim.info("ili9341")
    check(info["written_on_bus"] == 0, "%s: LVGL drew into a buffer on the bus: flush_ready came early" % mode)
    python_flushes = disp.flush_acc_setup_cycles > 0
    check(python_flushes != hybrid, "%s: flushed in %s" % (mode, "Python" if python_flushes else "C"))
    disp.deinit()

check(not esp32sim.faults(), "no faults: %s" % esp32sim.faults())
print("ok")
