/* The host back end of the register layer: on a PC, register accesses, DMA memory and
 * interrupts go through this table to an emulated board instead of the chip's bus.
 * Plain C so that the emulator, firmware modules and native modules can share it. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define UPANEL_HOST_BUS_VERSION 3

/* The DMA-capable heap's figures (host bus version 3). */
typedef struct upanel_dma_heap_stats {
    uint32_t start; /* chip address of the heap */
    size_t size;    /* bytes it spans */
    size_t free_bytes, allocated_bytes, largest_free, minimum_free;
    size_t allocated_blocks, free_blocks;
} upanel_dma_heap_stats_t;

typedef struct upanel_host_bus {
    uint32_t version;
    void *ctx;
    uint32_t (*read32)(void *ctx, uint32_t addr);
    void (*write32)(void *ctx, uint32_t addr, uint32_t value);
    /* Word-aligned, zeroed, DMA-capable memory; NULL when none is left. */
    void *(*dma_alloc)(void *ctx, size_t size);
    void (*dma_free)(void *ctx, void *p);
    /* Chip address of p, or 0 when p is not in DMA-capable RAM. */
    uint32_t (*dma_addr)(void *ctx, const void *p);
    size_t (*dma_largest_free)(void *ctx);
    /* Lets emulated time pass; what a CPU waiting for an interrupt sees. */
    void (*idle)(void *ctx);
    bool (*intr_attach)(void *ctx, int source, void (*handler)(void *), void *arg);
    void (*intr_detach)(void *ctx, int source);
    /* Microseconds of emulated time since the board started; what esp_timer_get_time()
     * (or CCOUNT / CPU MHz) tells on the chip. */
    uint64_t (*time_us)(void *ctx);
    /* The emulated CPU's 32 interrupts (version 3), behind the interrupt matrix: the handler of
     * interrupt intno (NULL: none) runs while a source the matrix routes there is raised (once
     * per rising edge for an edge-triggered one), if intno is enabled and its priority is above
     * the CPU's interrupt level. What xt_set_interrupt_handler, xt_ints_on/off (INTENABLE) and
     * rsil/wsr.ps (PS.INTLEVEL) do on the chip. */
    void (*cpu_intr_handler)(void *ctx, int intno, void (*handler)(void *), void *arg);
    /* Sets the bits of `enable` and clears those of `disable` in INTENABLE; returns it. */
    uint32_t (*cpu_intr_enable)(void *ctx, uint32_t enable, uint32_t disable);
    /* Sets PS.INTLEVEL to level (0..15; -1 leaves it) and returns the level it had. */
    int (*cpu_intr_level)(void *ctx, int level);
    /* The DMA-capable heap (version 3): its figures; the size of the block p starts (0 for
     * none); whether it is sound (its blocks tile it, free memory unwritten), with the first
     * problem written to problem[problem_len] when not. */
    void (*dma_heap_stats)(void *ctx, upanel_dma_heap_stats_t *out);
    size_t (*dma_block_size)(void *ctx, const void *p);
    bool (*dma_heap_check)(void *ctx, char *problem, size_t problem_len);
    /* Calls fn for each block of the heap, used and free, in address order. */
    void (*dma_heap_walk)(void *ctx, void (*fn)(void *arg, uint32_t addr, size_t size, bool used), void *arg);
} upanel_host_bus_t;

/* The bus the register layer uses; set by whoever owns the emulated board (a test, a
 * benchmark, the host firmware at start, a native module when it is loaded). The register
 * layer never sets it: without a board its users report that they are not active. */
extern const upanel_host_bus_t *upanel_host_bus_current;

/* Points upanel_host_bus_current at the host firmware's emulated board: the firmware's
 * (esp32sim) calls it at start, a native module's (host_bus_connect.c) when it is loaded. */
void upanel_host_bus_connect(void);

#ifdef __cplusplus
}
#endif
