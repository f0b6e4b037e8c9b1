# Python frozen into the host firmware (build/micropython and build/micropython-test):
# MicroPython's own asyncio, on which LVGL's event loop can run, and with LVGL that event loop
# itself, lv_binding_micropython's lib/lv_utils.py, frozen from where it is (the firmware's
# build passes its folder as UPANEL_LV_BINDING_LIB). The unix port's standard manifest also
# takes packages from micropython-lib, which Debian's source package leaves out.
import os

include("$(MPY_DIR)/extmod/asyncio")
# select whose poll waits run the emulated board (asyncio waits there between tasks).
module("select.py", base_path="variant")
# The first seed's ledmatrix API over hub75 (also built as ledmatrix.mpy by tools/build-mpy.sh).
module("ledmatrix.py", base_path="ledmatrix")
if os.environ.get("UPANEL_LV_BINDING_LIB"):
    module("lv_utils.py", base_path=os.environ["UPANEL_LV_BINDING_LIB"])
