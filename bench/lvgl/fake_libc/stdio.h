/* Stand-in <stdio.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_STDIO_H
#define BENCH_FAKE_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct _IO_FILE FILE;
#define EOF (-1)
#endif
