/* The CPU's cycle counter. (ESP-IDF 4.4 has it inline here; the Xtensa CCOUNT register.) */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** CPU cycles since boot at 240 MHz, wrapping at 2**32 (every 17.9 s); on the host, from
 *  emulated time. */
uint32_t esp_cpu_get_ccount(void);

#ifdef __cplusplus
}
#endif
