/* The ROM's system functions (esp32/rom/ets_sys.h): busy waits, the CPU's interrupts and the
 * interrupt matrix. */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ROM's status codes. */
typedef enum {
    ETS_OK = 0,
    ETS_FAILED = 1,
} ETS_STATUS;

/** A handler of one of the CPU's interrupts. */
typedef void (*ets_isr_t)(void *arg);

/** Busy-waits us microseconds; on the host, lets that much emulated time pass (in an
 *  interrupt handler it returns at once: emulated interrupts do not nest). */
void ets_delay_us(uint32_t us);

/** Makes func(arg) the handler of CPU interrupt i (0..31; others are logged and ignored).
 *  NULL removes it. */
void ets_isr_attach(int i, ets_isr_t func, void *arg);

/** Disables the CPU interrupts in mask (bit n: interrupt n; INTENABLE). */
void ets_isr_mask(uint32_t mask);

/** Enables the CPU interrupts in mask. */
void ets_isr_unmask(uint32_t unmask);

/** Holds off the CPU's interrupts up to priority 3 (the C-callable ones) until
 *  ets_intr_unlock: PS.INTLEVEL raised to 3. Not nested: one unlock ends any number of locks. */
void ets_intr_lock(void);

/** Lets them in again (PS.INTLEVEL back to 0). */
void ets_intr_unlock(void);

/** Waits for an interrupt (the waiti 0 instruction): on the host, lets emulated time pass
 *  until an interrupt was served or 20 us passed. Returns at once in an interrupt handler. */
void ets_waiti0(void);

/** Routes interrupt source model_num (0..68, ETS_*_INTR_SOURCE) to interrupt intr_num (0..31)
 *  of CPU cpu_no (0 PRO, 1 APP) in the interrupt matrix. Out-of-range numbers are logged. */
void intr_matrix_set(int cpu_no, uint32_t model_num, uint32_t intr_num);

#ifdef __cplusplus
}
#endif
