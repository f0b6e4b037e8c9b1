# The chip code compiled for 32-bit freestanding targets with Debian's cross compilers.
foreach(arch armv7m rv32imc)
  add_test(NAME cross.${arch}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tools/cross-check.sh ${arch} ${CMAKE_BINARY_DIR}/cross/${arch})
endforeach()
