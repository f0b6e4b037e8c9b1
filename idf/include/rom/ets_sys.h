/* The ROM's busy wait. */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Busy-waits us microseconds; on the host, lets that much emulated time pass (in an
 *  interrupt handler it returns at once: emulated interrupts do not nest). */
void ets_delay_us(uint32_t us);

#ifdef __cplusplus
}
#endif
