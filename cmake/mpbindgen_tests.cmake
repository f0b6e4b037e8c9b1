# mpbindgen: the command (generator_check.py) and the generated modules from MicroPython.
# Scripts that import the test modules (mpbdemo, shapes and the hand-written references) run
# on the test firmware, the others on the user's.
add_test(NAME mpbindgen.generator
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/mpbindgen/generator_check.py
                 $<TARGET_FILE:mpbindgen> ${MICROPY_DIR} ${CMAKE_BINARY_DIR}/firmware-test)
file(GLOB UPANEL_MPB_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/mpbindgen/test_*.py)
foreach(script ${UPANEL_MPB_TESTS})
  get_filename_component(name ${script} NAME_WE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${script})  # read here
  file(STRINGS ${script} test_imports REGEX "^ *(import|from) +(mpbdemo|shapes|mpbhand|cxxhand)([ .,]|$)")
  set(fw ${UPANEL_FIRMWARE})
  if(test_imports)
    set(fw ${UPANEL_FIRMWARE_TEST})
  endif()
  add_test(NAME mpbindgen.${name} COMMAND ${fw} ${script}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/mpbindgen)
  set_tests_properties(mpbindgen.${name} PROPERTIES
    ENVIRONMENT "MICROPYPATH=.frozen:${CMAKE_SOURCE_DIR}/tests/mpbindgen:${CMAKE_SOURCE_DIR}/tests/py:${CMAKE_SOURCE_DIR}/examples;${UPANEL_PY_ENV}")
endforeach()
# A script of tests/mpbindgen run by FIRMWARE, its output holding each EXPECTED text
# (run_expect.py: "stdout:" texts on stdout, the others on stderr).
function(upanel_expect_test name firmware script)
  add_test(NAME ${name}
           COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/mpbindgen/run_expect.py ${firmware}
                   ${CMAKE_SOURCE_DIR}/tests/mpbindgen/${script} ${ARGN})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "MICROPYPATH=${CMAKE_SOURCE_DIR}/tests/mpbindgen;${UPANEL_PY_ENV}")
endfunction()
# What interrupt-context callbacks report instead of raising.
upanel_expect_test(mpbindgen.isr_reports ${UPANEL_FIRMWARE_TEST} test_isr.py
                   "mpbindgen: exception in hard callback demo_irq_attach.isr"
                   "MemoryError: memory allocation failed, heap is locked"
                   "mpbindgen: scheduled callback demo_soft_attach.isr dropped (1 so far)")
# What the ets_* and logging functions print (stdout) from MicroPython.
upanel_expect_test(mpbindgen.ets_output ${UPANEL_FIRMWARE} test_espidf_ets.py
                   "stdout:ets_printf: 42 ok\n100% sure\n!\n"
                   "stdout:W tag: esp_log_write 7\n"
                   "stdout:: 01 ab \n"
                   "stdout:ValueError: in a timer"
                   "ESP_ERROR_CHECK_WITHOUT_ABORT failed: esp_err_t 0x101 (ESP_ERR_NO_MEM) at script.py:12 in main(): alloc()")
# What heap_caps_print_heap_info prints from MicroPython (stdout).
upanel_expect_test(mpbindgen.heap_output ${UPANEL_FIRMWARE} test_espidf_heap.py
                   "stdout:Heap summary for capabilities 0x00000008:\n  At 0x3ffb0000 len "
                   "stdout:  Totals:\n    free ")
# lodepng round trip against an independent PNG encoder and decoder.
add_test(NAME mpbindgen.lodepng
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/mpbindgen/lodepng_check.py ${UPANEL_FIRMWARE})
# test_espidf_names checks every name of the second seed's help(esp) listing, read from the
# seed's transcript when it is there (the shared seeds beside the source tree by default).
set(UPANEL_SEEDS_DIR "${CMAKE_SOURCE_DIR}/../shared/seeds" CACHE PATH "the seeds' transcripts")
set(upanel_seed_esp_listing "${UPANEL_SEEDS_DIR}/002_b135de24d17c8a22.txt")
if(EXISTS "${upanel_seed_esp_listing}")
  set_property(TEST mpbindgen.test_espidf_names APPEND PROPERTY
               ENVIRONMENT "UPANEL_SEED_ESP_LISTING=${upanel_seed_esp_listing}")
else()
  message(STATUS "upanel: no ${upanel_seed_esp_listing}: test_espidf_names checks its own list only")
endif()
