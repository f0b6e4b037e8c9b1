# upanel's modules for MicroPython's esp32 port (ESP-IDF, CMake):
#   make -C ports/esp32 USER_C_MODULES=/path/to/upanel/micropython/micropython.cmake
# The same driver sources as the host firmware, with the register layer's chip back end.
# esp32sim is the emulator and exists only in the host firmware. No ESP32 toolchain is
# reachable where upanel is developed, so this file is kept simple and is not built in CI.
get_filename_component(UPANEL_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)

add_library(usermod_upanel INTERFACE)
target_sources(usermod_upanel INTERFACE
  ${UPANEL_ROOT}/micropython/hub75/modhub75.c
  ${UPANEL_ROOT}/micropython/hub75/hub75_obj.cpp
  ${UPANEL_ROOT}/drivers/hub75/hub75_matrix.cpp
  ${UPANEL_ROOT}/micropython/ili9341/modili9341.c
  ${UPANEL_ROOT}/micropython/ili9341/ili9341_obj.cpp
  ${UPANEL_ROOT}/drivers/ili9341/ili9341_display.cpp
  ${UPANEL_ROOT}/core/src/bcm_plan.cpp
  ${UPANEL_ROOT}/core/src/hub75_encoder.cpp
  ${UPANEL_ROOT}/core/src/hub75_chain.cpp
  ${UPANEL_ROOT}/ll/esp32/bus_esp32.cpp)
target_include_directories(usermod_upanel INTERFACE
  ${UPANEL_ROOT}/micropython/hub75 ${UPANEL_ROOT}/drivers/hub75
  ${UPANEL_ROOT}/micropython/ili9341 ${UPANEL_ROOT}/drivers/ili9341
  ${UPANEL_ROOT}/core/include ${UPANEL_ROOT}/ll/include)
target_compile_options(usermod_upanel INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-std=gnu++17 -fno-exceptions -fno-rtti>)
target_link_libraries(usermod INTERFACE usermod_upanel)
