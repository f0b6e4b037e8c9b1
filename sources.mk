# The source files of the code that runs on the chip, one list per component, relative to the
# repository root. This is the one place they are written: CMake reads it (cmake/sources.cmake,
# for the host libraries in CMakeLists.txt and for the esp32 port's micropython.cmake), and so
# do the host firmware's micropython.mk files and the native modules' Makefiles. Only comments
# and `NAME = file...` lines (`\` continues one), which make and CMake's reader both take.

# core, HUB75's part: BCM timing plan, encoder, scan patterns, panel grids, DMA descriptor
# chains, default wiring, driver-chip start-up
UPANEL_CORE_HUB75_SRC = core/src/bcm_plan.cpp core/src/hub75_encoder.cpp core/src/hub75_chain.cpp \
	core/src/hub75_wiring.cpp core/src/hub75_scan.cpp core/src/hub75_grid.cpp core/src/hub75_startup.cpp
# core, what the ILI9341 driver needs: its default wiring, linear DMA descriptor chains
UPANEL_CORE_ILI9341_SRC = core/src/ili9341_wiring.cpp core/src/lldesc.cpp

# The register layer's back ends: the emulated board's (host) and the chip's (ESP-IDF).
UPANEL_LL_HOST_SRC = ll/host/host_bus.c
UPANEL_LL_ESP32_SRC = ll/esp32/bus_esp32.cpp

# hub75: the driver; its MicroPython object (built-in and native module alike); the built-in
# module's table (a native module has its own).
UPANEL_HUB75_DRIVER_SRC = drivers/hub75/hub75_matrix.cpp
UPANEL_HUB75_OBJ_SRC = micropython/hub75/hub75_obj.cpp
UPANEL_HUB75_MOD_SRC = micropython/hub75/modhub75.c

# ili9341: the same three parts.
UPANEL_ILI9341_DRIVER_SRC = drivers/ili9341/ili9341_display.cpp
UPANEL_ILI9341_OBJ_SRC = micropython/ili9341/ili9341_obj.cpp
UPANEL_ILI9341_MOD_SRC = micropython/ili9341/modili9341.c
