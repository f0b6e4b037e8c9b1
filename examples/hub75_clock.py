# A clock on a 64x32 HUB75 panel: hours, minutes and seconds from the board's time (the
# emulator's virtual time, as if the RTC had been set to 10:08:40), with a bar for the seconds.
import esp32sim
import framebuf
import hub75

START_S = 10 * 3600 + 8 * 60 + 40  # what the RTC was set to
RUN_S = 3


def rgb565(r, g, b):
    return (r >> 3) << 11 | (g >> 2) << 5 | b >> 3


m = hub75.Matrix(width=64, height=32, depth=8)
fb = framebuf.FrameBuffer(m, m.width, m.height, framebuf.RGB565)
t0 = esp32sim.time_us()
shown = -1
while esp32sim.time_us() - t0 < RUN_S * 1_000_000:
    elapsed_ms = (esp32sim.time_us() - t0) // 1000
    now = START_S + elapsed_ms // 1000
    tenth = elapsed_ms // 100
    if tenth != shown:  # redraw ten times a second, for the bar
        shown = tenth
        h, mi, s = now // 3600 % 24, now // 60 % 60, now % 60
        fb.fill(0)
        fb.text("%02d:%02d" % (h, mi), 4, 4, rgb565(255, 180, 40))
        fb.text("%02d" % s, 46, 4, rgb565(255, 80, 20))
        fb.rect(1, 17, 62, 8, rgb565(110, 110, 110))
        fb.fill_rect(2, 18, (s * 10 + tenth % 10) * 60 // 600, 6, rgb565(40, 120, 255))
        m.show()
    esp32sim.run_ms(20)
print("clock: %02d:%02d:%02d shown" % (h, mi, s))
