# The upanel command line: exit statuses and messages for a missing script, a bad board file,
# a busy port and a failing script; a board file applied before the script; run, capture.
# Usage: python3 cli_check.py UPANEL FIRMWARE
import json
import os
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "live"))
import png_decode  # noqa: E402

upanel, fw = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="upanel-cli-")
env = dict(os.environ, UPANEL_FIRMWARE=fw)
failures = []


def run(*args, timeout=60):
    p = subprocess.run([sys.executable, upanel] + list(args), env=env, capture_output=True,
                       text=True, timeout=timeout)
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
geometry = write("geometry.py", "import esp32sim\nprint('cols', esp32sim.snapshot('hub75')[0])\n")

code, out, err = run("run", hello)
check("run prints the script's output, status 0", code == 0 and "hello from the board" in out, (code, out, err))
code, out, err = run("run", os.path.join(tmp, "missing.py"))
check("a missing script: status 2 and its name", code == 2 and "no script" in err and "missing.py" in err, (code, err))
code, out, err = run("run", boom)
check("a failing script: status 1 and its traceback", code == 1 and "boom" in err and "boom.py" in err, (code, err))

board = write("board.json", json.dumps({"hub75": {"width": 64, "height": 32, "chain": 2}}))
code, out, err = run("run", geometry, "--board", board)
check("a board file is applied before the script", code == 0 and "cols 128" in out, (code, out, err))
for name, text, needle in (
    ("notjson.json", "{hub75", "not JSON"),
    ("unknown.json", '{"lcd": {}}', "unknown display"),
    ("setting.json", '{"hub75": {"colour": 1}}', "no setting"),
    ("pins.json", '{"ili9341": {"pins": {"dc": "x"}}}', "pad numbers"),
    ("range.json", '{"hub75": {"height": 48}}', "height must be"),
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
code, out, err = run("bindgen", "-M", "x")
check("bindgen passes mpbindgen's usage error: status 2", code == 2 and "-M NAME" in err, (code, err))
code, out, err = run("mpy")
check("mpy without --arch: status 2", code == 2 and "--arch" in err, (code, err))

if failures:
    sys.exit("%d CLI checks failed:\n%s" % (len(failures), "\n".join(failures)))
print("CLI OK")
