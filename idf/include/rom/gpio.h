/* The ROM's GPIO functions that ESP-IDF 4 still declares (esp32/rom/gpio.h), on the emulated
 * board's registers. They have no results: a pad that does not exist is logged (tag "gpio")
 * and nothing is written. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ROM's names of the pad interrupt types (GPIO_PINn_REG INT_TYPE). */
typedef enum {
    GPIO_PIN_INTR_DISABLE = 0,
    GPIO_PIN_INTR_POSEDGE = 1,
    GPIO_PIN_INTR_NEGEDGE = 2,
    GPIO_PIN_INTR_ANYEDGE = 3,
    GPIO_PIN_INTR_LOLEVEL = 4,
    GPIO_PIN_INTR_HILEVEL = 5,
} GPIO_INT_TYPE;

/** The ROM's start-up set-up of the pads from the boot configuration, which ESP-IDF says
 *  applications must not call. On the host it only logs an error and changes nothing. */
void gpio_init(void);

/** Pads 0..31: outputs set (GPIO_OUT_W1TS), cleared (_W1TC), enabled (GPIO_ENABLE_W1TS) and
 *  disabled (_W1TC) by mask, in that order. */
void gpio_output_set(uint32_t set_mask, uint32_t clear_mask, uint32_t enable_mask, uint32_t disable_mask);

/** The same for pads 32..39 (bit 0 is pad 32). */
void gpio_output_set_high(uint32_t set_mask, uint32_t clear_mask, uint32_t enable_mask,
                          uint32_t disable_mask);

/** GPIO_IN: the input levels of pads 0..31 (0 where the input is not enabled). */
uint32_t gpio_input_get(void);

/** GPIO_IN1: pads 32..39 as bits 0..7. */
uint32_t gpio_input_get_high(void);

/** GPIO_STATUS: the pads 0..31 whose interrupt condition occurred and was not acknowledged. */
uint32_t gpio_intr_pending(void);

/** GPIO_STATUS1: pads 32..39 as bits 0..7. */
uint32_t gpio_intr_pending_high(void);

/** The ROM's GPIO interrupt handler: the pending pads (0..31; with `high`, 32..39 as bits
 *  0..7) and the argument given at registration. */
typedef void (*gpio_intr_handler_fn_t)(uint32_t intr_mask, bool high, void *arg);

/** Makes fn(mask, high, arg) the handler of the GPIO interrupt on CPU interrupt
 *  ETS_GPIO_INUM (4): the ROM's dispatcher reads GPIO_STATUS/_STATUS1 and calls fn once for
 *  the low pads, once for the high, each with pads pending. Once it has run, the CPU
 *  interrupt stays masked until gpio_intr_ack or _ack_high. As on the chip the caller routes
 *  the source (intr_matrix_set(0, ETS_GPIO_INTR_SOURCE, ETS_GPIO_INUM)) and unmasks
 *  interrupt 4 (ets_isr_unmask). NULL fn removes the handler. */
void gpio_intr_handler_register(gpio_intr_handler_fn_t fn, void *arg);

/** Acknowledges (clears) pending pad interrupts 0..31 (GPIO_STATUS_W1TC); unmasks the ROM
 *  handler's CPU interrupt that its dispatcher masked. */
void gpio_intr_ack(uint32_t ack_mask);

/** Acknowledges pads 32..39 (GPIO_STATUS1_W1TC), as gpio_intr_ack. */
void gpio_intr_ack_high(uint32_t ack_mask);

/** Wake-up from light sleep on a level of pad i: its INT_TYPE (GPIO_PIN_INTR_LOLEVEL or
 *  _HILEVEL) and WAKEUP_ENABLE bit. An edge type is logged and ignored. */
void gpio_pin_wakeup_enable(uint32_t i, GPIO_INT_TYPE intr_state);

/** Clears every pad's WAKEUP_ENABLE bit. */
void gpio_pin_wakeup_disable(void);

/** Routes input signal signal_idx (0..255) from pad gpio through the GPIO matrix, inverted if
 *  inv; gpio 0x38 gives a constant 1, 0x30 a constant 0. Signals above 255 are logged. */
void gpio_matrix_in(uint32_t gpio, uint32_t signal_idx, bool inv);

/** Routes output signal signal_idx (0..256; 256 is the GPIO_OUT bit) to pad gpio through the
 *  GPIO matrix and enables the pad's output: the data inverted if out_inv, the signal's
 *  output enable inverted if oen_inv. The pad must have the GPIO function (its IO_MUX
 *  setting is left alone). Input-only pads are logged. */
void gpio_matrix_out(uint32_t gpio, uint32_t signal_idx, bool out_inv, bool oen_inv);

/** Gives the pad to the GPIO function in its IO_MUX register (what gpio_config does before
 *  it routes the pad). */
void gpio_pad_select_gpio(uint32_t gpio_num);

/** The pad's drive strength, 0..3 (IO_MUX FUN_DRV, RTC_IO on RTC pads). */
void gpio_pad_set_drv(uint32_t gpio_num, uint32_t drv);

/** Pull-up on and pull-down off (gpio_pad_pullup), or the other way round. Pads 34..39 have
 *  no pulls: logged. */
void gpio_pad_pullup(uint32_t gpio_num);
void gpio_pad_pulldown(uint32_t gpio_num);

/** Holds the pad as it is (see gpio_hold_en), or lets it go. Pads without a hold are logged. */
void gpio_pad_hold(uint32_t gpio_num);
void gpio_pad_unhold(uint32_t gpio_num);

#ifdef __cplusplus
}
#endif
