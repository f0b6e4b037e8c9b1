# Modules that mpbindgen generates from C headers, built into the host firmware.
# upanel_binding(NAME HEADERS h... [CXX_LINKAGE | CXX_API] [TEST] [CONFIG file]
#                [SOURCES c/cpp...] [INCLUDES dir...] [CFLAGS -I.../-D...] [LDFLAGS f...])
# CXX_LINKAGE: a C API compiled as C++ (extern "C" thunks); CXX_API: a C++ API (mpbindgen --cxx).
# TEST: a module for tests and benchmarks only, built into the test firmware
# (build/micropython-test), not into the user's (build/micropython). CFLAGS: -I and -D flags
# the headers need, for the generator and the firmware's compile alike (for LVGL's headers:
# CFLAGS ${UPANEL_LVGL_CFLAGS}, from cmake/lvgl.cmake).
set(UPANEL_GEN_DIR "${CMAKE_BINARY_DIR}/gen")
function(upanel_binding name)
  cmake_parse_arguments(B "CXX_LINKAGE;CXX_API;TEST" "CONFIG;INCLUDE_REGEX" "HEADERS;SOURCES;INCLUDES;CFLAGS;LDFLAGS" ${ARGN})
  set(kind UPANEL_BINDING)  # the global properties this module's parts go to
  if(B_TEST)
    set(kind UPANEL_TEST_BINDING)
  endif()
  set(out "${UPANEL_GEN_DIR}/${name}.c")
  set(pyi "${UPANEL_GEN_DIR}/${name}.pyi")
  set(args ${B_HEADERS} -M ${name} -o ${out} --pyi ${pyi} -q)
  set(outputs ${out} ${pyi})
  if(B_CXX_LINKAGE)  # a C API built as C++: extern "C" thunks
    set(thunks "${UPANEL_GEN_DIR}/${name}_thunks.cpp")
    list(APPEND args --cxx-thunks ${thunks})
    list(APPEND outputs ${thunks})
    set_property(GLOBAL APPEND PROPERTY ${kind}_CXX_SOURCES ${thunks})
  elseif(B_CXX_API)
    set(glue "${UPANEL_GEN_DIR}/${name}_glue.cpp")
    list(APPEND args --cxx ${glue})
    list(APPEND outputs ${glue})
    set_property(GLOBAL APPEND PROPERTY ${kind}_CXX_SOURCES ${glue})
  endif()
  if(B_CONFIG)
    list(APPEND args --config ${B_CONFIG})
  endif()
  if(B_INCLUDE_REGEX)
    list(APPEND args --include ${B_INCLUDE_REGEX})
  endif()
  set(includes "")
  foreach(h ${B_HEADERS})
    get_filename_component(dir ${h} DIRECTORY)
    list(APPEND includes ${dir})
  endforeach()
  list(APPEND includes ${B_INCLUDES})
  list(REMOVE_DUPLICATES includes)
  foreach(dir ${B_INCLUDES})
    list(APPEND args -I${dir})
  endforeach()
  list(APPEND args ${B_CFLAGS})
  # The headers of the INCLUDES folders too: what the given headers include is bound as well.
  set(included "")
  foreach(dir ${B_INCLUDES})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${dir}/*.h)
    list(APPEND included ${found})
  endforeach()
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${UPANEL_GEN_DIR}
    COMMAND mpbindgen ${args}
    DEPENDS mpbindgen ${B_HEADERS} ${B_CONFIG} ${included}
    COMMENT "mpbindgen: generating the ${name} module"
    VERBATIM)
  add_custom_target(gen-${name} DEPENDS ${out})
  set(c_sources ${B_SOURCES})
  set(cxx_sources ${B_SOURCES})
  list(FILTER c_sources EXCLUDE REGEX "\\.cpp$")
  list(FILTER cxx_sources INCLUDE REGEX "\\.cpp$")
  set_property(GLOBAL APPEND PROPERTY ${kind}_SOURCES ${out} ${c_sources})
  set_property(GLOBAL APPEND PROPERTY ${kind}_CXX_SOURCES ${cxx_sources})
  foreach(dir ${includes})
    set_property(GLOBAL APPEND PROPERTY ${kind}_CFLAGS -I${dir})
  endforeach()
  set_property(GLOBAL APPEND PROPERTY ${kind}_CFLAGS ${B_CFLAGS})
  set_property(GLOBAL APPEND PROPERTY ${kind}_LDFLAGS ${B_LDFLAGS})
  set_property(GLOBAL APPEND PROPERTY ${kind}_TARGETS gen-${name})
endfunction()

# The ESP-IDF subset of the seed's espidf module, on the idf shim (the real ESP-IDF on the chip);
# with LVGL, also lv_binding_micropython's hybrid ILI9341 path, which calls LVGL.
set(espidf_dir ${CMAKE_SOURCE_DIR}/micropython/espidf)
set(espidf_headers ${espidf_dir}/espidf.h)
set(espidf_sources ${espidf_dir}/ili9341_hybrid.c ${espidf_dir}/spi_callbacks.c ${espidf_dir}/cycle_count.c
  ${espidf_dir}/bind_forms.c)
if(upanel_lvgl_available)
  list(APPEND espidf_headers ${espidf_dir}/espidf_lvgl.h)
  list(APPEND espidf_sources ${espidf_dir}/ili9xxx_hybrid.c)
endif()
upanel_binding(espidf
  HEADERS ${espidf_headers}
  CONFIG ${espidf_dir}/espidf.cfg
  INCLUDE_REGEX "/(driver/gpio|driver/spi_common|driver/spi_master|esp_heap_caps|esp_intr_alloc|multi_heap|esp_log|esp_clk|esp_err|freertos/FreeRTOS|rom/ets_sys|rom/gpio|rom/lldesc|soc/soc)\\.h$"
  SOURCES ${espidf_sources}
  INCLUDES ${CMAKE_SOURCE_DIR}/idf/include)

# LVGL, from its own headers as lv_binding_micropython's lv_conf.h configures it
# (cmake/lvgl.cmake); its conventions are rules in lvgl.cfg.
if(upanel_lvgl_available)
  upanel_binding(lvgl
    HEADERS ${LVGL_DIR}/lvgl.h
    CONFIG ${CMAKE_SOURCE_DIR}/micropython/lvgl/lvgl.cfg
    INCLUDE_REGEX "/src/.*\\.h$"
    CFLAGS ${UPANEL_LVGL_CFLAGS})
endif()

# lodepng, from Debian's liblodepng-dev header as it is.
# Debian builds liblodepng as C++, so its C functions have C++ linkage.
upanel_binding(lodepng CXX_LINKAGE
  HEADERS /usr/include/lodepng.h ${CMAKE_SOURCE_DIR}/micropython/lodepng/lodepng_free.h
  SOURCES ${CMAKE_SOURCE_DIR}/micropython/lodepng/lodepng_free.c
  LDFLAGS -llodepng)

# mpbindgen's own test library: every kind of declaration it binds.
upanel_binding(mpbdemo TEST
  HEADERS ${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/mpbdemo.h
  CONFIG ${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/mpbdemo.cfg
  SOURCES ${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/mpbdemo.c
          ${CMAKE_SOURCE_DIR}/bench/binding/modmpbhand.c)  # the hand-written reference

# mpbindgen's C++ test library: classes, overloads, namespaces and the standard types.
upanel_binding(shapes CXX_API TEST
  HEADERS ${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/shapes.hpp
  SOURCES ${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/shapes.cpp
          ${CMAKE_SOURCE_DIR}/bench/binding/modcxxhand.c ${CMAKE_SOURCE_DIR}/bench/binding/cxxhand.cpp)  # hand-written reference

# UPANEL_BINDING_*: the user firmware's modules; UPANEL_TEST_BINDING_*: the test firmware's
# further ones.
foreach(kind UPANEL_BINDING UPANEL_TEST_BINDING)
  foreach(part SOURCES CXX_SOURCES CFLAGS LDFLAGS TARGETS)
    get_property(${kind}_${part} GLOBAL PROPERTY ${kind}_${part})
  endforeach()
endforeach()
