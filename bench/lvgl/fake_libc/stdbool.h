/* Stand-in <stdbool.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh):
 * bool as a typedef, which the reference generator knows by that name. */
#ifndef BENCH_FAKE_STDBOOL_H
#define BENCH_FAKE_STDBOOL_H
typedef _Bool bool;
#define true 1
#define false 0
#endif
