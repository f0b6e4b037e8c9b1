# Brightness scales the lit time of every plane: the measured OE duty and absolute light
# follow it, while the picture's proportions (what a camera with auto exposure sees) stay.
import esp32sim
import hub75
from checks import check

m = hub75.Matrix(gamma=False)
buf = bytearray(m.width * m.height * 3)
for i in range(m.width * m.height):
    buf[3 * i] = 255
    buf[3 * i + 1] = 128
m.show(buf, hub75.RGB888)
esp32sim.run_ms(10)
full_duty = esp32sim.info("hub75")["oe_duty"]
full = esp32sim.snapshot("hub75", raw=True)[0]
for b in (200, 128, 64):
    m.brightness = b
    check(m.brightness == b, "brightness reads back")
    esp32sim.run_ms(10)
    duty = esp32sim.info("hub75")["oe_duty"]
    check(abs(duty / full_duty - b / 255) < 0.02, "brightness %d: duty %.3f of %.3f" % (b, duty, full_duty))
    light = esp32sim.snapshot("hub75", raw=True)
    check(abs(light[0] / full - b / 255) < 0.02, "brightness %d: light %.3f" % (b, light[0] / full))
    check(abs(light[1] / light[0] - 128 / 255) < 0.02, "green/red ratio kept at brightness %d" % b)
    w, h, rgb = esp32sim.snapshot("hub75")
    check(rgb[0] == 255 and abs(rgb[1] - 128) <= 2, "relative picture kept: %r" % (rgb[:3],))
    check(esp32sim.info("hub75")["torn"] == 0, "a brightness change tore a refresh")
    # What info() says plane 0 is lit gives the duty the panel measured: 255 levels of plane 0
    # a row, 16 rows, over the clocks of a refresh; quarter clocks dithered over 4 refreshes.
    i = m.info()
    lit = i["plane0_clocks"] * 255 * 16 / i["clocks_per_refresh"]
    check(abs(lit - duty) < 0.01, "brightness %d: plane 0 lit %.2f clocks gives duty %.3f, measured %.3f"
          % (b, i["plane0_clocks"], lit, duty))
    whole = i["plane0_clocks"] == int(i["plane0_clocks"])
    check(i["dither_refreshes"] == (1 if whole else 4), "dither cycle %d refreshes" % i["dither_refreshes"])
m.brightness = 0
esp32sim.run_ms(10)
check(esp32sim.info("hub75")["oe_duty"] == 0, "brightness 0 is dark")
m.deinit()

m = hub75.Matrix(double_buffer=False, gamma=False)
m.show(buf, hub75.RGB888)
m.brightness = 128
esp32sim.run_ms(10)
check(abs(esp32sim.info("hub75")["oe_duty"] / full_duty - 128 / 255) < 0.02, "single-buffered brightness")
m.deinit()
print("brightness ok")
