/* Memory by capability. On the emulated board, MALLOC_CAP_DMA memory comes from the
 * emulated DMA-capable internal RAM (chip addresses 0x3FFAE000..0x3FFFFFFF, word aligned;
 * zeroed on the host, which ESP-IDF does not promise), the only memory the SPI and I2S DMA engines can read;
 * there is no PSRAM, so MALLOC_CAP_SPIRAM gives NULL, and no executable heap, so MALLOC_CAP_EXEC gives NULL
 * too. Other requests are served by the host's malloc. The size queries, figures, checks and dumps describe
 * the emulated internal RAM: host malloc memory is not counted. Its free memory holds 0xFE (ESP-IDF's heap
 * poisoning fill), which the integrity checks look at. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "multi_heap.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MALLOC_CAP_EXEC (1 << 0)  /* executable */
#define MALLOC_CAP_32BIT (1 << 1) /* 32-bit access only */
#define MALLOC_CAP_8BIT (1 << 2)  /* byte access */
#define MALLOC_CAP_DMA (1 << 3)   /* readable by DMA engines */
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

/** Resizes ptr (from heap_caps_malloc, or NULL: heap_caps_malloc) to size bytes with the
 *  capabilities in caps, keeping its bytes; size 0 frees it and gives NULL. DMA-capable memory
 *  moves to a new block; host memory grows in place when it can. NULL when there is no room
 *  (ptr stays) or caps asks for what the board does not have. */
void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps);

/** heap_caps_malloc with each of `num` capability sets (uint32_t varargs) in turn, until
 *  one gives memory: MALLOC_CAP_SPIRAM first, say, then MALLOC_CAP_DEFAULT. NULL when none
 *  does (or num is 0). */
void *heap_caps_malloc_prefer(size_t size, size_t num, ...);

/** heap_caps_realloc with each of `num` capability sets in turn, as heap_caps_malloc_prefer. */
void *heap_caps_realloc_prefer(void *ptr, size_t size, size_t num, ...);

/** heap_caps_calloc with each of `num` capability sets in turn, as heap_caps_malloc_prefer. */
void *heap_caps_calloc_prefer(size_t n, size_t size, size_t num, ...);

/** The bytes the block ptr starts holds (from heap_caps_malloc); 0 for anything else. */
size_t heap_caps_get_allocated_size(void *ptr);

/** The least free the memory with caps has had since the board started (0 for SPIRAM and
 *  EXEC). */
size_t heap_caps_get_minimum_free_size(uint32_t caps);

/** The figures of the memory with caps (the emulated DMA-capable internal RAM; zeros for
 *  SPIRAM and EXEC). */
void heap_caps_get_info(multi_heap_info_t *info, uint32_t caps);

/** Prints the memory with caps as ESP-IDF does: "Heap summary for capabilities 0x...", each
 *  heap's address, size, free, allocated, minimum free, largest free block, block counts,
 *  then the totals. */
void heap_caps_print_heap_info(uint32_t caps);

/** Whether the heaps with caps (MALLOC_CAP_INVALID: all) are sound: their blocks tile them and
 *  their free memory is unwritten (free memory holds 0xFE, as with ESP-IDF's heap poisoning).
 *  With print_errors the first problem is printed. */
bool heap_caps_check_integrity(uint32_t caps, bool print_errors);
bool heap_caps_check_integrity_all(bool print_errors);

/** The same for the heap holding addr (a chip address, or a pointer into DMA-capable RAM);
 *  false when addr is in no heap. */
bool heap_caps_check_integrity_addr(intptr_t addr, bool print_errors);

/** Makes malloc take requests of limit bytes and more from external RAM first: kept; there is
 *  no PSRAM on the emulated board, so they come from internal RAM, as on a chip without it. */
void heap_caps_malloc_extmem_enable(size_t limit);

/** Prints every block of the heaps with caps (MALLOC_CAP_INVALID or heap_caps_dump_all: all):
 *  its chip address, size, used or free. */
void heap_caps_dump(uint32_t caps);
void heap_caps_dump_all(void);

#ifdef __cplusplus
}
#endif
