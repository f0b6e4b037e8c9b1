# lv_binding_micropython's own examples, unmodified, through `upanel capture` on the board their
# driver defaults describe; each picture has the property the example is about.
# Usage: LV_BINDING_DIR=... python3 lv_binding_examples_check.py UPANEL FIRMWARE
import ast
import json
import os
import shutil
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "live"))
import png_decode  # noqa: E402

sys.path.insert(0, os.path.join(here, ".."))
import process_group  # noqa: E402

upanel, fw = sys.argv[1:3]
binding = os.environ["LV_BINDING_DIR"]
tmp = tempfile.mkdtemp(prefix="upanel-lv-examples-")
board = os.path.join(tmp, "board.json")
with open(board, "w") as f:
    json.dump({"ili9341": {"pins": {"backlight": 15}, "backlight_on": 0}, "xpt2046": {}}, f)
env = dict(os.environ, UPANEL_FIRMWARE=fw,
           MICROPYPATH=":".join([".frozen", os.path.join(binding, "driver", "esp32"), os.path.join(binding, "lib"),
                                 os.path.join(here, "boot")]))
failures = []


def check(what, cond):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def capture(example, at_ms, boot=None, board=board):
    """The TFT at at_ms of virtual time, as rows of (r, g, b), or None if the example failed."""
    out = os.path.join(tmp, example + ".png")
    cmd = [sys.executable, upanel, "capture", os.path.join(binding, "examples", example + ".py"), "-o", out,
           "--scale", "1", "--at", str(at_ms), "--board", board, "--device", "ili9341"]
    if boot:
        cmd += ["--boot", boot]
    p = process_group.run(cmd, env=env, timeout=300)
    if p.returncode != 0:
        failures.append("%s: status %d\n%s%s" % (example, p.returncode, p.stdout, p.stderr))
        return None
    w, h, raw = png_decode.decode(open(out, "rb").read())
    return [[tuple(raw[y][x * 3:x * 3 + 3]) for x in range(w)] for y in range(h)]


def near(c, want, tol=24):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


def count(shot, box, want, tol=24):
    x0, y0, x1, y1 = box
    return sum(near(shot[y][x], want, tol) for y in range(y0, y1) for x in range(x0, x1))


# LVGL's default theme colours as the RGB565 panel shows them (each channel's top bits
# repeated into the low ones): palette blue 0x2196F3, and the pure red of the demo's series.
BLUE = (0x21, 0x96, 0xF7)
RED = (0xFF, 0x00, 0x00)

# advanced_demo.py picks its display by sys.platform; with lib/display_driver.py run first
# (as a board's boot.py would) it finds LVGL's event loop running and uses that display. Its
# chart page gives LVGL a Python list as the series' external array (int32_t array[]).
shot = capture("advanced_demo", 3000, os.path.join(here, "boot", "chart_tab.py"))
if shot:
    check("advanced_demo: the Chart tab is selected (blue line under it)",
          count(shot, (180, 56, 240, 68), BLUE) > 40 and count(shot, (0, 56, 60, 68), BLUE) < 5)
    red = [(x, y) for y in range(70, 320) for x in range(0, 210) if near(shot[y][x], RED)]
    check("advanced_demo: the chart draws its red series", len(red) > 100)
    # The values 10, 20, 30, 20, 10 on the left and 90, 95, 90 on the right of a 0..100 axis:
    # the right end of the line is far above the left end.
    left = [y for x, y in red if x < 60]
    right = [y for x, y in red if x > 150]
    check("advanced_demo: the series follows the list's values",
          left and right and min(left) - max(right) > 60)
# example3.py: its first screen, a ">" button at the top right and a keyboard below.
shot = capture("example3", 1500)
if shot:
    check("example3: the blue button at the top right", count(shot, (180, 0, 240, 50), BLUE) > 300
          and count(shot, (0, 0, 60, 50), BLUE) < 5)
    # Pure white keys (the screen's background, 0xF7F7F7 as the panel shows it, is not).
    check("example3: the keyboard's keys in the bottom half",
          count(shot, (0, 160, 240, 320), (0xFF, 0xFF, 0xFF), tol=2) > 3000)
# example3.py driven by touches: ">" loads the second screen ("<" at the top left, no
# keyboard), then a tap near the slider's right end moves it, and its handler brightens the LED.
touches = os.path.join(here, "boot", "example3_touches.py")
before, after = capture("example3", 2200, touches), capture("example3", 3500, touches)
if before and after:
    check("example3: \">\" loads the second screen",
          count(before, (0, 0, 45, 40), BLUE) > 300 and count(before, (0, 160, 240, 320), (0xFF,) * 3, tol=2) == 0)
    check("example3: the tap moves the slider",
          count(before, (100, 12, 175, 28), BLUE) < 20 and count(after, (100, 12, 175, 28), BLUE) > 500)

    def led(shot):
        return sum(sum(shot[y][x]) for y in range(156, 165) for x in range(116, 125))

    check("example3: the slider's handler brightens the LED (%d -> %d)" % (led(before), led(after)),
          led(after) > 1.5 * led(before))
# example1.py: with the display set up by lib/display_driver.py it skips its own platform
# set-up (which wants `rtch`), and shows its 100x75 ARGB8888 flower in the middle of the
# screen: every pixel as the example's bytes say (B, G, R, A in memory), within RGB565's steps.
shot = capture("example1", 1500, os.path.join(binding, "lib", "display_driver.py"))
if shot:
    with open(os.path.join(binding, "examples", "example1.py")) as f:
        data = next(n.value.value for n in ast.parse(f.read()).body if isinstance(n, ast.Assign)
                    and getattr(n.targets[0], "id", "") == "image_data")

    def off(ox, oy, step=1):
        worst = 0
        for y in range(0, 75, step):
            for x in range(0, 100, step):
                b, g, r = data[(y * 100 + x) * 4:(y * 100 + x) * 4 + 3]
                worst = max(worst, *(abs(a - e) for a, e in zip(shot[oy + y][ox + x], (r, g, b))))
        return worst

    # Centred: (240 - 100) / 2 across, (320 - 75) / 2 down, give or take LVGL's rounding.
    ox, oy = min(((x, y) for x in range(68, 73) for y in range(120, 126)), key=lambda o: off(*o, step=5))
    worst = off(ox, oy)
    check("example1: the flower at (%d, %d), each pixel within %d of its bytes" % (ox, oy, worst), worst <= 8)
# Dynamic_loading_font_example.py: three 20-pixel fonts (Chinese, Japanese, Latin) read from
# the file system by the binding's lib/fs_driver.py (LVGL file system callbacks in Python, the
# open callback returning a dict the others get back), one label each, centred: three lines
# of text 20 pixels high, the 10 kana widest, the 4 hanzi narrowest.
shot = capture("Dynamic_loading_font_example", 1500)
if shot:
    dark = [[x for x in range(240) if sum(shot[y][x]) < 200] for y in range(320)]
    lines = []
    for y in range(320):
        if dark[y] and lines and lines[-1][1] == y - 1:
            lines[-1][1] = y
        elif dark[y]:
            lines.append([y, y])
    check("Dynamic_loading_font_example: three lines of text (%s)" % lines, len(lines) == 3)
    if len(lines) == 3:
        spans = [(min(min(dark[y]) for y in range(a, b + 1)), max(max(dark[y]) for y in range(a, b + 1)))
                 for a, b in lines]
        check("Dynamic_loading_font_example: 20-pixel glyphs (%s)" % [b - a + 1 for a, b in lines],
              all(16 <= b - a + 1 <= 22 for a, b in lines))
        check("Dynamic_loading_font_example: centred (%s)" % spans, all(abs(l + r - 240) <= 6 for l, r in spans))
        cn, jp, en = (r - l for l, r in spans)
        check("Dynamic_loading_font_example: widths follow the glyph counts (%d, %d, %d)" % (cn, jp, en),
              cn < en < jp)
# uasyncio_example1.py wires its ILI9341 itself (DC 32, CS 33, no backlight control: a
# backlight on the supply) and never ends (asyncio's run_forever): the capture ends it. Its
# asyncio loop waits in select.poll, which runs the board. A tap on its button starts a task
# that opens a message box below the button; without the tap the screen stays bare there.
ua_board = os.path.join(tmp, "ua_board.json")
with open(ua_board, "w") as f:
    json.dump({"ili9341": {"pins": {"dc": 32, "cs": 33, "backlight": -1}}, "xpt2046": {}}, f)
bare = capture("uasyncio_example1", 3500, board=ua_board)
tapped = capture("uasyncio_example1", 3500, os.path.join(here, "boot", "tap_uasyncio_button.py"), ua_board)
if bare and tapped:
    BG = bare[300][5]
    check("uasyncio_example1: its button at the top", count(bare, (60, 5, 180, 45), BLUE) > 1000)
    check("uasyncio_example1: nothing below the button before a tap",
          count(bare, (0, 50, 240, 320), BG, tol=4) == 270 * 240)
    check("uasyncio_example1: the tap's task opened a message box",
          270 * 240 - count(tapped, (0, 50, 240, 320), BG, tol=4) > 2000)
# custom_widget_example.py: a widget class made in Python (obj_class_t with Python constructor,
# event and draw callbacks, attributes kept on the object) drawing a grey triangle, apex up;
# a tap checks it and it draws the triangle apex down. Grey: LVGL's palette grey 0x9E9E9E.
GREY = (0x9E, 0x9E, 0x9E)


def grey_width(shot, y):
    return count(shot, (0, y, 240, y + 1), GREY, tol=12)


driver_boot = os.path.join(binding, "lib", "display_driver.py")
tap_boot = os.path.join(here, "boot", "tap_custom_widget.py")
for name, at_ms, path, apex_up in (("custom_widget_example", 1500, driver_boot, True),
                                   ("custom_widget_example", 2500, tap_boot, False)):
    shot = capture(name, at_ms, path)
    if shot:
        rows = [y for y in range(320) if grey_width(shot, y) > 4]
        top, bottom = (min(rows), max(rows)) if rows else (0, 0)
        check("%s at %d ms: a grey triangle %d rows high" % (name, at_ms, bottom - top), bottom - top > 40)
        narrow, wide = (top + 3, bottom - 6) if apex_up else (bottom - 3, top + 6)
        check("%s at %d ms: apex %s (%d px at row %d, %d px at row %d)"
              % (name, at_ms, "up" if apex_up else "down", grey_width(shot, narrow), narrow,
                 grey_width(shot, wide), wide),
              grey_width(shot, narrow) < 20 and grey_width(shot, wide) > 80)
if failures:
    print("\n".join(["", "failed (pictures in %s):" % tmp] + failures))
    sys.exit(1)
shutil.rmtree(tmp)
