# The host firmware: MicroPython's unix port with upanel's modules and the emulated board.
set(MICROPY_DIR "$ENV{MICROPY_DIR}" CACHE PATH "MicroPython source tree (default: Debian's source package, fetched)")
if(NOT MICROPY_DIR)
  set(MICROPY_DIR "${CMAKE_BINARY_DIR}/src/micropython")
  if(NOT EXISTS "${MICROPY_DIR}/py/mpconfig.h")
    execute_process(COMMAND bash "${CMAKE_SOURCE_DIR}/tools/fetch-micropython.sh" "${MICROPY_DIR}"
                    RESULT_VARIABLE fetch_result)
    if(NOT fetch_result EQUAL 0)
      message(FATAL_ERROR "Fetching MicroPython failed; set MICROPY_DIR to a MicroPython checkout")
    endif()
  endif()
endif()
if(NOT EXISTS "${MICROPY_DIR}/py/mpconfig.h")
  message(FATAL_ERROR "MICROPY_DIR=${MICROPY_DIR} is not a MicroPython source tree")
endif()

include(cmake/bindings.cmake)

set(UPANEL_FIRMWARE "${CMAKE_BINARY_DIR}/micropython")
set(UPANEL_FIRMWARE_LIBS
  $<TARGET_FILE:upanel_hub75> $<TARGET_FILE:upanel_ili9341> $<TARGET_FILE:upanel_idf> $<TARGET_FILE:upanel_live> $<TARGET_FILE:upanel_emu> $<TARGET_FILE:upanel_core>
  $<TARGET_FILE:upanel_ll_host>)
set(UPANEL_SAN_FLAGS "")
set(UPANEL_MP_CFLAGS "")
if(UPANEL_SANITIZE)
  set(UPANEL_SAN_FLAGS "-fsanitize=address,undefined -fno-omit-frame-pointer")
  # MicroPython's own assembler NLR jumps past ASan's view of the stack; setjmp/longjmp it sees.
  set(UPANEL_MP_CFLAGS "-DMICROPY_NLR_SETJMP=1 -Wno-clobbered ${UPANEL_SAN_FLAGS}")
endif()

# Python frozen into the firmware with drivers: MicroPython's asyncio (micropython/manifest.py),
# compiled by mpy-cross, which is built first on its own: built by the firmware's make, it
# would get that make's variables (BUILD, CFLAGS_EXTRA, ...). The manifest takes nothing from
# micropython-lib, which Debian's tarball lacks, but the port's make checks for its README.md:
# without it, MPY_LIB_DIR points at the MicroPython tree itself.
add_custom_target(mpy-cross
  COMMAND bash ${CMAKE_SOURCE_DIR}/tools/build-mpy-cross.sh ${MICROPY_DIR}
  COMMENT "Building mpy-cross"
  VERBATIM)
set(UPANEL_FROZEN_MANIFEST "${CMAKE_SOURCE_DIR}/micropython/manifest.py")
set(UPANEL_MPY_LIB_DIR "")
if(NOT EXISTS "${MICROPY_DIR}/lib/micropython-lib/README.md")
  set(UPANEL_MPY_LIB_DIR "MPY_LIB_DIR=${MICROPY_DIR}")
endif()

# upanel_firmware(TARGET OUTPUT [NO_DRIVERS] [TEST_MODULES]): the user's firmware by default,
# with LVGL linked in when it was found (cmake/lvgl.cmake); NO_DRIVERS leaves the driver
# modules, the generated ones, LVGL and the frozen Python out, for loading the drivers as
# native modules; TEST_MODULES adds the modules only tests and benchmarks use (upanel_binding
# ... TEST: mpbindgen's test libraries and the hand-written references they are measured
# against; lvglcheck, LVGL's probe).
function(upanel_firmware target output)
  cmake_parse_arguments(F "NO_DRIVERS;TEST_MODULES" "" "" ${ARGN})
  set(libs ${UPANEL_FIRMWARE_LIBS})
  set(deps "")
  set(env "")
  set(options FROZEN_MANIFEST=${UPANEL_FROZEN_MANIFEST} ${UPANEL_MPY_LIB_DIR})
  if(F_NO_DRIVERS)
    set(options UPANEL_NO_DRIVERS=1 FROZEN_MANIFEST=)
  elseif(upanel_lvgl_available)
    list(APPEND libs $<TARGET_FILE:upanel_lvgl>)
    list(APPEND deps upanel_lvgl)
    list(JOIN UPANEL_LVGL_CFLAGS " " lvgl_cflags)
    list(APPEND options "UPANEL_LVGL_DIR=${LVGL_DIR}" "UPANEL_LVGL_CFLAGS=${lvgl_cflags}")
    set(env ${CMAKE_COMMAND} -E env "UPANEL_LV_BINDING_LIB=${LV_BINDING_DIR}/lib")  # micropython/manifest.py
    if(F_TEST_MODULES)
      list(APPEND options "UPANEL_LVGL_CHECK_SRC=${CMAKE_SOURCE_DIR}/tests/lvgl/modlvglcheck.c")
    endif()
  endif()
  foreach(part SOURCES CXX_SOURCES CFLAGS LDFLAGS TARGETS)
    set(${part} ${UPANEL_BINDING_${part}})
    if(F_TEST_MODULES)
      list(APPEND ${part} ${UPANEL_TEST_BINDING_${part}})
    endif()
  endforeach()
  set(build_dir "${CMAKE_BINARY_DIR}/${target}")
  add_custom_target(${target} ALL
    COMMAND ${CMAKE_COMMAND} -E rm -f "${build_dir}/micropython"
    COMMAND ${env} make -C "${MICROPY_DIR}/ports/unix" -j2
            VARIANT_DIR=${CMAKE_SOURCE_DIR}/micropython/variant/upanel
            BUILD=${build_dir} PROG=micropython
            USER_C_MODULES=${CMAKE_SOURCE_DIR}/micropython
            UPANEL_ROOT=${CMAKE_SOURCE_DIR} ${options}
            "UPANEL_LIBS=$<JOIN:${libs}, >"
            "UPANEL_SAN_FLAGS=${UPANEL_SAN_FLAGS}"
            "UPANEL_BINDINGS_SRC=$<JOIN:${SOURCES}, >"
            "UPANEL_BINDINGS_CXX_SRC=$<JOIN:${CXX_SOURCES}, >"
            "UPANEL_BINDINGS_CFLAGS=$<JOIN:${CFLAGS}, >"
            "UPANEL_BINDINGS_LDFLAGS=$<JOIN:${LDFLAGS}, >"
            "CFLAGS_EXTRA=${UPANEL_MP_CFLAGS}" STRIP=true MICROPY_ROM_TEXT_COMPRESSION=0
            MICROPY_PY_BTREE=0 MICROPY_PY_SSL=0 V=0
    COMMAND ${CMAKE_COMMAND} -E copy "${build_dir}/micropython" "${output}"
    DEPENDS upanel_hub75 upanel_ili9341 upanel_idf upanel_live upanel_emu upanel_core upanel_ll_host
            mpy-cross ${deps} ${TARGETS}
    COMMENT "Building ${output}"
    VERBATIM)
endfunction()

# The user's firmware: drivers, emulator, generated modules.
upanel_firmware(firmware "${UPANEL_FIRMWARE}")
# The same with the modules tests and benchmarks use.
set(UPANEL_FIRMWARE_TEST "${CMAKE_BINARY_DIR}/micropython-test")
upanel_firmware(firmware-test "${UPANEL_FIRMWARE_TEST}" TEST_MODULES)
# The emulator without the drivers, for their native modules.
set(UPANEL_FIRMWARE_EMU "${CMAKE_BINARY_DIR}/micropython-emu")
upanel_firmware(firmware-emu "${UPANEL_FIRMWARE_EMU}" NO_DRIVERS)
# One make at a time in the shared source tree.
add_dependencies(firmware-test firmware)
add_dependencies(firmware-emu firmware-test)
