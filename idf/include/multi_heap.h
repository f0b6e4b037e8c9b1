/* ESP-IDF's multi_heap: a heap laid out inside a region of memory the caller gives
 * (multi_heap_register), with its bookkeeping in the region itself, as ESP-IDF's is. On the
 * host it is upanel's own allocator with ESP-IDF's behaviour: first fit, 4-byte aligned
 * blocks with an 8-byte header each, free neighbours merged; free memory is filled with 0xFE
 * and new blocks with 0xCE (ESP-IDF's heap poisoning patterns), so that multi_heap_check finds
 * a buffer overrun into a header or into free memory, and a write after free. Sizes in the
 * info are of what blocks hold (their headers not counted). The region must stay where it is,
 * untouched by anything else, while the heap is used. A handle multi_heap_register did not give
 * is refused (NULL, 0, false; nothing done) where ESP-IDF would crash. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct multi_heap_info;
/** A heap: a pointer into the region it was registered on. */
typedef struct multi_heap_info *multi_heap_handle_t;

/** A heap's figures (multi_heap_get_info, heap_caps_get_info). */
typedef struct {
    size_t total_free_bytes;      /* bytes free */
    size_t total_allocated_bytes; /* bytes in allocated blocks */
    size_t largest_free_block;    /* the largest allocation that can succeed */
    size_t minimum_free_bytes;    /* the least total_free_bytes has been */
    size_t allocated_blocks;
    size_t free_blocks;
    size_t total_blocks;
} multi_heap_info_t;

/** size bytes (4-byte aligned) from the heap, or NULL (also for size 0 and a bad heap). */
void *multi_heap_malloc(multi_heap_handle_t heap, size_t size);

/** Gives a block back; NULL is ignored. A pointer that is not a block of the heap is logged
 *  and ignored (ESP-IDF would abort on the corruption). */
void multi_heap_free(multi_heap_handle_t heap, void *p);

/** Resizes a block, in place when it can, keeping its bytes; NULL p: multi_heap_malloc;
 *  size 0: frees p and returns NULL. NULL when there is no room (p stays). */
void *multi_heap_realloc(multi_heap_handle_t heap, void *p, size_t size);

/** The bytes block p holds (at least what was asked); 0 for a pointer that is not a block. */
size_t multi_heap_get_allocated_size(multi_heap_handle_t heap, void *p);

/** Lays out a heap in the size bytes at start and returns it, or NULL when the region is too
 *  small (under 64 bytes once aligned). */
multi_heap_handle_t multi_heap_register(void *start, size_t size);

/** The lock ESP-IDF takes around the heap's operations (a portMUX_TYPE *): kept; the host has
 *  one CPU and no preemption, nothing to lock. */
void multi_heap_set_lock(multi_heap_handle_t heap, void *lock);

/** Prints the heap's blocks to stdout: address, size, used or free. */
void multi_heap_dump(multi_heap_handle_t heap);

/** Walks the heap: every header where it should be and consistent, free memory still free.
 *  With print_errors, the first problem is printed. */
bool multi_heap_check(multi_heap_handle_t heap, bool print_errors);

/** Bytes free, and the least that has been free since the heap was registered. */
size_t multi_heap_free_size(multi_heap_handle_t heap);
size_t multi_heap_minimum_free_size(multi_heap_handle_t heap);

/** Fills *info (zeroed for a bad heap). */
void multi_heap_get_info(multi_heap_handle_t heap, multi_heap_info_t *info);

#ifdef __cplusplus
}
#endif
