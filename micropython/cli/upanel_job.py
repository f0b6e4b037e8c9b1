# The MicroPython side of the `upanel` command: run by the host firmware with a JSON job,
#   micropython upanel_job.py JOB.json
# it wires the board, starts the live view, schedules captures or a recording, runs the
# user's script unchanged as __main__, then captures, reports and holds the view. Limits come
# from esp32sim itself, so the command line and the emulator cannot disagree.
#
# The job: {"script": path, "boot": path or null, "board": {"hub75": {...}, "ili9341": {...}} or null,
#           "serve": port or null, "realtime": bool, "hold": seconds or null,
#           "capture": {"out", "device" (or null: the display the script used), "scale",
#                       "at" (ms of virtual time, or null: at the end), "candidates"} or null,
#           "record": {"out", "device", "seconds", "fps", "scale"} or null}
import esp32sim
import json
import sys

EXIT_SCRIPT, EXIT_USAGE, EXIT_PORT = 1, 2, 3
# After the script ends the board runs on, as one at its REPL does (DMA refresh, timers such as
# LVGL's event loop), until a capture's time comes, for at most this long.
RUN_ON_MS = 60_000


def fail(status, what):
    print("upanel: " + what, file=sys.stderr)
    sys.exit(status)


def within(option, value, lo, hi, unit=""):
    if not lo <= value <= hi:
        fail(EXIT_USAGE, "%s must be from %g to %g%s" % (option, lo, hi, unit))


def check_limits(capture, record):
    lim = esp32sim.limits()
    if capture:
        within("--scale", capture["scale"], 1, lim["png_scale"])
        if capture["at"] is not None:
            within("--at", capture["at"], 0, lim["at_ms"], " ms")
    if record:
        within("--fps", record["fps"], 1, lim["fps"])
        if not (record["seconds"] > 0 and record["seconds"] * record["fps"] <= lim["gif_frames"]):
            fail(EXIT_USAGE, "--seconds must be above 0 and give at most %d frames" % lim["gif_frames"])
        within("--scale", record["scale"], 1, lim["gif_scale"])


def wire(board):
    try:
        if "hub75" in board:
            esp32sim.attach_hub75(**board["hub75"])
        if "ili9341" in board:
            esp32sim.attach_ili9341(**board["ili9341"])
        if "xpt2046" in board:
            spec = dict(board["xpt2046"])
            if "calibration" in spec:
                spec["calibration"] = tuple(spec["calibration"])
            esp32sim.attach_xpt2046(**spec)
    except (ValueError, TypeError) as e:
        fail(EXIT_USAGE, "board file: %s" % e)


def serve(port):
    try:
        print("live view: " + esp32sim.serve(port=port))
    except OSError as e:
        fail(EXIT_PORT if e.errno == 98 else EXIT_SCRIPT, "cannot serve the live view on port %d: %s" % (port, e))


def used_display(device):
    # Without --device: the HUB75 panel if the script refreshed it, else the TFT.
    if device is None:
        device = "hub75" if esp32sim.info("hub75")["refreshes"] else "ili9341"
    if device == "ili9341" and not esp32sim.info("ili9341")["bytes"]:
        fail(EXIT_SCRIPT, "the script showed nothing on a display")
    return device


def capture_at_end(c):
    dev = used_display(c["device"])
    esp32sim.save_png(dev, c["out"], scale=c["scale"], leds=dev == "hub75")
    print("upanel: %s saved to %s" % (dev, c["out"]))


def capture_at_time_taken(c):
    ended_ms = esp32sim.time_us() / 1000
    if c["at"] > ended_ms + RUN_ON_MS:
        fail(EXIT_SCRIPT, "the script ended at %.3f ms of virtual time; --at %g ms is more than %d s later"
             % (ended_ms, c["at"], RUN_ON_MS // 1000))
    if c["at"] > ended_ms:
        esp32sim.run_ms(c["at"] - ended_ms)
    dev = c["device"] or ("hub75" if esp32sim.info("hub75")["refreshes"] else "ili9341")
    path = c["candidates"][dev]
    cap = [k for k in esp32sim.captures() if k["path"] == path][-1]
    if cap["state"] == "pending":
        fail(EXIT_SCRIPT, "the capture at --at %g ms was not taken" % c["at"])
    if cap["state"] == "failed":
        fail(EXIT_SCRIPT, "cannot save the picture: " + cap["error"])
    used_display(dev)
    if path != c["out"]:
        with open(path, "rb") as f:
            png = f.read()
        with open(c["out"], "wb") as f:
            f.write(png)
    print("upanel: %s at %g ms saved to %s" % (dev, cap["taken_ms"], c["out"]))


def hold_view(hold):
    import time

    print("upanel: the script has ended; the live view stays on%s (Ctrl-C ends it)"
          % ("" if hold is None else " for %g s" % hold))
    esp32sim.realtime(True)
    t = time.ticks_ms()
    while hold is None or time.ticks_diff(time.ticks_ms(), t) < int(hold * 1000):
        esp32sim.run_ms(20)


def run_file(path, namespace):
    sys.argv[:] = [path]
    namespace["__file__"] = path
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    exec(code, namespace)


def main(job):
    capture, record = job["capture"], job["record"]
    check_limits(capture, record)
    if job["board"]:
        wire(job["board"])
    if job["serve"] is not None:
        serve(job["serve"])
    if job["realtime"]:
        esp32sim.realtime(True)
    timed = capture and capture["at"] is not None
    if timed:
        # Taken by the emulator when virtual time gets there, while the script runs; without
        # --device both displays are taken and the one the script used is kept. A script
        # that is still running then (an event loop) is ended there.
        esp32sim.exit_after_captures()
        for dev, path in capture["candidates"].items():
            esp32sim.save_png(dev, path, scale=capture["scale"], leds=dev == "hub75", at_ms=capture["at"])
    if record:
        esp32sim.record(record["device"], record["out"], record["seconds"], record["fps"],
                        scale=record["scale"], leds=record["device"] == "hub75")
    # As the ESP32 port runs boot.py, then main.py: one namespace, both as __main__.
    namespace = {"__name__": "__main__"}
    try:
        for path in (job["boot"], job["script"]):
            if path:
                run_file(path, namespace)
    except SystemExit:
        if not timed or any(k["state"] == "pending" for k in esp32sim.captures()):
            raise
    if timed:
        esp32sim.exit_after_captures(False)
    if capture:
        (capture_at_end if capture["at"] is None else capture_at_time_taken)(capture)
    if record:
        frames = esp32sim.stop_recording()
        wanted = round(record["seconds"] * record["fps"])
        print("upanel: %s, %d frames (%g s at %d frames/s) saved to %s%s"
              % (record["device"], frames, frames / record["fps"], record["fps"], record["out"],
                 "" if frames >= wanted else "; the script ended first"))
    if job["serve"] is not None:
        hold_view(job["hold"])


with open(sys.argv[1]) as _f:
    _job = json.load(_f)
del _f
main(_job)
