# Every level of every channel at depths 1..12 is shown with light proportional to its code
# (within half a level) with gamma off; with gamma on, light follows (v/255)^2.2.
import esp32sim
import hub75
from checks import check

W, H = 64, 32
N = W * H


def shown_codes(m, buf, fmt, max_code):
    m.show(buf, fmt)
    esp32sim.run_ms(12)
    light = esp32sim.snapshot("hub75", raw=True)
    full = max(light)
    check(full > 0, "nothing lit")
    return [v / full * max_code for v in light]


def levels_linear(depth):
    max_code = (1 << depth) - 1
    m = hub75.Matrix(depth=depth, gamma=False)
    buf = bytearray(N * 6)
    # Pixel i: R = level i, G = level N + i (folded into range), B = full scale: all levels
    # of each depth appear on R or G, and B gives the full-scale reference.
    want = []
    for i in range(N):
        r, g = i % (max_code + 1), (N + i) % (max_code + 1)
        for c, code in enumerate((r, g, max_code)):
            v = (code * 65535 + max_code // 2) // max_code  # the 16-bit value of that code
            buf[6 * i + 2 * c] = v & 0xFF
            buf[6 * i + 2 * c + 1] = v >> 8
        want.append((r, g, max_code))
    got = shown_codes(m, buf, hub75.RGB48, max_code)
    seen = set()
    for i in range(N):
        for c in range(3):
            err = abs(got[3 * i + c] - want[i][c])
            check(err <= 0.5, "depth %d pixel %d channel %d: light %.3f for code %d"
                  % (depth, i, c, got[3 * i + c], want[i][c]))
            seen.add(want[i][c])
    check(len(seen) == max_code + 1, "depth %d: only %d levels tested" % (depth, len(seen)))
    check(esp32sim.info("hub75")["ghost"] == 0, "ghost light")
    m.deinit()


def levels_gamma(depth):
    max_code = (1 << depth) - 1
    m = hub75.Matrix(depth=depth, gamma=True)
    buf = bytearray(N * 3)
    for i in range(N):
        buf[3 * i] = i % 256
        buf[3 * i + 1] = 255 - i % 256
        buf[3 * i + 2] = 255
    got = shown_codes(m, buf, hub75.RGB888, max_code)
    for i in range(N):
        for c in range(2):
            v = buf[3 * i + c]
            ideal = (v / 255) ** 2.2 * max_code
            err = abs(got[3 * i + c] - ideal)
            check(err <= 0.5 + 1e-3, "gamma depth %d value %d: light %.3f, curve %.3f"
                  % (depth, v, got[3 * i + c], ideal))
    m.deinit()


for depth in range(1, 13):
    levels_linear(depth)
for depth in (4, 8, 12):
    levels_gamma(depth)
print("levels ok")
