/* Clock frequencies of the ESP32 as ESP-IDF configures it for MicroPython: CPU at 240 MHz,
 * APB (the SPI and I2S source clock) at 80 MHz, a 40 MHz crystal. (ESP-IDF 5 moved this
 * header to esp_private/esp_clk.h.) */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/** CPU clock in Hz: 240000000. */
int esp_clk_cpu_freq(void);

/** APB clock in Hz: 80000000. */
int esp_clk_apb_freq(void);

/** Crystal frequency in Hz: 40000000. */
int esp_clk_xtal_freq(void);

#ifdef __cplusplus
}
#endif
