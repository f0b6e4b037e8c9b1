# A boot file for lv_binding_micropython's advanced_demo.py: the display as its lib's
# display_driver sets it up (so the demo finds LVGL's event loop running and skips its own
# platform set-up), then a finger on the "Chart" tab at 1.5 s.
import display_driver  # noqa: F401
import esp32sim

CHART_TAB = (210, 32)  # the fourth of four tabs across the 240-pixel portrait panel
esp32sim.touch(*CHART_TAB, at_ms=1500, until_ms=1600)
