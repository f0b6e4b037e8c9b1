/* Stand-in <string.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_STRING_H
#define BENCH_FAKE_STRING_H
#include <stddef.h>
#endif
