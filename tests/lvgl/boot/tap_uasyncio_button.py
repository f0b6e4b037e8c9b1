# A boot file for lv_binding_micropython's uasyncio_example1.py (which sets up its display and
# touch panel itself): a tap on its "Click Me Again!" button at 1.5 s, whose handler starts an
# asyncio task that opens a message box counting down.
import esp32sim

BUTTON = (120, 25)
esp32sim.touch(*BUTTON, at_ms=1500, until_ms=1600)
