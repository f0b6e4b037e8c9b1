# LVGL on the ILI9341 TFT: LVGL renders a quarter screen at a time into the native ili9341
# driver's two DMA buffers; while one band goes out over SPI by DMA, LVGL draws the next into
# the other. flush_ready comes from the transfer-done interrupt; the flush-wait callback lets
# the board run instead of spinning. lv_binding_micropython's event loop (lv_utils, frozen into
# the firmware) drives LVGL from machine.Timer, here on the emulated board's virtual time.
import esp32sim
import ili9341
import lvgl as lv
from lv_utils import event_loop

d = ili9341.ILI9341(mhz=40, factor=4)  # the seed's wiring
a, b = d.buffers()
disp = lv.display_create(d.width, d.height)
disp.set_color_format(lv.COLOR_FORMAT.RGB565_SWAPPED)  # the panel's byte order, no copy
disp.set_buffers(a, b, d.width * d.height * 2 // 4, lv.DISPLAY_RENDER_MODE.PARTIAL)
disp.set_flush_cb(d.flush_cb)
disp.set_flush_wait_cb(lambda disp: d.wait())

scr = lv.screen_active()
scr.set_style_bg_color(lv.color_hex(0x101820), 0)

title = lv.label(scr)
title.set_text("upanel + LVGL " + lv.SYMBOL.OK)
title.set_style_text_color(lv.color_hex(0xFFFFFF), 0)
title.align(lv.ALIGN.TOP_MID, 0, 8)

count = [0]
counter = lv.label(scr)
counter.set_style_text_color(lv.color_hex(0xFFD040), 0)
counter.align(lv.ALIGN.TOP_MID, 0, 36)
counter.set_text("Clicks: 0")


def clicked(e):
    count[0] += 1
    counter.set_text("Clicks: %d" % count[0])


btn = lv.button(scr)
btn.set_size(140, 50)
btn.align(lv.ALIGN.TOP_MID, 0, 70)
btn.add_event_cb(clicked, lv.EVENT.CLICKED, None)
label = lv.label(btn)
label.set_text(lv.SYMBOL.PLAY + " Press")
label.center()

slider = lv.slider(scr)
slider.set_width(180)
slider.align(lv.ALIGN.TOP_MID, 0, 150)
slider.set_value(60, lv.ANIM_OFF)

chart = lv.chart(scr)
chart.set_size(200, 110)
chart.align(lv.ALIGN.BOTTOM_MID, 0, -10)
chart.set_point_count(20)
series = chart.add_series(lv.palette_main(lv.PALETTE.CYAN), lv.chart.AXIS.PRIMARY_Y)
# Every point set before the chart is drawn: LVGL 9.3 multiplies an unset point's marker
# (LV_CHART_POINT_NONE, INT32_MAX) before it checks for it, an overflow the sanitizers report.
chart.set_all_values(series, 50)

arc = lv.arc(scr)
arc.set_size(60, 60)
arc.align(lv.ALIGN.TOP_RIGHT, -6, 150)


def tick(timer):
    # Every 100 ms: a new point on the chart, the arc goes round.
    chart.set_next_value(series, lv.rand(10, 90))
    arc.set_value((arc.get_value() + 5) % 100)


lv.timer_create(tick, 100, None)
loop = event_loop(freq=25)  # lv.tick_inc + lv.task_handler from machine.Timer
btn.send_event(lv.EVENT.CLICKED, None)  # one click, as a touch would
esp32sim.run_ms(1500)  # 1.5 s of virtual time: the chart fills, the arc turns
print("frames sent:", esp32sim.info("ili9341")["frames"], "bytes:", esp32sim.info("ili9341")["bytes"])
