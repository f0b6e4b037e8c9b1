# The live view in a real browser: runs live_scene.py on the host firmware, opens the page in
# headless Chromium, waits until frames flow, measures the frame rate the page sees, takes a
# screenshot and checks its pixels against the emulator's snapshot (fetched from /frame);
# then presses, drags and releases the mouse on the TFT picture (DevTools input events) and
# checks that the board's touch panel saw each touch at the pixel under the mouse.
# Usage: python3 browser_check.py FIRMWARE SCENE.py      Every wait is bounded.
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp_pipe  # noqa: E402
import png_decode  # noqa: E402

# The page must keep drawing new frames; the rate it reaches (printed: 47-58 frames/s on an
# idle machine, docs/figures.md) is a measurement, not a bar here, since a loaded machine or
# the sanitizers' slower emulator lowers it.
MIN_FPS = 5


def srgb(v):
    l = v / 255
    return round(255 * (12.92 * l if l <= 0.0031308 else 1.055 * l ** (1 / 2.4) - 0.055))


def fetch_frame(url):
    data = urllib.request.urlopen(url + "frame", timeout=10).read()
    n = struct.unpack("<I", data[:4])[0]
    head = json.loads(data[4:4 + n])
    off, pictures = 4 + n, {}
    for d in head["displays"]:
        size = d["width"] * d["height"] * 3
        pictures[d["name"]] = (d, data[off:off + size])
        off += size
    return head, pictures


def touches_seen(emu, want, timeout=15):
    # Lines the scene prints on each change of its touch panel, until `want` or the timeout.
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([emu.stdout], [], [], 0.2)
        if ready:
            line = emu.stdout.readline().strip()
            seen.append(line)
            if line == want:
                return seen
    sys.exit("the board did not see %r within %d s; the scene printed %s" % (want, timeout, seen))


def end_scene(emu, stop, browser, tmp):
    # Closes the browser, tells the scene to stop (its STOP_FILE), waits for it, bounded, and
    # removes the temporary folder.
    if browser:
        browser.close()
    open(stop, "w").close()
    try:
        emu.wait(timeout=20)
    except subprocess.TimeoutExpired:
        emu.kill()
        emu.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)


def mouse(browser, kind, x, y, buttons):
    browser.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                              "buttons": buttons, "clickCount": 1})


def main():
    firmware, scene = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("chromium is not installed: run tools/setup.sh")
    tmp = tempfile.mkdtemp(prefix="upanel-live-")
    stop = os.path.join(tmp, "stop")
    emu = subprocess.Popen([firmware, scene, stop], stdout=subprocess.PIPE, text=True)
    browser = None
    try:
        url = emu.stdout.readline().strip()  # the script prints the URL first
        if not url.startswith("http://127.0.0.1:"):
            sys.exit("the scene did not print the live view's URL: %r" % url)
        browser = cdp_pipe.Browser(chromium, os.path.join(tmp, "profile"))
        browser.open(url, 1200, 900)
        view, deadline = None, time.monotonic() + 30
        while time.monotonic() < deadline:
            view = browser.evaluate("JSON.stringify(window.upanelView || null)")
            view = json.loads(view) if view else None
            if view and view["frames"] >= 30 and {"hub75", "ili9341"} <= set(view["displays"]):
                break
            time.sleep(0.2)
        else:
            sys.exit("the page did not show both displays within 30 s: %s" % view)
        # The frame rate over two seconds of wall time, as the page counted new frames.
        f0, t0 = view["frames"], time.monotonic()
        time.sleep(2)
        view = json.loads(browser.evaluate("JSON.stringify(window.upanelView)"))
        fps = (view["frames"] - f0) / (time.monotonic() - t0)
        print("browser: %.1f frames/s over 2 s (page's own count over the last second: %d)"
              % (fps, view["fps"]))
        shot = png_decode.decode(browser.screenshot_png())
        _, pictures = fetch_frame(url)
        # The mouse on the TFT picture: press at pixel (30, 40), drag to (200, 300), release.
        tft = view["displays"]["ili9341"]

        def at(px, py):  # the middle of panel pixel (px, py) on the page
            return tft["left"] + (px + 0.5) * tft["pitch"], tft["top"] + (py + 0.5) * tft["pitch"]

        mouse(browser, "mousePressed", *at(30, 40), 1)
        touches_seen(emu, "touched 30 40")
        mouse(browser, "mouseMoved", *at(120, 160), 1)
        mouse(browser, "mouseMoved", *at(200, 300), 1)
        touches_seen(emu, "touched 200 300")
        mouse(browser, "mouseReleased", *at(200, 300), 0)
        touches_seen(emu, "released")
        print("live view touch OK: press, drag and release on the TFT reached the touch panel")
    finally:
        end_scene(emu, stop, browser, tmp)
    if emu.returncode != 0:
        sys.exit("the scene failed with status %d" % emu.returncode)

    sw, sh, rows = shot
    print("screenshot %dx%d" % (sw, sh))

    def px(x, y):
        x, y = int(x), int(y)
        return tuple(rows[y][x * 3:x * 3 + 3])

    failures = []

    def expect(where, got, want, tol=3):
        if any(abs(g - w) > tol for g, w in zip(got, want)):
            failures.append("%s: screenshot %s, emulator %s" % (where, got, want))

    # Every LED's centre shows its light, sRGB-encoded as the page draws it.
    d, rgb = pictures["hub75"]
    pos = view["displays"]["hub75"]
    for y in range(d["height"]):
        for x in range(d["width"]):
            i = (y * d["width"] + x) * 3
            want = tuple(srgb(v) for v in rgb[i:i + 3])
            got = px(pos["left"] + (x + 0.5) * pos["pitch"], pos["top"] + (y + 0.5) * pos["pitch"])
            expect("hub75 LED %d,%d" % (x, y), got, want)
    # The known blocks, spelled out.
    expect("hub75 red block", px(pos["left"] + 8.5 * pos["pitch"], pos["top"] + 8.5 * pos["pitch"]), (255, 0, 0))
    expect("hub75 green block", px(pos["left"] + 48.5 * pos["pitch"], pos["top"] + 24.5 * pos["pitch"]), (0, 255, 0))

    # The TFT's pixels, every 4th in each direction, each drawn pitch x pitch.
    d, rgb = pictures["ili9341"]
    pos = view["displays"]["ili9341"]
    for y in range(0, d["height"], 4):
        for x in range(0, d["width"], 4):
            i = (y * d["width"] + x) * 3
            got = px(pos["left"] + (x + 0.5) * pos["pitch"], pos["top"] + (y + 0.5) * pos["pitch"])
            expect("ili9341 pixel %d,%d" % (x, y), got, tuple(rgb[i:i + 3]))
    expect("ili9341 red band", px(pos["left"] + 120 * pos["pitch"], pos["top"] + 50 * pos["pitch"]), (255, 0, 0))
    expect("ili9341 blue box", px(pos["left"] + 120 * pos["pitch"], pos["top"] + 230 * pos["pitch"]), (0, 0, 255))

    if failures:
        print("\n".join(failures[:20]))
        sys.exit("%d pixels differ from the emulator's snapshot" % len(failures))
    if fps < MIN_FPS:
        sys.exit("the page showed %.1f frames/s, fewer than %d" % (fps, MIN_FPS))
    print("live view OK: screenshot matches the emulator's snapshot")


if __name__ == "__main__":
    main()
