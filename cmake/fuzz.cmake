# libFuzzer targets, built with clang (the fuzzer runtime is clang's) from the emulator's own
# sources, and run for a fixed number of seeded inputs as tests.
find_program(UPANEL_CLANGXX clang++)
if(NOT UPANEL_CLANGXX)
  message(FATAL_ERROR "clang++ is needed for the fuzz targets (Debian package clang)")
endif()
file(GLOB UPANEL_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/emu/src/*.cpp ${CMAKE_SOURCE_DIR}/core/src/*.cpp)
set(UPANEL_FUZZ_BOARD "${CMAKE_BINARY_DIR}/fuzz/board_fuzz")
add_custom_command(
  OUTPUT ${UPANEL_FUZZ_BOARD}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/fuzz
  COMMAND ${UPANEL_CLANGXX} -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined
          -fno-sanitize-recover=all -DUPANEL_LL_HOST=1
          -I${CMAKE_SOURCE_DIR}/emu/include -I${CMAKE_SOURCE_DIR}/core/include
          -I${CMAKE_SOURCE_DIR}/ll/include
          ${CMAKE_SOURCE_DIR}/tests/fuzz/board_fuzz.cpp ${UPANEL_FUZZ_SOURCES}
          -x c++ ${CMAKE_SOURCE_DIR}/ll/host/host_bus.c -x none -lpng -o ${UPANEL_FUZZ_BOARD}
  DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/board_fuzz.cpp ${UPANEL_FUZZ_SOURCES}
  COMMENT "Building the board fuzzer with clang"
  VERBATIM)
add_custom_target(fuzzers ALL DEPENDS ${UPANEL_FUZZ_BOARD})
# 5,000 seeded inputs in CI (about 15 s); longer: build/fuzz/board_fuzz -max_total_time=600
add_test(NAME fuzz.board COMMAND ${UPANEL_FUZZ_BOARD} -seed=1 -runs=5000 -max_len=512 -timeout=10)

# mpbindgen's front end on arbitrary header text, seeded with real headers (copied: libFuzzer
# adds what it finds to the first corpus folder).
set(UPANEL_FUZZ_MPB "${CMAKE_BINARY_DIR}/fuzz/mpbindgen_fuzz")
file(GLOB UPANEL_MPB_FUZZ_SOURCES ${CMAKE_SOURCE_DIR}/mpbindgen/src/*.cpp)
list(FILTER UPANEL_MPB_FUZZ_SOURCES EXCLUDE REGEX "/main\\.cpp$")
add_custom_command(
  OUTPUT ${UPANEL_FUZZ_MPB}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/fuzz
  COMMAND ${UPANEL_CLANGXX} -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
          -I${CMAKE_SOURCE_DIR}/mpbindgen/src -I${LIBCLANG_INCLUDE}
          ${CMAKE_SOURCE_DIR}/tests/fuzz/mpbindgen_fuzz.cpp ${UPANEL_MPB_FUZZ_SOURCES} ${LIBCLANG_LIB}
          -o ${UPANEL_FUZZ_MPB}
  DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/mpbindgen_fuzz.cpp ${UPANEL_MPB_FUZZ_SOURCES}
  COMMENT "Building the mpbindgen fuzzer with clang"
  VERBATIM)
add_custom_target(fuzzer-mpbindgen ALL DEPENDS ${UPANEL_FUZZ_MPB})
set(UPANEL_MPB_CORPUS "${CMAKE_BINARY_DIR}/fuzz/mpbindgen_corpus")
add_test(NAME fuzz.mpbindgen
         COMMAND sh -c "rm -rf '${UPANEL_MPB_CORPUS}' && mkdir -p '${UPANEL_MPB_CORPUS}' && cp '${CMAKE_SOURCE_DIR}/tests/mpbindgen/demo/mpbdemo.h' '${CMAKE_SOURCE_DIR}/tests/fuzz/seeds/cxx_api.hpp' '${CMAKE_SOURCE_DIR}/micropython/lodepng/lodepng_free.h' '${UPANEL_MPB_CORPUS}/' && exec '${UPANEL_FUZZ_MPB}' -seed=1 -runs=1500 -max_len=4096 -timeout=20 '${UPANEL_MPB_CORPUS}'")
