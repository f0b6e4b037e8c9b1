# upanel's modules for MicroPython's esp32 port (ESP-IDF, CMake):
#   make -C ports/esp32 USER_C_MODULES=/path/to/upanel/micropython/micropython.cmake
# The same driver sources as the host firmware, with the register layer's chip back end.
# esp32sim is the emulator and exists only in the host firmware. No ESP32 toolchain is
# reachable where upanel is developed, so this file is kept simple and is not built in CI.
# The source lists are the host build's (sources.mk at the repository root).
get_filename_component(UPANEL_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
include(${UPANEL_ROOT}/cmake/sources.cmake)

add_library(usermod_upanel INTERFACE)
target_sources(usermod_upanel INTERFACE
  ${UPANEL_HUB75_MOD_SRC} ${UPANEL_HUB75_OBJ_SRC} ${UPANEL_HUB75_DRIVER_SRC}
  ${UPANEL_ILI9341_MOD_SRC} ${UPANEL_ILI9341_OBJ_SRC} ${UPANEL_ILI9341_DRIVER_SRC}
  ${UPANEL_CORE_HUB75_SRC} ${UPANEL_CORE_ILI9341_SRC} ${UPANEL_LL_ESP32_SRC})
target_include_directories(usermod_upanel INTERFACE
  ${UPANEL_ROOT}/micropython/hub75 ${UPANEL_ROOT}/drivers/hub75
  ${UPANEL_ROOT}/micropython/ili9341 ${UPANEL_ROOT}/drivers/ili9341
  ${UPANEL_ROOT}/core/include ${UPANEL_ROOT}/ll/include)
target_compile_options(usermod_upanel INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-std=gnu++17 -fno-exceptions -fno-rtti>)
target_link_libraries(usermod INTERFACE usermod_upanel)
