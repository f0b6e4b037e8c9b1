/* Stand-in <stdlib.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_STDLIB_H
#define BENCH_FAKE_STDLIB_H
#include <stddef.h>
#endif
