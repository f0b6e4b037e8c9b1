# DMA memory follows the brightness in use: a matrix holds descriptors for the chain it shows
# (4 refreshes of them once a brightness needs dithering), says truthfully what it holds, and
# a brightness whose chain does not fit raises MemoryError and leaves the picture as it was.
import esp32sim
import hub75
from checks import check, raises

try:
    import espidf as esp  # the built-in firmware's; the native modules' firmware has none
except ImportError:
    esp = None

free0 = esp32sim.info()["dma_free"]


def held():
    return free0 - esp32sim.info()["dma_free"]


def white(m):
    buf = bytearray(b"\xff" * (m.width * m.height * 2))
    m.show(buf)
    esp32sim.run_ms(20)


# 64x32 at depth 8, double buffered, at full brightness: no more than the driver took before
# brightness dithered (50,828 bytes), and what info() says is what left the heap.
m = hub75.Matrix(gamma=False)
check(held() == m.info()["dma_bytes"], "info says %d bytes, the heap lost %d" % (m.info()["dma_bytes"], held()))
check(held() <= 50828, "64x32 depth 8 takes %d bytes of DMA RAM" % held())
white(m)
for b in (200, 128, 16, 1, 255):
    m.brightness = b
    white(m)  # both frames at the new brightness
    check(held() == m.info()["dma_bytes"], "brightness %d: info and heap disagree" % b)
    check(esp32sim.info("hub75")["torn"] == 0, "brightness %d tore a refresh" % b)
m.deinit()
check(held() == 0, "deinit left %d bytes" % held())

# 128x64 (two 64x64 panels) at depth 8 fits double buffered in the 192 KiB DMA heap, and
# every brightness with it: light follows the brightness down to 32.
esp32sim.attach_hub75(width=64, height=64, chain=2)
m = hub75.Matrix(width=64, height=64, chain=2, gamma=False)
white(m)
full = esp32sim.snapshot("hub75", raw=True)[0]
for b in (200, 128, 64, 32, 16, 1):
    m.brightness = b
    white(m)
    if b >= 32:
        light = esp32sim.snapshot("hub75", raw=True)[0] / full
        check(abs(light - b / 255) < 0.02, "128x64 brightness %d: light %.3f of full" % (b, light))
check(held() == m.info()["dma_bytes"], "128x64: info and heap disagree")
m.deinit()

if esp is not None:
    # Leave the matrix a little room only: a brightness whose chain needs more descriptors
    # says so, and the panel keeps the picture and the brightness it had.
    for double in (True, False):
        m = hub75.Matrix(width=64, height=64, chain=2, gamma=False, double_buffer=double)
        white(m)
        duty = esp32sim.info("hub75")["oe_duty"]
        room = esp.heap_caps_get_largest_free_block(esp.MALLOC_CAP.DMA)
        eater = esp.heap_caps_malloc(room - 1024, esp.MALLOC_CAP.DMA)
        msg = raises(MemoryError, setattr, m, "brightness", 200)
        check("bytes" in msg and "255" in msg, "the message says what is needed: " + msg)
        check(m.brightness == 255, "brightness after the failed change: %d" % m.brightness)
        white(m)
        info = esp32sim.info("hub75")
        check(abs(info["oe_duty"] - duty) < 0.005, "duty %.3f, was %.3f" % (info["oe_duty"], duty))
        check(info["torn"] == 0, "the failed change tore a refresh")
        w, h, rgb = esp32sim.snapshot("hub75")
        check(rgb[:3] == bytes((255, 255, 255)), "picture after the failed change: %r" % (rgb[:3],))
        esp.heap_caps_free(eater)
        m.brightness = 200
        white(m)
        check(esp32sim.info("hub75")["oe_duty"] < duty * 0.85, "brightness 200 once there is room")
        m.deinit()
        check(held() == 0, "deinit left %d bytes" % held())
print("dma memory ok")
