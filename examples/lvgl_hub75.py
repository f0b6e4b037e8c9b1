# LVGL on a 64x32 HUB75 LED panel: LVGL renders RGB565 into one full-screen buffer, its flush
# callback hands it to hub75.Matrix.show(), which encodes it into the bit planes the I2S DMA
# refreshes from; the panel keeps refreshing with no CPU work between frames.
import esp32sim
import hub75
import lvgl as lv
from lv_utils import event_loop

m = hub75.Matrix(width=64, height=32, depth=8)
buf = bytearray(m.width * m.height * 2)
disp = lv.display_create(m.width, m.height)
disp.set_color_format(lv.COLOR_FORMAT.RGB565)


def flush(disp, area, px):
    m.show(px.__dereference__(len(buf)), hub75.RGB565)
    disp.flush_ready()


disp.set_buffers(buf, None, len(buf), lv.DISPLAY_RENDER_MODE.FULL)
disp.set_flush_cb(flush)

scr = lv.screen_active()
scr.set_style_bg_color(lv.color_hex(0x000000), 0)
scr.set_style_pad_all(0, 0)
label = lv.label(scr)
label.set_text("LVGL")
label.set_style_text_color(lv.color_hex(0xFF8000), 0)
label.align(lv.ALIGN.TOP_MID, 0, 0)
bar = lv.bar(scr)
bar.set_size(58, 7)
bar.align(lv.ALIGN.BOTTOM_MID, 0, -2)
bar.set_style_bg_color(lv.color_hex(0x202020), lv.PART.MAIN)
bar.set_style_bg_color(lv.color_hex(0x00C0FF), lv.PART.INDICATOR)
bar.set_style_radius(0, lv.PART.MAIN)
bar.set_style_radius(0, lv.PART.INDICATOR)

a = lv.anim_t()
a.init()
a.set_var(bar)
a.set_values(0, 100)
a.set_duration(1000)
a.set_repeat_count(lv.ANIM_REPEAT_INFINITE)
a.set_custom_exec_cb(lambda anim, v: bar.set_value(v, lv.ANIM_OFF))
a.start()

loop = event_loop(freq=50)
esp32sim.run_ms(700)  # the bar fills as virtual time passes
print("refresh:", esp32sim.info("hub75")["refresh_hz"], "Hz")
