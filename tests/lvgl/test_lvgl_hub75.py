# LVGL on HUB75 panels (64x32 and 64x64): LVGL renders RGB565 into one buffer, its flush
# callback hands it to hub75.Matrix.show. The panel's light must follow LVGL's own rendering
# of the screen (lv.snapshot_take) pixel for pixel (gamma off: light proportional to the code).
import esp32sim
import hub75
import lvgl as lv
from checks import check, compare_rgb565
from lvgl_screens import demo_screen, snapshot_rgb565

for (w, h) in ((64, 32), (64, 64)):
    esp32sim.attach_hub75(width=w, height=h, scan=h // 2)
    m = hub75.Matrix(width=w, height=h, depth=8, gamma=False)
    buf = bytearray(w * h * 2)
    disp = lv.display_create(w, h)
    disp.set_color_format(lv.COLOR_FORMAT.RGB565)

    def flush(disp, area, px, m=m, n=len(buf)):
        m.show(px.__dereference__(n), hub75.RGB565)
        disp.flush_ready()

    disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.FULL)
    disp.set_flush_cb(flush)
    disp.set_default()
    scr, btn, label, bar = demo_screen(w, h)
    lv.refr_now(disp)
    esp32sim.run_ms(30)  # a few refreshes of the panel
    sw, sh, ref = snapshot_rgb565(scr)
    compare_rgb565(ref, w, h, esp32sim.snapshot("hub75"), tol=2, where="%dx%d" % (w, h))
    info = esp32sim.info("hub75")
    check(info["torn"] == 0 and info["ghost"] == 0, "no tearing, no ghosting: %s" % info)
    m.deinit()
    disp.delete()
print("ok")
