/* Memory by capability. On the emulated board, MALLOC_CAP_DMA memory comes from the
 * emulated DMA-capable internal RAM (chip addresses 0x3FFAE000..0x3FFFFFFF, word aligned;
 * zeroed on the host, which ESP-IDF does not promise), the only memory the SPI and I2S DMA engines can read; there is no PSRAM, so
 * MALLOC_CAP_SPIRAM gives NULL, and no executable heap, so MALLOC_CAP_EXEC gives NULL too.
 * Other requests are served by the host's malloc. The size queries describe the emulated
 * internal RAM: host malloc memory is not counted. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MALLOC_CAP_EXEC (1 << 0)      /* executable */
#define MALLOC_CAP_32BIT (1 << 1)     /* 32-bit access only */
#define MALLOC_CAP_8BIT (1 << 2)      /* byte access */
#define MALLOC_CAP_DMA (1 << 3)       /* readable by DMA engines */
#define MALLOC_CAP_PID2 (1 << 4)
#define MALLOC_CAP_PID3 (1 << 5)
#define MALLOC_CAP_PID4 (1 << 6)
#define MALLOC_CAP_PID5 (1 << 7)
#define MALLOC_CAP_PID6 (1 << 8)
#define MALLOC_CAP_PID7 (1 << 9)
#define MALLOC_CAP_SPIRAM (1 << 10)   /* external PSRAM */
#define MALLOC_CAP_INTERNAL (1 << 11) /* internal RAM */
#define MALLOC_CAP_DEFAULT (1 << 12)  /* what malloc() gives */
#define MALLOC_CAP_IRAM_8BIT (1 << 13)
#define MALLOC_CAP_RETENTION (1 << 14)
#define MALLOC_CAP_RTCRAM (1 << 15)
#define MALLOC_CAP_INVALID (1u << 31) /* unsigned here: 1 << 31 overflows an int */

/** size bytes with all the capabilities in caps, or NULL (also for size 0). */
void *heap_caps_malloc(size_t size, uint32_t caps);

/** n * size zeroed bytes with the capabilities in caps, or NULL (also on overflow). */
void *heap_caps_calloc(size_t n, size_t size, uint32_t caps);

/** Frees memory from heap_caps_malloc or heap_caps_calloc; NULL is ignored. */
void heap_caps_free(void *ptr);

/** Free bytes in the memory that has all the capabilities in caps (0 for SPIRAM and EXEC). */
size_t heap_caps_get_free_size(uint32_t caps);

/** The largest block heap_caps_malloc(size, caps) could give at the moment. */
size_t heap_caps_get_largest_free_block(uint32_t caps);

#ifdef __cplusplus
}
#endif
