# LVGL v9.3.0 as a static library for the host firmware, configured by lv_binding_micropython's
# lv_conf.h as it is, so that code written for the reference binding renders the same.
# LVGL_DIR and LV_BINDING_DIR name the two trees (default: from the environment, else cloned
# into the build folder where the network allows). Without them the firmware is built without
# LVGL and the LVGL tests report themselves skipped.
#
# For code compiled against LVGL's headers (the generated lvgl module):
#   upanel_lvgl_available   ON when LVGL is built
#   UPANEL_LVGL_INCLUDE_DIRS, UPANEL_LVGL_DEFINITIONS, and both as compiler flags in
#   UPANEL_LVGL_CFLAGS (-I... -D...), which the firmware's make is given; link upanel_lvgl
#   (in the firmware: it is among the libraries of every firmware with drivers).
set(_upanel_doc_LVGL_DIR "LVGL v9.3.0 source tree (default: cloned into the build folder)")
set(_upanel_doc_LV_BINDING_DIR
    "lv_binding_micropython at ac5d06c7d76b, whose lv_conf.h configures LVGL (default: cloned)")
foreach(var LVGL_DIR LV_BINDING_DIR)
  set(${var} "$ENV{${var}}" CACHE PATH "${_upanel_doc_${var}}")
  if(NOT ${var} AND NOT "$ENV{${var}}" STREQUAL "")  # set in the environment after a first configure
    set(${var} "$ENV{${var}}" CACHE PATH "${_upanel_doc_${var}}" FORCE)
  endif()
endforeach()

# upanel_lvgl_clone(DIR GIT-CLONE-ARGS... [CHECKOUT commit]): into DIR, all or nothing, quietly.
function(upanel_lvgl_clone dir)
  cmake_parse_arguments(C "" "CHECKOUT" "" ${ARGN})
  if(EXISTS "${dir}")
    return()
  endif()
  find_package(Git QUIET)
  if(NOT GIT_FOUND)
    return()
  endif()
  set(tmp "${dir}.part")
  file(REMOVE_RECURSE "${tmp}")
  execute_process(COMMAND ${GIT_EXECUTABLE} clone --quiet ${C_UNPARSED_ARGUMENTS} "${tmp}"
                  RESULT_VARIABLE r OUTPUT_QUIET ERROR_QUIET TIMEOUT 600)
  if(r EQUAL 0 AND C_CHECKOUT)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C "${tmp}" checkout --quiet ${C_CHECKOUT}
                    RESULT_VARIABLE r OUTPUT_QUIET ERROR_QUIET)
  endif()
  if(r EQUAL 0)
    file(RENAME "${tmp}" "${dir}")
  else()
    file(REMOVE_RECURSE "${tmp}")
  endif()
endfunction()

# Given ones must be what they say; missing ones are cloned once per build folder (a refused
# network is not asked again: clear UPANEL_LVGL_CLONE_TRIED in the cache to retry).
foreach(var LVGL_DIR LV_BINDING_DIR)
  if(${var} AND NOT IS_ABSOLUTE "${${var}}")
    get_filename_component(${var} "${${var}}" ABSOLUTE BASE_DIR "${CMAKE_SOURCE_DIR}")
  endif()
endforeach()
if(LVGL_DIR AND NOT EXISTS "${LVGL_DIR}/lvgl.h")
  message(FATAL_ERROR "LVGL_DIR=${LVGL_DIR} is not an LVGL source tree")
endif()
if(LV_BINDING_DIR AND NOT EXISTS "${LV_BINDING_DIR}/lv_conf.h")
  message(FATAL_ERROR "LV_BINDING_DIR=${LV_BINDING_DIR} is not lv_binding_micropython (no lv_conf.h)")
endif()
if((NOT LVGL_DIR OR NOT LV_BINDING_DIR) AND NOT UPANEL_LVGL_CLONE_TRIED)
  if(NOT LVGL_DIR)
    upanel_lvgl_clone("${CMAKE_BINARY_DIR}/src/lvgl"
                      --depth 1 --branch v9.3.0 https://github.com/lvgl/lvgl)
  endif()
  if(NOT LV_BINDING_DIR)
    upanel_lvgl_clone("${CMAKE_BINARY_DIR}/src/lv_binding_micropython"
                      https://github.com/lvgl/lv_binding_micropython CHECKOUT ac5d06c7d76b)
  endif()
  set(UPANEL_LVGL_CLONE_TRIED ON CACHE INTERNAL "")
endif()
if(NOT LVGL_DIR AND EXISTS "${CMAKE_BINARY_DIR}/src/lvgl/lvgl.h")
  set(LVGL_DIR "${CMAKE_BINARY_DIR}/src/lvgl")
endif()
if(NOT LV_BINDING_DIR AND EXISTS "${CMAKE_BINARY_DIR}/src/lv_binding_micropython/lv_conf.h")
  set(LV_BINDING_DIR "${CMAKE_BINARY_DIR}/src/lv_binding_micropython")
endif()

set(upanel_lvgl_available OFF)
set(UPANEL_LVGL_INCLUDE_DIRS "")
set(UPANEL_LVGL_DEFINITIONS "")
set(UPANEL_LVGL_CFLAGS "")
if(NOT LVGL_DIR OR NOT LV_BINDING_DIR)
  message(NOTICE "LVGL: not found (set LVGL_DIR and LV_BINDING_DIR; cloning them failed): the firmware is built without lvgl")
  return()
endif()
set(upanel_lvgl_available ON)

# lv_conf.h is found as "lv_conf.h" (LV_CONF_INCLUDE_SIMPLE): upanel's (micropython/lvgl/conf),
# which includes the binding's and only makes a failed assertion raise instead of hang; no
# Kconfig (LV_KCONFIG_IGNORE), as LVGL's own CMake build does.
set(UPANEL_LVGL_INCLUDE_DIRS "${CMAKE_SOURCE_DIR}/micropython/lvgl/conf" "${LVGL_DIR}" "${LV_BINDING_DIR}")
set(UPANEL_LVGL_DEFINITIONS LV_CONF_INCLUDE_SIMPLE LV_KCONFIG_IGNORE)
foreach(dir ${UPANEL_LVGL_INCLUDE_DIRS})
  list(APPEND UPANEL_LVGL_CFLAGS "-I${dir}")
endforeach()
foreach(def ${UPANEL_LVGL_DEFINITIONS})
  list(APPEND UPANEL_LVGL_CFLAGS "-D${def}")
endforeach()

# Every C file of LVGL's src/ (what its own CMake build compiles, without its install and
# packaging parts and without ThorVG, which this lv_conf.h leaves off), but one:
# src/stdlib/micropython/lv_mem_core_micropython.c, the allocator on MicroPython's heap, needs
# MicroPython's headers as the port configures them, so the firmware's make compiles it with
# the port's own flags (micropython/lvgl/micropython.mk).
file(GLOB_RECURSE upanel_lvgl_sources CONFIGURE_DEPENDS "${LVGL_DIR}/src/*.c")
list(FILTER upanel_lvgl_sources EXCLUDE REGEX "/src/stdlib/micropython/")
add_library(upanel_lvgl STATIC ${upanel_lvgl_sources})
target_include_directories(upanel_lvgl SYSTEM PUBLIC ${UPANEL_LVGL_INCLUDE_DIRS})
target_compile_definitions(upanel_lvgl PUBLIC ${UPANEL_LVGL_DEFINITIONS})
target_compile_options(upanel_lvgl PRIVATE -w)  # a dependency, built as it is: its warnings are its own
# LVGL's own copy of lodepng (LV_USE_LODEPNG) is C, and three of its global variables have the
# names of those of Debian's liblodepng (C++, which does not mangle variables), behind the
# firmware's lodepng module: linked first, LVGL's copies would stand in for the library's.
# Renamed in LVGL's build, each library keeps its own (tests/lvgl/symbols_check.py).
target_compile_definitions(upanel_lvgl PRIVATE
  LODEPNG_VERSION_STRING=lv_lodepng_VERSION_STRING
  lodepng_default_compress_settings=lv_lodepng_default_compress_settings
  lodepng_default_decompress_settings=lv_lodepng_default_decompress_settings)
