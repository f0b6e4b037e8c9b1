// The C++ half of the hand-written reference for the C++ rows of the call-overhead benchmark
// (modcxxhand.c): what a MicroPython module author writes to call shapes.hpp from C.
#include "shapes.hpp"

extern "C" {

void *cxxhand_point_new(double x, double y) { return new geo::Point(x, y); }
void cxxhand_point_delete(void *p) { delete static_cast<geo::Point *>(p); }
double cxxhand_point_norm(void *p) { return static_cast<geo::Point *>(p)->norm(); }
int cxxhand_scale_int(int v, int by) { return text::scale(v, by); }
double cxxhand_scale_double(double v, double by) { return text::scale(v, by); }

}  // extern "C"
