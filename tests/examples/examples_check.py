# Every example runs as it is (through `upanel capture`) and its picture has the property it
# is about. Usage: python3 examples_check.py UPANEL FIRMWARE EXAMPLES_DIR
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "live"))
import png_decode  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import process_group  # noqa: E402

upanel, fw, examples = sys.argv[1:4]
tmp = tempfile.mkdtemp(prefix="upanel-examples-")
failures = []


def capture(name, scale, out_lines=None):
    out = os.path.join(tmp, name + ".png")
    p = process_group.run([sys.executable, upanel, "capture", os.path.join(examples, name + ".py"),
                           "-o", out, "--scale", str(scale)],
                          env=dict(os.environ, UPANEL_FIRMWARE=fw), timeout=120)
    if p.returncode != 0:
        failures.append("%s: status %d\n%s" % (name, p.returncode, p.stderr))
        return None
    print(p.stdout.strip())
    if out_lines is not None:
        out_lines.extend(p.stdout.splitlines())
    return png_decode.decode(open(out, "rb").read())


def leds(shot, scale=8):  # LED centres of a HUB75 capture
    w, h, rows = shot
    return {(x, y): tuple(rows[y * scale + scale // 2][(x * scale + scale // 2) * 3:(x * scale + scale // 2) * 3 + 3])
            for y in range(h // scale) for x in range(w // scale)}


def check(what, cond):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


shot = capture("hub75_scroll", 8)
if shot:
    lit = [p for p, c in leds(shot).items() if max(c) > 100]
    check("scroll: text lit in the middle rows", len(lit) > 40 and all(3 <= y <= 28 for _, y in lit))
    check("scroll: several colours", len({leds(shot)[p] for p in lit}) >= 3)
shot = capture("hub75_clock", 8)
if shot:
    l = leds(shot)
    digits = [p for p, c in l.items() if p[1] < 12 and c[0] > 150 and c[2] < 100]
    bar = [p for p, c in l.items() if 18 <= p[1] <= 23 and c[2] > 150]
    check("clock: orange digits on the top rows", len(digits) > 60)
    check("clock: the seconds bar", len(bar) > 6 * 20)
shot = capture("hub75_plasma", 8)
if shot:
    colours = set(leds(shot).values())
    reds = {c[0] for c in colours}
    # RGB565 would give at most 32 red levels; 24-bit frames at depth 8 give many more.
    check("plasma: %d colours, %d red levels (more than RGB565's 32)" % (len(colours), len(reds)),
          len(colours) > 100 and len(reds) > 32)
shot = capture("hub75_png", 8)
if shot:
    l = leds(shot)
    # The picture's own colours (independent of lodepng): a yellow sun, green ground, a sky
    # that gets redder downwards.
    sun, ground, sky_top, sky_low = l[(44, 14)], l[(10, 28)], l[(10, 1)], l[(10, 20)]
    check("png: yellow sun %r" % (sun,), sun[0] > 200 and sun[1] > 150 and sun[2] < 120)
    check("png: green ground %r" % (ground,), ground[1] > ground[0] + 20 and ground[1] > ground[2])
    check("png: sky redder low than high %r %r" % (sky_top, sky_low), sky_low[0] > sky_top[0] + 60)
shot = capture("hub75_wall", 8)
if shot:
    l = leds(shot)
    w = max(x for x, _ in l) + 1
    h = max(y for _, y in l) + 1
    check("wall: the 2x2 wall is 128x64 LEDs (%dx%d)" % (w, h), (w, h) == (128, 64))
    red = [p for p, c in l.items() if c[0] > 150 and c[1] < 80 and c[2] < 80]
    # "canvas" (red) is drawn at rows 29..36, across the seam between the two rows of panels.
    check("wall: red text on both sides of the row seam",
          any(y < 32 for _, y in red) and any(y >= 32 for _, y in red))
    check("wall: a blue frame round the whole wall", l[(0, 0)][2] > 150 and l[(127, 63)][2] > 150)
shot = capture("ledmatrix_seed", 8)
if shot:
    l = leds(shot)
    check("ledmatrix: blue background", l[(0, 0)][2] > 200 and l[(0, 0)][0] < 50)
    yellow = [p for p, c in l.items() if c[0] > 200 and c[1] > 200]
    check("ledmatrix: yellow text in rows 12..19", len(yellow) > 40 and all(12 <= y <= 19 for _, y in yellow))
shot = capture("tft_espidf", 1)
if shot:
    w, h, rows = shot
    bars = {tuple(rows[290][x * 3:x * 3 + 3]) for x in range(12, 230)}
    check("espidf: the hybrid pass's orange bars on the panel", any(c[0] > 200 and 60 < c[1] < 160 and c[2] < 100 for c in bars))
def pixel(shot, x, y):  # of a TFT capture at scale 1
    return tuple(shot[2][y][x * 3:x * 3 + 3])


shot = capture("tft_gui", 1)
if shot:
    def px(x, y):
        return pixel(shot, x, y)
    r, g, b = px(20, 14)
    check("gui: blue title bar", b > 100 and r < 60)
    r, g, b = px(20, 65)
    check("gui: green START button", g > 120 and r < 60 and b < 100)
    r, g, b = px(100, 65)
    check("gui: red STOP button", r > 150 and g < 60)
    chart = {px(x, 250) for x in range(12, 228)}
    check("gui: the chart's filled columns", len(chart) >= 2 and (px(20, 296)[2] > 60))

print("examples OK")

# The LVGL examples, when the firmware has LVGL (built without it, they are reported skipped).
has_lvgl = process_group.run([fw, "-c", "import lvgl"], timeout=60).returncode == 0
if not has_lvgl:
    print("skipped: lvgl_tft, lvgl_hub75 (the firmware is built without LVGL)")
else:
    shot = capture("lvgl_tft", 1)
    if shot:
        def px(x, y):
            return pixel(shot, x, y)
        r, g, b = px(60, 95)
        check("lvgl_tft: the blue button (LVGL's default theme) %r" % ((r, g, b),), b > 200 and r < 100)
        yellow = [x for x in range(70, 170) if px(x, 44)[0] > 200 and px(x, 44)[2] < 120]
        check("lvgl_tft: the click counter's yellow text", len(yellow) > 3)
    lines = []
    shot = capture("lvgl_touch", 1, lines)  # lv_binding_micropython's ili9XXX.py and xpt2046.py
    if shot:
        r, g, b = pixel(shot, 60, 118)  # inside the button, clear of its label
        check("lvgl_touch: the blue button %r" % ((r, g, b),), b > 200 and r < 100)
        check("lvgl_touch: the scripted tap clicked it once: %r" % lines[-2:], "clicks: 1" in lines)
    shot = capture("lvgl_hub75", 8)
    if shot:
        l = leds(shot)
        bar = [p for p, c in l.items() if 24 <= p[1] <= 29 and c[2] > 150]
        text = [p for p, c in l.items() if p[1] < 16 and c[0] > 150 and c[2] < 80]
        check("lvgl_hub75: the bar, partly filled (%d LEDs)" % len(bar), 50 < len(bar) < 58 * 6)
        check("lvgl_hub75: the label's text (%d LEDs)" % len(text), len(text) > 40)
if failures:
    sys.exit("examples failed:\n" + "\n".join(failures))
