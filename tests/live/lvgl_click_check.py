# The interactive LVGL demo in a real browser: examples/lvgl_touch.py on the host firmware,
# served live; headless Chromium clicks the LVGL button on the page's TFT picture (DevTools
# mouse events); the button's Python handler must run (the example prints "clicked N") and
# the panel must change where the click counter is, as the emulator's frame shows it.
# Usage: LV_BINDING_DIR=... python3 lvgl_click_check.py FIRMWARE EXAMPLE.py   Every wait is bounded.
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp_pipe  # noqa: E402
from browser_check import end_scene, fetch_frame, mouse  # noqa: E402

BUTTON = (120, 140)              # the button's centre, in panel pixels
COUNTER = range(180, 215)        # the rows of the click counter's label


def line_seen(emu, want, timeout=60):
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([emu.stdout], [], [], 0.2)[0]:
            line = emu.stdout.readline().strip()
            seen.append(line)
            if line == want:
                return
    sys.exit("the demo did not print %r within %d s; it printed %s" % (want, timeout, seen))


def counter_rows(url):
    _, pictures = fetch_frame(url)
    d, rgb = pictures["ili9341"]
    return [bytes(rgb[y * d["width"] * 3:(y + 1) * d["width"] * 3]) for y in COUNTER]


def main():
    firmware, example = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("chromium is not installed: run tools/setup.sh")
    scene = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lvgl_click_scene.py")
    tmp = tempfile.mkdtemp(prefix="upanel-lvgl-click-")
    stop = os.path.join(tmp, "stop")
    emu = subprocess.Popen([firmware, scene, example, stop], stdout=subprocess.PIPE, text=True)
    browser = None
    try:
        line_seen(emu, "clicked 1")  # the example's own scripted tap
        url = ""
        deadline = time.monotonic() + 30
        while not url.startswith("http://127.0.0.1:") and time.monotonic() < deadline:
            if select.select([emu.stdout], [], [], 0.2)[0]:
                url = emu.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            sys.exit("the scene did not print the live view's URL")
        browser = cdp_pipe.Browser(chromium, os.path.join(tmp, "profile"))
        browser.open(url, 1200, 900)
        view, deadline = None, time.monotonic() + 30
        while time.monotonic() < deadline:
            view = browser.evaluate("JSON.stringify(window.upanelView || null)")
            view = json.loads(view) if view else None
            if view and view["frames"] >= 10 and "ili9341" in view["displays"]:
                break
            time.sleep(0.2)
        else:
            sys.exit("the page did not show the TFT within 30 s: %s" % view)
        before = counter_rows(url)
        tft = view["displays"]["ili9341"]
        x = tft["left"] + (BUTTON[0] + 0.5) * tft["pitch"]
        y = tft["top"] + (BUTTON[1] + 0.5) * tft["pitch"]
        mouse(browser, "mousePressed", x, y, 1)
        time.sleep(0.3)
        mouse(browser, "mouseReleased", x, y, 0)
        line_seen(emu, "clicked 2")
        changed, deadline = False, time.monotonic() + 30
        while not changed and time.monotonic() < deadline:
            time.sleep(0.2)
            changed = counter_rows(url) != before
        if not changed:
            sys.exit("the click ran the handler but the counter on the panel did not change")
        print("LVGL click OK: the mouse on the page pressed the button, its handler ran, the panel changed")
    finally:
        end_scene(emu, stop, browser, tmp)
    if emu.returncode != 0:
        sys.exit("the demo failed with status %d" % emu.returncode)


if __name__ == "__main__":
    main()
