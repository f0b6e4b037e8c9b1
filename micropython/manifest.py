# Python frozen into the host firmware (build/micropython and build/micropython-test):
# MicroPython's own asyncio, on which LVGL's event loop can run. The unix port's standard
# manifest also takes packages from micropython-lib, which Debian's source package leaves out.
include("$(MPY_DIR)/extmod/asyncio")
