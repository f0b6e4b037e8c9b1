/* Stand-in <stdarg.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_STDARG_H
#define BENCH_FAKE_STDARG_H
typedef void *va_list;
#endif
