/* GPIO pads of the ESP32 as ESP-IDF's GPIO driver (v4.4) handles them, on the emulated
 * board's GPIO, IO_MUX and RTC_IO registers. An output's level reaches the pad through the
 * GPIO matrix, where devices (the ILI9341's D/C, RST and backlight inputs) see it; open drain
 * lets the pad go for a 1. A pad the chip does not drive has the level the outside gives it
 * (esp32sim.set_pad, Board::set_pad: a button), else its pull resistor's, else it floats and
 * reads 0. An input reads the pad only while its input is enabled (GPIO_MODE_INPUT...), 0
 * otherwise, as on the chip. Pull resistors are IO_MUX bits, or RTC_IO bits on the 18 pads
 * with an RTC function (0, 2, 4, 12..15, 25..27, 32..39), as ESP-IDF sets them; 34..39 have
 * none. GPIO interrupts come from the GPIO block's GPIO_STATUS through the interrupt matrix
 * (source ETS_GPIO_INTR_SOURCE) when emulated time passes: edges and levels of the pad's
 * input, as the pad's INT_TYPE asks. Hold freezes what a pad drives and its pulls.
 * Pads 20, 24 and 28..31 do not exist; 34..39 are inputs only. Pads 6..11 are valid, as in
 * ESP-IDF, though on a real module they carry the SPI flash. Drive strength is kept in its
 * register and has no other effect; the pads' reset state is input off, no pulls, strength
 * 2 (the chip's reset pulls are not modelled). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "esp_err.h"
#include "esp_intr_alloc.h"

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

typedef enum {
    GPIO_DRIVE_CAP_0 = 0, /* weak, about 5 mA */
    GPIO_DRIVE_CAP_1 = 1, /* stronger, about 10 mA */
    GPIO_DRIVE_CAP_2 = 2, /* medium, about 20 mA: the default */
    GPIO_DRIVE_CAP_DEFAULT = 2,
    GPIO_DRIVE_CAP_3 = 3, /* strongest, about 40 mA */
    GPIO_DRIVE_CAP_MAX,
} gpio_drive_cap_t;

/** A pad's interrupt handler (gpio_isr_handler_add): gets the args given with it. */
typedef void (*gpio_isr_t)(void *arg);
typedef intr_handle_t gpio_isr_handle_t;

typedef struct {
    uint64_t pin_bit_mask; /* bit n set: pad n is configured */
    gpio_mode_t mode;
    gpio_pullup_t pull_up_en;
    gpio_pulldown_t pull_down_en;
    gpio_int_type_t intr_type;
} gpio_config_t;

/** Configures every pad in pin_bit_mask: GPIO function, direction (input enable, output
 *  enable, open drain), pulls, interrupt type, and the pad's interrupt enabled (for the CPU
 *  of the GPIO interrupt service) when the type is not GPIO_INTR_DISABLE, disabled
 *  otherwise. Checks all pads before changing any. ESP_ERR_INVALID_ARG for a NULL config, an
 *  empty mask, a pad that does not exist, an output mode on an input-only pad (34..39), a
 *  bad mode or interrupt type, or pulls asked for on a pad without them (34..39; where
 *  ESP-IDF sets bits that do nothing). */
esp_err_t gpio_config(const gpio_config_t *pGPIOConfig);

/** Gives the pad back to the GPIO function with input, output and interrupt off and the
 *  pull-up on (ESP-IDF's reset state; 34..39 have no pull-up). ESP_ERR_INVALID_ARG for a pad
 *  that does not exist. */
esp_err_t gpio_reset_pin(gpio_num_t gpio_num);

/** Sets the pad's input enable, output enable and open drain as the mode says and gives it
 *  to the GPIO function. ESP_ERR_INVALID_ARG for a pad that does not exist, a bad mode or an
 *  output mode on an input-only pad. */
esp_err_t gpio_set_direction(gpio_num_t gpio_num, gpio_mode_t mode);

/** Sets the output level (0 low, anything else high). The pad shows it while it is a GPIO
 *  output. ESP_ERR_INVALID_ARG for a pad that cannot drive an output. */
esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level);

/** The pad's input level, 0 or 1 (GPIO_IN): 0 when its input is not enabled, and for a pad
 *  that does not exist. */
int gpio_get_level(gpio_num_t gpio_num);

/** Sets the pad's pull resistors (both: the pad floats). ESP_ERR_INVALID_ARG for a pad that
 *  does not exist, a bad pull mode, or a pull on an input-only pad (they have none). */
esp_err_t gpio_set_pull_mode(gpio_num_t gpio_num, gpio_pull_mode_t pull);

/** Pull-up on or off, pull-down on or off. ESP_ERR_INVALID_ARG for a pad that does not exist
 *  or, to enable, an input-only pad (34..39 have no pulls). */
esp_err_t gpio_pullup_en(gpio_num_t gpio_num);
esp_err_t gpio_pullup_dis(gpio_num_t gpio_num);
esp_err_t gpio_pulldown_en(gpio_num_t gpio_num);
esp_err_t gpio_pulldown_dis(gpio_num_t gpio_num);

/** The pad's interrupt trigger (GPIO_PINn_REG INT_TYPE): edges of its input or a level held.
 *  ESP_ERR_INVALID_ARG for a pad that does not exist or a bad type. */
esp_err_t gpio_set_intr_type(gpio_num_t gpio_num, gpio_int_type_t intr_type);

/** Lets the pad's interrupt reach the CPU that installed the GPIO interrupt (the emulated
 *  CPU, core 0), or stops it. ESP_ERR_INVALID_ARG for a pad that does not exist. */
esp_err_t gpio_intr_enable(gpio_num_t gpio_num);
esp_err_t gpio_intr_disable(gpio_num_t gpio_num);

/** Light-sleep wake-up on a level (GPIO_INTR_LOW_LEVEL or GPIO_INTR_HIGH_LEVEL): sets the
 *  pad's interrupt type to it and its WAKEUP_ENABLE bit, as ESP-IDF does (the level then
 *  also raises the pad's interrupt if enabled; there is no sleep to wake from).
 *  ESP_ERR_INVALID_ARG for a pad that does not exist or an edge type. */
esp_err_t gpio_wakeup_enable(gpio_num_t gpio_num, gpio_int_type_t intr_type);
esp_err_t gpio_wakeup_disable(gpio_num_t gpio_num);

/** Allocates the GPIO interrupt (source ETS_GPIO_INTR_SOURCE) with esp_intr_alloc for fn(arg),
 *  which must find and clear the pads' interrupts itself (GPIO_STATUS_W1TC). *handle gets
 *  its handle when handle is not NULL. ESP_ERR_INVALID_ARG for a NULL fn; ESP_ERR_NOT_FOUND
 *  when no interrupt could be allocated. */
esp_err_t gpio_isr_register(void (*fn)(void *), void *arg, int intr_alloc_flags, gpio_isr_handle_t *handle);

/** Installs the per-pad interrupt service: one GPIO interrupt (esp_intr_alloc with
 *  intr_alloc_flags) whose handler calls each pending pad's handler and clears the pad's
 *  status. ESP_ERR_INVALID_STATE when installed already; ESP_ERR_NOT_FOUND when no interrupt
 *  fits the flags; ESP_ERR_NO_MEM. */
esp_err_t gpio_install_isr_service(int intr_alloc_flags);

/** Frees the service's interrupt and its handlers (nothing when not installed). */
void gpio_uninstall_isr_service(void);

/** Sets the pad's handler, called with args from the GPIO interrupt while the service is
 *  installed, and enables the pad's interrupt. ESP_ERR_INVALID_STATE without the service;
 *  ESP_ERR_INVALID_ARG for a pad that does not exist. */
esp_err_t gpio_isr_handler_add(gpio_num_t gpio_num, gpio_isr_t isr_handler, void *args);

/** Disables the pad's interrupt and removes its handler. ESP_ERR_INVALID_STATE without the
 *  service; ESP_ERR_INVALID_ARG for a pad that does not exist. */
esp_err_t gpio_isr_handler_remove(gpio_num_t gpio_num);

/** Sets or reads the pad's output drive strength (IO_MUX FUN_DRV, RTC_IO DRV on RTC pads).
 *  ESP_ERR_INVALID_ARG for a pad that cannot drive an output, a bad strength or a NULL
 *  pointer. */
esp_err_t gpio_set_drive_capability(gpio_num_t gpio_num, gpio_drive_cap_t strength);
esp_err_t gpio_get_drive_capability(gpio_num_t gpio_num, gpio_drive_cap_t *strength);

/** Hold: the pad keeps driving what it drives now (output enable and level, pulls) whatever
 *  its registers are set to, until gpio_hold_dis. ESP_ERR_NOT_SUPPORTED for a pad that cannot
 *  drive an output or has no hold (ESP-IDF's GPIO_HOLD_MASK). */
esp_err_t gpio_hold_en(gpio_num_t gpio_num);
esp_err_t gpio_hold_dis(gpio_num_t gpio_num);

/** Deep-sleep auto-hold of the digital pads on or off (RTC_CNTL_DIG_ISO_REG
 *  DG_PAD_AUTOHOLD_EN): takes effect when the chip enters deep sleep, which the emulated board
 *  never does; the bit is kept. */
void gpio_deep_sleep_hold_en(void);
void gpio_deep_sleep_hold_dis(void);

/** Routes input signal signal_idx straight from its IO_MUX pad (bypassing the GPIO matrix)
 *  and enables the pad's input. A pad that does not exist is logged and ignored. */
void gpio_iomux_in(uint32_t gpio_num, uint32_t signal_idx);

/** Gives the pad to IO_MUX function func (0..5) with the output enable controlled by that
 *  function (inverted with oen_inv). A pad that does not exist is logged and ignored. */
void gpio_iomux_out(uint8_t gpio_num, int func, bool oen_inv);

#ifdef __cplusplus
}
#endif
