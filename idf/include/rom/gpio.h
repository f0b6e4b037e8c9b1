/* The ROM's pad functions that ESP-IDF 4 still declares (esp32/rom/gpio.h). */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Gives the pad to the GPIO function in its IO_MUX register (what gpio_config does before
 *  it routes the pad). The ROM function has no result: for a pad that does not exist it
 *  does nothing, and the host logs an error. */
void gpio_pad_select_gpio(uint32_t gpio_num);

#ifdef __cplusplus
}
#endif
