# A boot file for lv_binding_micropython's example3.py: the display as its lib's display_driver
# sets it up, then a tap on the ">" button (top right of the first screen) at 1.5 s, which
# loads the second screen, and a tap near the right end of its slider at 2.5 s, whose
# VALUE_CHANGED handler brightens the LED in the middle.
import display_driver  # noqa: F401
import esp32sim

NEXT_BUTTON = (215, 25)
SLIDER_RIGHT = (180, 19)
esp32sim.touch(*NEXT_BUTTON, at_ms=1500, until_ms=1600)
esp32sim.touch(*SLIDER_RIGHT, at_ms=2500, until_ms=2600)
