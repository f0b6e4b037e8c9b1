/* GPIO pads of the ESP32 as ESP-IDF's GPIO driver handles them. On the emulated board an
 * output's level reaches the pad through the GPIO matrix registers, where devices (the
 * ILI9341's D/C, RST and backlight inputs) see it. Pads 20, 24 and 28..31 do not exist;
 * 34..39 are inputs only. Pads 6..11 are valid, as in ESP-IDF, though on a real module they
 * carry the SPI flash. Not modelled: pull resistors (accepted, no effect), open drain (driven
 * as push-pull), external input levels (an input reads 0 unless the pad drives itself) and
 * GPIO interrupts (gpio_config gives ESP_ERR_NOT_SUPPORTED for an interrupt type). */
#pragma once
#include <stdint.h>

#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    GPIO_NUM_NC = -1,
    GPIO_NUM_0 = 0,
    GPIO_NUM_1 = 1,
    GPIO_NUM_2 = 2,
    GPIO_NUM_3 = 3,
    GPIO_NUM_4 = 4,
    GPIO_NUM_5 = 5,
    GPIO_NUM_6 = 6,
    GPIO_NUM_7 = 7,
    GPIO_NUM_8 = 8,
    GPIO_NUM_9 = 9,
    GPIO_NUM_10 = 10,
    GPIO_NUM_11 = 11,
    GPIO_NUM_12 = 12,
    GPIO_NUM_13 = 13,
    GPIO_NUM_14 = 14,
    GPIO_NUM_15 = 15,
    GPIO_NUM_16 = 16,
    GPIO_NUM_17 = 17,
    GPIO_NUM_18 = 18,
    GPIO_NUM_19 = 19,
    GPIO_NUM_21 = 21,
    GPIO_NUM_22 = 22,
    GPIO_NUM_23 = 23,
    GPIO_NUM_25 = 25,
    GPIO_NUM_26 = 26,
    GPIO_NUM_27 = 27,
    GPIO_NUM_32 = 32,
    GPIO_NUM_33 = 33,
    GPIO_NUM_34 = 34,
    GPIO_NUM_35 = 35,
    GPIO_NUM_36 = 36,
    GPIO_NUM_37 = 37,
    GPIO_NUM_38 = 38,
    GPIO_NUM_39 = 39,
    GPIO_NUM_MAX,
} gpio_num_t;

/* Mode bits: input enable, output enable, open drain. */
#define GPIO_MODE_DEF_DISABLE (0)
#define GPIO_MODE_DEF_INPUT (1 << 0)
#define GPIO_MODE_DEF_OUTPUT (1 << 1)
#define GPIO_MODE_DEF_OD (1 << 2)

typedef enum {
    GPIO_MODE_DISABLE = GPIO_MODE_DEF_DISABLE,
    GPIO_MODE_INPUT = GPIO_MODE_DEF_INPUT,
    GPIO_MODE_OUTPUT = GPIO_MODE_DEF_OUTPUT,
    GPIO_MODE_OUTPUT_OD = GPIO_MODE_DEF_OUTPUT | GPIO_MODE_DEF_OD,
    GPIO_MODE_INPUT_OUTPUT_OD = GPIO_MODE_DEF_INPUT | GPIO_MODE_DEF_OUTPUT | GPIO_MODE_DEF_OD,
    GPIO_MODE_INPUT_OUTPUT = GPIO_MODE_DEF_INPUT | GPIO_MODE_DEF_OUTPUT,
} gpio_mode_t;

typedef enum {
    GPIO_PULLUP_DISABLE = 0x0,
    GPIO_PULLUP_ENABLE = 0x1,
} gpio_pullup_t;

typedef enum {
    GPIO_PULLDOWN_DISABLE = 0x0,
    GPIO_PULLDOWN_ENABLE = 0x1,
} gpio_pulldown_t;

typedef enum {
    GPIO_PULLUP_ONLY,
    GPIO_PULLDOWN_ONLY,
    GPIO_PULLUP_PULLDOWN,
    GPIO_FLOATING,
} gpio_pull_mode_t;

typedef enum {
    GPIO_INTR_DISABLE = 0,
    GPIO_INTR_POSEDGE = 1,
    GPIO_INTR_NEGEDGE = 2,
    GPIO_INTR_ANYEDGE = 3,
    GPIO_INTR_LOW_LEVEL = 4,
    GPIO_INTR_HIGH_LEVEL = 5,
    GPIO_INTR_MAX,
} gpio_int_type_t;

typedef struct {
    uint64_t pin_bit_mask;        /* bit n set: pad n is configured */
    gpio_mode_t mode;
    gpio_pullup_t pull_up_en;
    gpio_pulldown_t pull_down_en;
    gpio_int_type_t intr_type;
} gpio_config_t;

/** Configures every pad in pin_bit_mask: GPIO function, direction, pulls. Checks all pads
 *  before changing any. ESP_ERR_INVALID_ARG for a NULL config, an empty mask, a pad that
 *  does not exist, an output mode on an input-only pad (34..39) or a bad mode;
 *  ESP_ERR_NOT_SUPPORTED for an interrupt type other than GPIO_INTR_DISABLE. */
esp_err_t gpio_config(const gpio_config_t *pGPIOConfig);

/** Gives the pad back to the GPIO function with input and output off and the pull-up on
 *  (ESP-IDF's reset state). ESP_ERR_INVALID_ARG for a pad that does not exist. */
esp_err_t gpio_reset_pin(gpio_num_t gpio_num);

/** Sets the pad's direction and gives it to the GPIO function. ESP_ERR_INVALID_ARG for a
 *  pad that does not exist, a bad mode or an output mode on an input-only pad. */
esp_err_t gpio_set_direction(gpio_num_t gpio_num, gpio_mode_t mode);

/** Sets the output level (0 low, anything else high). The pad shows it while it is a GPIO
 *  output. ESP_ERR_INVALID_ARG for a pad that cannot drive an output. */
esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level);

/** The pad's input level, 0 or 1; 0 for a pad that does not exist. */
int gpio_get_level(gpio_num_t gpio_num);

/** Sets the pad's pull resistors. ESP_ERR_INVALID_ARG for a pad that does not exist, a bad
 *  pull mode, or a pull on an input-only pad (they have none). */
esp_err_t gpio_set_pull_mode(gpio_num_t gpio_num, gpio_pull_mode_t pull);

#ifdef __cplusplus
}
#endif
