/* The FreeRTOS names ESP-IDF drivers take in their signatures: ticks and the one-tick delay.
 * On the host a tick is 10 ms of emulated time (ESP-IDF's default CONFIG_FREERTOS_HZ=100) and
 * there are no tasks: a delay lets emulated time pass, serving interrupts meanwhile. */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t TickType_t;
typedef int BaseType_t;
typedef unsigned int UBaseType_t;

#define configTICK_RATE_HZ 100
#define portMAX_DELAY ((TickType_t)0xFFFFFFFFUL)
#define portTICK_PERIOD_MS ((TickType_t)(1000 / configTICK_RATE_HZ))
#define pdMS_TO_TICKS(ms) \
    ((TickType_t)(((TickType_t)(ms) * (TickType_t)configTICK_RATE_HZ) / (TickType_t)1000U))
#define pdFALSE ((BaseType_t)0)
#define pdTRUE ((BaseType_t)1)
#define pdPASS pdTRUE
#define pdFAIL pdFALSE

/** Blocks the calling task for ticks_to_delay ticks; on the host, lets that much emulated
 *  time pass. Does nothing when called from an interrupt handler. */
void vTaskDelay(const TickType_t ticks_to_delay);

/** pdTRUE while the shim's interrupt handler runs (the SPI transfer-done handler and the
 *  pre_cb and post_cb it calls), pdFALSE in task context. */
BaseType_t xPortInIsrContext(void);

#ifdef __cplusplus
}
#endif
