/* ESP-IDF's interrupt allocator: connects an interrupt source to one of the CPU's 32
 * interrupts through the interrupt matrix and calls a handler when it is raised. On the
 * emulated board the matrix is DPORT's map registers, and the emulated CPU is the PRO CPU
 * (core 0): it runs the handler of a CPU interrupt while a source mapped to it is raised, the
 * interrupt is enabled and its priority is above PS.INTLEVEL (ets_intr_lock raises it).
 *
 * Where the host differs: the CPU-internal sources (ETS_INTERNAL_*_INTR_SOURCE: the CPU's
 * timers, software and profiling interrupts) do not exist on the emulated CPU and give
 * ESP_ERR_NOT_SUPPORTED; every handler counts as in IRAM (ESP_INTR_FLAG_IRAM is accepted for
 * any); handles are checked (ESP_ERR_INVALID_ARG, or -1 from the int getters, for a handle
 * that is not one esp_intr_alloc gave and esp_intr_free has not freed, where ESP-IDF would
 * crash). The interrupts the register layer's own drivers and the SPI master take are not in
 * this allocator's books (they are attached to their sources directly). Sources the emulator
 * does not model (UART, Wi-Fi...) can be allocated and are never raised. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "esp_err.h"
#include "soc/soc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flags for esp_intr_alloc: the priority levels accepted (none: 1..3), sharing, edge. */
#define ESP_INTR_FLAG_LEVEL1 (1 << 1)
#define ESP_INTR_FLAG_LEVEL2 (1 << 2)
#define ESP_INTR_FLAG_LEVEL3 (1 << 3)
#define ESP_INTR_FLAG_LEVEL4 (1 << 4)
#define ESP_INTR_FLAG_LEVEL5 (1 << 5)
#define ESP_INTR_FLAG_LEVEL6 (1 << 6)
#define ESP_INTR_FLAG_NMI (1 << 7)
#define ESP_INTR_FLAG_SHARED (1 << 8)        /* may share its CPU interrupt with others */
#define ESP_INTR_FLAG_EDGE (1 << 9)          /* an edge-triggered CPU interrupt */
#define ESP_INTR_FLAG_IRAM (1 << 10)         /* the handler may run while the flash cache is off */
#define ESP_INTR_FLAG_INTRDISABLED (1 << 11) /* allocated disabled */
#define ESP_INTR_FLAG_LOWMED (ESP_INTR_FLAG_LEVEL1 | ESP_INTR_FLAG_LEVEL2 | ESP_INTR_FLAG_LEVEL3)
#define ESP_INTR_FLAG_HIGH \
    (ESP_INTR_FLAG_LEVEL4 | ESP_INTR_FLAG_LEVEL5 | ESP_INTR_FLAG_LEVEL6 | ESP_INTR_FLAG_NMI)
#define ESP_INTR_FLAG_LEVELMASK                                                                  \
    (ESP_INTR_FLAG_LEVEL1 | ESP_INTR_FLAG_LEVEL2 | ESP_INTR_FLAG_LEVEL3 | ESP_INTR_FLAG_LEVEL4 | \
     ESP_INTR_FLAG_LEVEL5 | ESP_INTR_FLAG_LEVEL6 | ESP_INTR_FLAG_NMI)

/* The CPU's own interrupts, as sources (not routed by the matrix). */
#define ETS_INTERNAL_TIMER0_INTR_SOURCE -1
#define ETS_INTERNAL_TIMER1_INTR_SOURCE -2
#define ETS_INTERNAL_TIMER2_INTR_SOURCE -3
#define ETS_INTERNAL_SW0_INTR_SOURCE -4
#define ETS_INTERNAL_SW1_INTR_SOURCE -5
#define ETS_INTERNAL_PROFILING_INTR_SOURCE -6
#define ETS_INTERNAL_INTR_SOURCE_OFF (-ETS_INTERNAL_PROFILING_INTR_SOURCE)

/** An interrupt handler: gets the arg given with it. */
typedef void (*intr_handler_t)(void *arg);

struct intr_handle_data_t;
typedef struct intr_handle_data_t intr_handle_data_t;
/** An allocated interrupt. */
typedef intr_handle_data_t *intr_handle_t;

/** Marks CPU interrupt intno of cpu as shared (handlers of several sources may use it);
 *  is_in_iram says whether its handlers live in IRAM. ESP_ERR_INVALID_ARG for intno > 31 or
 *  cpu > 1. */
esp_err_t esp_intr_mark_shared(int intno, int cpu, bool is_in_iram);

/** Keeps the allocator away from CPU interrupt intno of cpu. ESP_ERR_INVALID_ARG for
 *  intno > 31 or cpu > 1. */
esp_err_t esp_intr_reserve(int intno, int cpu);

/** Allocates a CPU interrupt of the emulated (PRO) CPU for source, routes the source to it and
 *  enables it: a level-triggered one unless flags has ESP_INTR_FLAG_EDGE, at the lowest level
 *  flags allow (ESP_INTR_FLAG_LEVELn; none: 1..3), shared with other sources' handlers with
 *  ESP_INTR_FLAG_SHARED, disabled with ESP_INTR_FLAG_INTRDISABLED. handler(arg) runs in
 *  interrupt context while the source is raised: it must clear its cause. *ret_handle (when
 *  not NULL) gets the handle. ESP_ERR_INVALID_ARG for a source outside 0..68 and -6..-1,
 *  shared and edge together, a handler with a high level (4 and up: no C handlers there), a
 *  shared one without a handler; ESP_ERR_NOT_FOUND when no free CPU interrupt fits;
 *  ESP_ERR_NOT_SUPPORTED for a CPU-internal source; ESP_ERR_NO_MEM. */
esp_err_t esp_intr_alloc(int source, int flags, intr_handler_t handler, void *arg, intr_handle_t *ret_handle);

/** esp_intr_alloc for a shared interrupt whose handler runs only when
 *  (*intrstatusreg & intrstatusmask) != 0: intrstatusreg is a register address (0: always
 *  run). ESP_ERR_INVALID_ARG also for a register without a mask. */
esp_err_t esp_intr_alloc_intrstatus(int source, int flags, uint32_t intrstatusreg, uint32_t intrstatusmask,
                                    intr_handler_t handler, void *arg, intr_handle_t *ret_handle);

/** Disables and frees an interrupt; the CPU interrupt is given back when no other handler
 *  shares it. ESP_ERR_INVALID_ARG for a bad handle. */
esp_err_t esp_intr_free(intr_handle_t handle);

/** The CPU the interrupt is on (0 on the emulated board); -1 for a bad handle. */
int esp_intr_get_cpu(intr_handle_t handle);

/** The CPU interrupt number it got; -1 for a bad handle. */
int esp_intr_get_intno(intr_handle_t handle);

/** Disconnects the interrupt's source in the matrix (a shared CPU interrupt stays on for
 *  the others). ESP_ERR_INVALID_ARG for a bad handle. */
esp_err_t esp_intr_disable(intr_handle_t handle);

/** Connects it again. ESP_ERR_INVALID_ARG for a bad handle. */
esp_err_t esp_intr_enable(intr_handle_t handle);

/** Says whether the handler is in IRAM (counted for esp_intr_noniram_disable).
 *  ESP_ERR_INVALID_ARG for a bad handle or a shared interrupt. */
esp_err_t esp_intr_set_in_iram(intr_handle_t handle, bool is_in_iram);

/** Disables the CPU interrupts whose handlers are not in IRAM (what ESP-IDF does while the
 *  flash cache is off) until esp_intr_noniram_enable; calls must alternate (a second disable
 *  or an enable without one is logged and ignored, where ESP-IDF aborts). */
void esp_intr_noniram_disable(void);

/** Enables again those esp_intr_noniram_disable disabled. */
void esp_intr_noniram_enable(void);

#ifdef __cplusplus
}
#endif
