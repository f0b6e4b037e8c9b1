// lodepng allocates its results with the C library's malloc (LODEPNG_COMPILE_ALLOCATORS).
#include "lodepng_free.h"

#include <stdlib.h>

void lodepng_result_free(void *buffer) { free(buffer); }
