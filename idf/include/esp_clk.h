/* Clock frequencies of the ESP32 as ESP-IDF configures it for MicroPython: CPU at 240 MHz,
 * APB (the SPI and I2S source clock) at 80 MHz, a 40 MHz crystal. (ESP-IDF 5 moved this
 * header to esp_private/esp_clk.h.) */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** CPU clock in Hz: 240000000. */
int esp_clk_cpu_freq(void);

/** APB clock in Hz: 80000000. */
int esp_clk_apb_freq(void);

/** Crystal frequency in Hz: 40000000. */
int esp_clk_xtal_freq(void);

/** The RTC slow clock's period as ESP-IDF's startup calibrated it: microseconds in Q13.19
 *  fixed point, kept in RTC_CNTL_STORE1 (RTC_SLOW_CLK_CAL_REG). The emulated board's slow
 *  clock is the internal RC at exactly 150 kHz; with no startup to measure it, the first call
 *  after the board's reset stores what the measurement gives, 6.667 us: 3495253. */
uint32_t esp_clk_slowclk_cal_get(void);

/** Stores a new slow clock period (Q13.19 microseconds) in RTC_CNTL_STORE1, as after a
 *  re-calibration; esp_clk_rtc_time converts with it from then on. */
void esp_clk_slowclk_cal_set(uint32_t value);

/** Microseconds since power-on by the RTC timer: its count of slow clock cycles (latched
 *  through RTC_CNTL_TIME_UPDATE) times the calibrated period. */
uint64_t esp_clk_rtc_time(void);

#ifdef __cplusplus
}
#endif
