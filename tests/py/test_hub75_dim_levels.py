# Dimming costs refresh rate or duty, never levels: at each brightness, the light the emulated
# panel integrates per LED over 4 consecutive refreshes (the driver dithers quarter clocks over
# at most that many) is the code times one constant within half a level, and every code gives
# more light than the one below. Expectations from the codes alone: light(v) = v * k, k fitted
# to the measurement. Also: full white dims monotonically with brightness and in proportion
# down to 32, and a 64x32 panel at depth 8 and 20 MHz refreshes at 1,000 Hz or more down to 16.
import esp32sim
import hub75
from checks import check

W, H = 64, 32
N = W * H


def light_over(refreshes):
    # Raw light per LED summed over the next `refreshes` complete refreshes, one snapshot as
    # each ends (the panel keeps the last complete one), and the refresh rate measured.
    total = None
    seen = esp32sim.info("hub75")["refreshes"]
    taken = 0
    while taken < refreshes:
        esp32sim.run_us(20)
        now = esp32sim.info("hub75")["refreshes"]
        if now == seen:
            continue
        check(now == seen + 1, "missed a refresh: %d -> %d" % (seen, now))
        seen = now
        light = esp32sim.snapshot("hub75", raw=True)
        total = list(light) if total is None else [a + b for a, b in zip(total, light)]
        taken += 1
    return total


m = hub75.Matrix(W, H, depth=8, clock_hz=20_000_000, gamma=False)
# Red: the 256 codes of depth 8 in turn; green: full scale, the brightness reference.
buf = bytearray(N * 3)
for i in range(N):
    buf[3 * i] = i % 256
    buf[3 * i + 1] = 255
m.show(buf, hub75.RGB888)
whites = []
for b in (255, 200, 128, 64, 33, 32, 31, 16, 8, 2, 1):
    m.brightness = b
    esp32sim.run_ms(20)  # the new chain is running
    light = light_over(4)
    per_code = [0.0] * 256
    count = [0] * 256
    for i in range(N):
        per_code[i % 256] += light[3 * i]
        count[i % 256] += 1
    per_code = [s / c for s, c in zip(per_code, count)]
    # k by least squares through the origin: sum(v * l) / sum(v * v).
    k = sum(v * per_code[v] for v in range(256)) / sum(v * v for v in range(256))
    check(k > 0, "brightness %d: dark" % b)
    worst = max(abs(per_code[v] - v * k) / k for v in range(256))
    check(worst <= 0.5, "brightness %d: a code is %.2f levels off" % (b, worst))
    for v in range(255):
        check(per_code[v + 1] - per_code[v] > 0.5 * k,
              "brightness %d: codes %d and %d show %.4f and %.4f" % (b, v, v + 1, per_code[v], per_code[v + 1]))
    # Every LED of the same code alike (no row or column left out of the dither).
    for i in range(N):
        check(abs(light[3 * i] - per_code[i % 256]) <= 0.01 * k, "brightness %d: LED %d differs" % (b, i))
    white = sum(light[3 * i + 1] for i in range(N)) / N
    whites.append((b, white))
    hz = esp32sim.info("hub75")["refresh_hz"]
    if b >= 16:
        check(hz >= 1000, "brightness %d: %.0f Hz" % (b, hz))
    print("brightness %d: worst %.3f levels, %.0f Hz" % (b, worst, hz))
full = whites[0][1]
for (b0, w0), (b1, w1) in zip(whites, whites[1:]):
    check(w1 < w0, "brightness %d is not dimmer than %d" % (b1, b0))
for b, w in whites:
    if b >= 32:
        check(abs(w / full - b / 255) < 0.01, "brightness %d: white %.4f of full" % (b, w / full))
# From the dimmest (a 4-refresh chain of 70,000-clock refreshes) straight to full and a new
# frame: the driver waits for the long chain's pass to end, it does not give up on it.
m.brightness = 2
esp32sim.run_ms(50)
m.brightness = 1
m.brightness = 255
m.show(buf, hub75.RGB888)
m.show(buf, hub75.RGB888)
esp32sim.run_ms(20)
check(esp32sim.info("hub75")["refresh_hz"] > 1600, "back at full refresh")
m.deinit()
print("dim levels ok")
