# The drivers as native .mpy modules: built for x64 and tested, with the same MicroPython
# test scripts as the built-ins, on a host firmware that has the emulator but no drivers;
# cross-built for armv7m and rv32imc as proof that they link as native modules there too.
set(UPANEL_NATMOD_X64 "${CMAKE_BINARY_DIR}/natmod/x64")
add_custom_target(natmod-x64 ALL
  COMMAND bash ${CMAKE_SOURCE_DIR}/tools/build-mpy.sh x64 ${UPANEL_NATMOD_X64} ${MICROPY_DIR}
  DEPENDS firmware-emu
  COMMENT "Building the native modules for x64"
  VERBATIM)

file(GLOB UPANEL_NATMOD_PY_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/py/test_hub75_*.py
     ${CMAKE_SOURCE_DIR}/tests/py/test_ili9341_*.py)
foreach(script ${UPANEL_NATMOD_PY_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME natmod.${name} COMMAND ${UPANEL_FIRMWARE_EMU} ${script}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/py)
  set_tests_properties(natmod.${name} PROPERTIES
    ENVIRONMENT "MICROPYPATH=${UPANEL_NATMOD_X64}:${CMAKE_SOURCE_DIR}/tests/py;${UPANEL_PY_ENV}")
endforeach()
# The ILI9341 as the chip's native module runs it, without an interrupt (polled), on the
# emulated board: the same scripts but test_ili9341_double_buffer, whose flush_ready must
# come while esp32sim.run_ms() lets time pass with no driver call, which needs the interrupt
# (polled, it comes from the next wait(), busy() or flush()).
set(UPANEL_NATMOD_POLLED "${CMAKE_BINARY_DIR}/natmod/x64-polled")
add_custom_target(natmod-x64-polled ALL
  COMMAND ${CMAKE_COMMAND} -E env UPANEL_NATMOD_CFLAGS=-DUPANEL_ILI9341_POLLED
          bash ${CMAKE_SOURCE_DIR}/tools/build-mpy.sh x64 ${UPANEL_NATMOD_POLLED} ${MICROPY_DIR}
  DEPENDS natmod-x64  # one build at a time in the shared MicroPython tree
  COMMENT "Building the native modules for x64 with the ILI9341 polled"
  VERBATIM)
file(GLOB UPANEL_NATMOD_POLLED_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/py/test_ili9341_*.py)
list(FILTER UPANEL_NATMOD_POLLED_TESTS EXCLUDE REGEX "test_ili9341_double_buffer")
foreach(script ${UPANEL_NATMOD_POLLED_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME natmod.polled.${name} COMMAND ${UPANEL_FIRMWARE_EMU} ${script}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/py)
  set_tests_properties(natmod.polled.${name} PROPERTIES
    ENVIRONMENT "MICROPYPATH=${UPANEL_NATMOD_POLLED}:${CMAKE_SOURCE_DIR}/tests/py;${UPANEL_PY_ENV}")
endforeach()

add_test(NAME natmod.abi COMMAND ${UPANEL_FIRMWARE_EMU} ${CMAKE_SOURCE_DIR}/tests/natmod/check_abi.py
         ${UPANEL_NATMOD_X64} ${CMAKE_BINARY_DIR}/natmod/abi)
set_tests_properties(natmod.abi PROPERTIES
  ENVIRONMENT "MICROPYPATH=${CMAKE_SOURCE_DIR}/tests/py")

foreach(arch armv7m rv32imc)
  add_test(NAME natmod.build.${arch}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tools/build-mpy.sh ${arch} ${CMAKE_BINARY_DIR}/natmod/${arch} ${MICROPY_DIR})
endforeach()

# xtensawin (ESP32) with Debian sid's LLVM: built, then checked against its objects by an
# independent reader of the ELF and the .mpy, which must also catch a planted wrong l32r.
# Not in the sanitizer build: no host code runs, the result would be the same files.
set(UPANEL_NATMOD_XTENSAWIN "${CMAKE_BINARY_DIR}/natmod/xtensawin")
set(UPANEL_XTENSAWIN_TESTS build check catches)
if(UPANEL_SANITIZE)
  set(UPANEL_XTENSAWIN_TESTS)
endif()
foreach(mode ${UPANEL_XTENSAWIN_TESTS})
  add_test(NAME natmod.xtensawin.${mode}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/natmod/xtensawin.sh ${mode}
                   ${UPANEL_NATMOD_XTENSAWIN} ${MICROPY_DIR})
  set_tests_properties(natmod.xtensawin.${mode} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
if(NOT UPANEL_SANITIZE)
  set_tests_properties(natmod.xtensawin.build PROPERTIES FIXTURES_SETUP natmod_xtensawin)
  set_tests_properties(natmod.xtensawin.check natmod.xtensawin.catches PROPERTIES
                       FIXTURES_REQUIRED natmod_xtensawin)
endif()

# The chip-side core under QEMU's Xtensa CPU, compiled like the xtensawin modules, against
# the same harness on the host.
add_executable(xtensa_core_digest_host ${CMAKE_SOURCE_DIR}/tests/xtensa/host_main.cpp
               ${CMAKE_SOURCE_DIR}/tests/xtensa/core_digest.cpp)
target_include_directories(xtensa_core_digest_host PRIVATE ${CMAKE_SOURCE_DIR}/tests/xtensa)
target_link_libraries(xtensa_core_digest_host PRIVATE upanel_core)
add_test(NAME xtensa.core_digest
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/xtensa/run-core-digest.sh
                 $<TARGET_FILE:xtensa_core_digest_host> ${CMAKE_BINARY_DIR}/xtensa/core_digest)
set_tests_properties(xtensa.core_digest PROPERTIES SKIP_RETURN_CODE 77)
