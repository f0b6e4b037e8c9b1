# The upanel command line: exit statuses and messages for a missing script, a bad board file,
# a busy port and a failing script; a board file applied before the script; run, capture,
# capture --at a chosen virtual time of an animation whose frames are known in advance.
# Usage: python3 cli_check.py UPANEL FIRMWARE
import json
import os
import socket
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "live"))
import png_decode  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import process_group  # noqa: E402

upanel, fw = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="upanel-cli-")
env = dict(os.environ, UPANEL_FIRMWARE=fw)
failures = []


def run(*args, timeout=60):
    p = process_group.run([sys.executable, upanel] + list(args), env=env, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def check(what, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append("%s %s" % (what, detail))


def write(name, text):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


hello = write("hello.py", "import esp32sim\nesp32sim.run_ms(1)\nprint('hello from the board')\n")
boom = write("boom.py", "raise ValueError('boom')\n")
hub = write("hub.py", "import hub75, framebuf, esp32sim\nm = hub75.Matrix(width=64, height=32)\n"
            "fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)\n"
            "fb.fill(0)\nfb.fill_rect(0, 0, 8, 8, 0xF800)\nm.show()\nesp32sim.run_ms(20)\n")
# Frame k (shown at k * 40 ms of virtual time, 6 frames): a red 8x8 block at column 8k.
anim = write("anim.py", "import hub75, framebuf, esp32sim\nm = hub75.Matrix(width=64, height=32)\n"
             "fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)\n"
             "for k in range(6):\n    fb.fill(0)\n    fb.fill_rect(8 * k, 8, 8, 8, 0xF800)\n"
             "    m.show()\n    esp32sim.run_ms(40)\n")
# The TFT blue from about 0.3 s (after the reset waits) to 2.3 s, then red.
tft = write("tft.py", "import ili9341, esp32sim\nd = ili9341.ILI9341()\nd.fill(0x001F)\nd.wait()\n"
            "esp32sim.run_ms(2000)\nd.fill(0xF800)\nd.wait()\n")
geometry = write("geometry.py", "import esp32sim\nprint('cols', esp32sim.snapshot('hub75')[0])\n")

code, out, err = run("run", hello)
check("run prints the script's output, status 0", code == 0 and "hello from the board" in out, (code, out, err))
code, out, err = run("run", os.path.join(tmp, "missing.py"))
check("a missing script: status 2 and its name", code == 2 and "no script" in err and "missing.py" in err, (code, err))
code, out, err = run("run", boom)
check("a failing script: status 1 and its traceback", code == 1 and "boom" in err and "boom.py" in err, (code, err))

# --boot: run first, in the script's namespace, both as __main__ (a board's boot.py, main.py).
boot = write("boot.py", "import esp32sim\nbooted_at = esp32sim.time_us()\nboot_name = __name__\n")
uses_boot = write("uses_boot.py", "print('boot', booted_at, boot_name, __name__, __file__.endswith('uses_boot.py'))\n")
code, out, err = run("run", uses_boot, "--boot", boot)
check("--boot runs first, in the script's namespace", code == 0 and "boot 0 __main__ __main__ True" in out,
      (code, out, err))
code, out, err = run("run", hello, "--boot", os.path.join(tmp, "noboot.py"))
check("a missing boot file: status 2 and its name", code == 2 and "noboot.py" in err, (code, err))
code, out, err = run("run", hello, "--boot", boom)
check("a failing boot file: status 1, the script does not run",
      code == 1 and "boom" in err and "hello from the board" not in out, (code, out, err))

board = write("board.json", json.dumps({"hub75": {"width": 64, "height": 32, "chain": 2}}))
code, out, err = run("run", geometry, "--board", board)
check("a board file is applied before the script", code == 0 and "cols 128" in out, (code, out, err))
wall = write("wall.json", json.dumps({"hub75": {"width": 64, "height": 32, "grid": [2, 2],
                                               "serpentine": True}}))
geometry2 = write("geometry2.py", "import esp32sim\nw, h, _ = esp32sim.snapshot('hub75')\nprint('wall', w, h)\n")
code, out, err = run("run", geometry2, "--board", wall)
check("a board file hangs a wall", code == 0 and "wall 128 64" in out, (code, out, err))
for name, text, needle in (
    ("notjson.json", "{hub75", "not JSON"),
    ("unknown.json", '{"lcd": {}}', "unknown device"),
    ("setting.json", '{"hub75": {"colour": 1}}', "no setting"),
    ("pins.json", '{"ili9341": {"pins": {"dc": "x"}}}', "pad numbers"),
    ("range.json", '{"hub75": {"height": 48}}', "height must be"),
    ("grid.json", '{"hub75": {"grid": 2}}', "grid must be [rows, cols]"),
    ("serpentine.json", '{"hub75": {"serpentine": 1}}', "must be true or false"),
):
    code, out, err = run("run", hello, "--board", write(name, text))
    check("bad board file %s: status 2, says %r" % (name, needle), code == 2 and needle in err, (code, err))
code, out, err = run("run", hello, "--board", os.path.join(tmp, "nope.json"))
check("a missing board file: status 2", code == 2 and "nope.json" in err, (code, err))

busy = socket.socket()
busy.bind(("127.0.0.1", 0))
busy.listen(1)
port = busy.getsockname()[1]
code, out, err = run("run", hello, "--serve", str(port))
check("a busy port: status 3 and the port", code == 3 and ("port %d" % port) in err and "in use" in err, (code, err))
busy.close()
code, out, err = run("run", hello, "--serve", "0", "--realtime", "--hold", "0.2")
check("--serve prints the URL and holds the view", code == 0 and "live view: http://127.0.0.1:" in out, (code, out, err))

png = os.path.join(tmp, "hub.png")
code, out, err = run("capture", hub, "-o", png, "--scale", "4")
ok = code == 0 and os.path.exists(png)
if ok:
    w, h, rows = png_decode.decode(open(png, "rb").read())
    ok = (w, h) == (256, 128) and rows[2][2 * 3] > 200 and rows[2][2 * 3 + 1] < 60 and rows[60][60 * 3] < 40
check("capture writes the panel's PNG (red LED top left, dark elsewhere)", ok, (code, out, err))
code, out, err = run("capture", hello, "-o", os.path.join(tmp, "none.png"))
check("capture of a script that shows nothing: status 1", code == 1 and "showed nothing" in err, (code, err))
code, out, err = run("capture", hub, "-o", os.path.join(tmp, "no", "dir", "x.png"))
check("capture into a missing folder: status 2", code == 2 and "no folder" in err, (code, err))


def lit(png):  # LEDs lit red in a scale-1 capture of the 64x32 panel
    w, h, rows = png_decode.decode(open(png, "rb").read())
    return {(x, y) for y in range(h) for x in range(w) if rows[y][3 * x] > 200}


# A script that never ends (an event loop) is ended once its capture --at is taken; one that
# exits by itself before then still fails, as before.
forever = write("forever.py", "import hub75, framebuf, time\nm = hub75.Matrix(width=64, height=32)\n"
                "fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)\n"
                "fb.fill_rect(0, 0, 8, 8, 0xF800)\nm.show()\nwhile True:\n    time.sleep_ms(10)\n")
png = os.path.join(tmp, "forever.png")
code, out, err = run("capture", forever, "-o", png, "--scale", "1", "--at", "200")
check("capture --at of a script that never ends: taken, then the script ends, status 0",
      code == 0 and os.path.exists(png) and (2, 2) in lit(png), (code, out, err))
quits = write("quits.py", "import sys, esp32sim\nesp32sim.run_ms(10)\nsys.exit(3)\n")
code, out, err = run("capture", quits, "-o", os.path.join(tmp, "quits.png"), "--at", "500")
check("a script's own sys.exit before the capture: not swallowed", code != 0, (code, out, err))


def frame_leds(k):  # what frame k of anim.py lights
    return {(x, y) for y in range(8, 16) for x in range(8 * k, 8 * k + 8)}


shots = {}
for at in ("100", "170.5"):
    png = os.path.join(tmp, "anim_%s.png" % at)
    code, out, err = run("capture", anim, "-o", png, "--scale", "1", "--at", at)
    k = int(float(at) // 40)  # the frame on the panel at that time
    shots[at] = lit(png) if code == 0 and os.path.exists(png) else None
    check("capture --at %s ms: frame %d on the panel, status 0" % (at, k),
          code == 0 and shots[at] == frame_leds(k) and ("at %s ms saved" % at) in out, (code, out, err))
check("the two --at captures differ", shots["100"] != shots["170.5"])
png = os.path.join(tmp, "tft_at.png")
code, out, err = run("capture", tft, "-o", png, "--scale", "1", "--at", "1000")
ok = code == 0 and "ili9341 at 1000 ms" in out and os.path.exists(png)
if ok:
    w, h, rows = png_decode.decode(open(png, "rb").read())
    ok = (w, h) == (240, 320) and rows[200][200 * 3 + 2] > 200 and rows[200][200 * 3] < 30
check("capture --at finds the TFT the script used and saves it blue mid-script", ok, (code, out, err))
png = os.path.join(tmp, "late.png")
code, out, err = run("capture", anim, "-o", png, "--scale", "1", "--at", "1000")
check("capture --at after the script's end: the board runs on (the DMA refreshing the last frame)",
      code == 0 and os.path.exists(png) and lit(png) == frame_leds(5), (code, out, err))
png = os.path.join(tmp, "much_later.png")
code, out, err = run("capture", anim, "-o", png, "--at", "100000")
check("capture --at more than 60 s after the script's end: status 1, says so, no file",
      code == 1 and "--at 100000 ms is more than 60 s later" in err and "ended at" in err
      and not os.path.exists(png), (code, err))
for bad, needle in (("-5", "from 0 to"), ("abc", "not a time"), ("nan", "from 0 to"), ("1e12", "from 0 to")):
    code, out, err = run("capture", anim, "-o", png, "--at", bad)
    check("capture --at %s: status 2, says %r" % (bad, needle), code == 2 and "--at" in err and needle in err, (code, err))


def gif_frames(path):
    """(width, height, frame delays in 1/100 s) from a GIF's blocks, without decoding pixels."""
    data = open(path, "rb").read()
    assert data[:6] == b"GIF89a", data[:6]
    w, h, flags = data[6] | data[7] << 8, data[8] | data[9] << 8, data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    delays, delay = [], None

    def skip_blocks(pos):
        while data[pos]:
            pos += data[pos] + 1
        return pos + 1
    while data[pos] != 0x3B:
        if data[pos] == 0x21:  # extension: a graphic control one carries the frame's delay
            if data[pos + 1] == 0xF9:
                delay = data[pos + 4] | data[pos + 5] << 8
            pos = skip_blocks(pos + 2)
        elif data[pos] == 0x2C:  # an image: descriptor, local colour table, LZW data
            flags = data[pos + 9]
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            pos = skip_blocks(pos + 1)
            delays.append(delay)
        else:
            raise ValueError("bad GIF block 0x%02x at %d" % (data[pos], pos))
    return w, h, delays


gif = os.path.join(tmp, "anim.gif")
code, out, err = run("record", anim, "-o", gif, "--seconds", "0.2", "--fps", "25", "--scale", "2")
ok = code == 0 and os.path.exists(gif) and "5 frames" in out
check("record: 0.2 s at 25 frames/s is 5 frames of 128x64, 4/100 s each",
      ok and gif_frames(gif) == (128, 64, [4] * 5), (code, out, err))
code, out, err = run("record", anim, "-o", gif, "--seconds", "10", "--fps", "10", "--scale", "1")
# anim.py ends at 240 ms of virtual time: frames at 0, 100 and 200 ms.
check("record past the script's end keeps the frames up to it",
      code == 0 and "3 frames" in out and "the script ended first" in out and gif_frames(gif)[2] == [10] * 3,
      (code, out, err))
for bad, needle in ((["--fps", "0"], "--fps"), (["--fps", "51"], "--fps"), (["--seconds", "0"], "--seconds"),
                    (["--seconds", "200"], "--seconds"), (["--scale", "17"], "--scale")):
    code, out, err = run("record", anim, "-o", gif, *bad)
    check("record %s: status 2, says %s" % (" ".join(bad), needle), code == 2 and needle in err, (code, err))
code, out, err = run("record", anim, "-o", os.path.join(tmp, "no", "dir", "x.gif"))
check("record into a missing folder: status 2", code == 2 and "no folder" in err, (code, err))
code, out, err = run("bindgen", "-M", "x")
check("bindgen passes mpbindgen's usage error: status 2", code == 2 and "-M NAME" in err, (code, err))
code, out, err = run("mpy")
check("mpy without --arch: status 2", code == 2 and "--arch" in err, (code, err))

if failures:
    sys.exit("%d CLI checks failed:\n%s" % (len(failures), "\n".join(failures)))
print("CLI OK")
