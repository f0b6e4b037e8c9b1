/* Stand-in <math.h> for preprocessing LVGL's headers for pycparser (bench/lvgl/compare.sh). */
#ifndef BENCH_FAKE_MATH_H
#define BENCH_FAKE_MATH_H
#define M_PI 3.14159265358979323846
#define NAN (0.0f / 0.0f)
#define INFINITY (1.0f / 0.0f)
#endif
