/* Beside Debian's lodepng.h for the lodepng MicroPython module: the one thing a caller from
 * MicroPython also needs, giving back the memory lodepng allocated for a result. */
#ifndef UPANEL_LODEPNG_FREE_H
#define UPANEL_LODEPNG_FREE_H

#ifdef __cplusplus
extern "C" {
#endif

/** Frees a buffer lodepng allocated for a result (the `out` of a decode or encode). */
void lodepng_result_free(void *buffer);

#ifdef __cplusplus
}
#endif

#endif
