/* Stand-in <inttypes.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_INTTYPES_H
#define BENCH_FAKE_INTTYPES_H
#include <stdint.h>
#define PRId32 "d"
#define PRIu32 "u"
#define PRIx32 "x"
#define PRIX32 "X"
#define PRId64 "ld"
#define PRIu64 "lu"
#define PRIx64 "lx"
#define PRIX64 "lX"
#endif
