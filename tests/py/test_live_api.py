# esp32sim's live view, real-time pace and recording, as a script sees them: the URL, a busy
# port, pacing to the wall clock, and an animated GIF written as virtual time passes.
import os
import socket
import time

import esp32sim
import framebuf
import hub75

m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
fb.fill(0)
fb.fill_rect(0, 0, 8, 8, 0xF800)
m.show()
esp32sim.run_ms(20)

# serve() returns the URL; a second serve() while serving is refused.
url = esp32sim.serve(port=0)
assert url.startswith("http://127.0.0.1:") and url.endswith("/"), url
port = int(url.split(":")[2].strip("/"))
try:
    esp32sim.serve(port=0)
    raise AssertionError("serving twice")
except OSError as e:
    assert "already serving" in str(e), e
esp32sim.run_ms(30)  # time runs in slices while serving
esp32sim.stop_serving()
esp32sim.stop_serving()  # twice is harmless

# A port something else listens on: OSError(EADDRINUSE) naming the port.
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(socket.getaddrinfo("127.0.0.1", port)[0][-1])
s.listen(1)
try:
    esp32sim.serve(port=port)
    raise AssertionError("served on a busy port")
except OSError as e:
    assert e.errno == 98 and ("port %d is in use" % port) in str(e), e
s.close()
for bad in (-1, 70000):
    try:
        esp32sim.serve(port=bad)
        raise AssertionError("port %d accepted" % bad)
    except ValueError:
        pass

# Real time: 200 ms of virtual time take at least about 200 ms of wall time (a bound a busy
# machine cannot break: it only makes runs slower). Free running is printed, not asserted:
# how fast the emulator runs depends on the machine and its load.
assert esp32sim.realtime() is False
assert esp32sim.realtime(True) is True
t = time.ticks_ms()
esp32sim.run_ms(200)
paced = time.ticks_diff(time.ticks_ms(), t)
esp32sim.realtime(False)
t = time.ticks_ms()
esp32sim.run_ms(200)
free = time.ticks_diff(time.ticks_ms(), t)
print("200 ms emulated: %d ms paced, %d ms free running" % (paced, free))
assert paced >= 190, paced
assert esp32sim.realtime() is False

# Recording: frames are taken as virtual time passes; the file is a GIF when it ends.
path = "/tmp/upanel_test_live_api_%d.gif" % time.ticks_us()
esp32sim.record("hub75", path, 0.2, 25, scale=2, leds=True)
esp32sim.run_ms(100)
fb.fill_rect(8, 8, 8, 8, 0x07E0)
m.show()
esp32sim.run_ms(150)
assert esp32sim.stop_recording() == 5  # 0.2 s at 25 frames/s, finished on its own
with open(path, "rb") as f:
    head = f.read(10)
assert head[:6] == b"GIF89a" and head[6] | head[7] << 8 == 128 and head[8] | head[9] << 8 == 64, head
os.remove(path)

# Stopped early: what was recorded is kept.
esp32sim.record("hub75", path, 10, 10)
esp32sim.run_ms(250)
assert esp32sim.stop_recording() == 3
os.remove(path)

for args, kw, exc in (
    (("hub75", path, 1, 0), {}, ValueError),
    (("hub75", path, 1, 51), {}, ValueError),
    (("hub75", path, 0, 10), {}, ValueError),
    (("hub75", path, 1000, 10), {}, ValueError),
    (("lcd", path, 1, 10), {}, ValueError),
    (("hub75", path, 1, 10), {"scale": 0}, ValueError),
    (("hub75", "/nonexistent/dir/x.gif", 1, 10), {}, OSError),
):
    try:
        esp32sim.record(*args, **kw)
        raise AssertionError("record%s accepted" % (args,))
    except exc:
        pass
m.deinit()
print("live API OK")
