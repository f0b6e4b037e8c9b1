# A boot file for lv_binding_micropython's custom_widget_example.py: the display as its lib's
# display_driver sets it up, then a tap on the custom widget (the triangle under "Hello!") at
# 1.5 s, which checks it: the widget draws its triangle upside down from then on.
import display_driver  # noqa: F401
import esp32sim

WIDGET = (120, 185)
esp32sim.touch(*WIDGET, at_ms=1500, until_ms=1600)
