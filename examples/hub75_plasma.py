# A plasma at full colour depth on a 64x32 HUB75 panel: 24-bit RGB888 frames (8 bit planes
# per colour) computed from sine tables and shown with m.show(buf, hub75.RGB888).
import math

import esp32sim
import hub75

W, H, FRAMES, FRAME_MS = 64, 32, 40, 33

SIN = bytes(int(127.5 + 127.5 * math.sin(i * 2 * math.pi / 256)) for i in range(256))
# A palette that runs through the colour wheel twice, with smooth steps between all 256.
PAL = bytearray(256 * 3)
for i in range(256):
    PAL[i * 3] = SIN[(i * 2) & 255]
    PAL[i * 3 + 1] = SIN[(i * 2 + 85) & 255]
    PAL[i * 3 + 2] = SIN[(i * 2 + 170) & 255]

m = hub75.Matrix(width=W, height=H, depth=8)
buf = bytearray(W * H * 3)
for t in range(FRAMES):
    i = 0
    for y in range(H):
        row = SIN[(y * 7 + t * 5) & 255]
        for x in range(W):
            v = (SIN[(x * 6 + t * 3) & 255] + row + SIN[((x + y) * 4 - t * 4) & 255]) // 3
            p = ((v + t * 2) & 255) * 3
            buf[i] = PAL[p]
            buf[i + 1] = PAL[p + 1]
            buf[i + 2] = PAL[p + 2]
            i += 3
    m.show(buf, hub75.RGB888)
    esp32sim.run_ms(FRAME_MS)
info = m.info()
print("plasma: %d frames, depth %d, refresh %.0f Hz" % (FRAMES, info["depth"], info["refresh_hz"]))
