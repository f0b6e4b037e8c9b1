// GPIO pads through the register layer: IO_MUX function, output enable, GPIO matrix and the
// output level registers.
#include "driver/gpio.h"
#include "esp_log.h"
#include "rom/gpio.h"

#include "pads.h"
#include "upanel/ll/gpio_ll.h"

using namespace upanel;

namespace {

constexpr uint64_t kAllPads = (uint64_t(1) << ll::kPadCount) - 1;

bool mode_valid(gpio_mode_t mode) {
    switch (mode) {
        case GPIO_MODE_DISABLE:
        case GPIO_MODE_INPUT:
        case GPIO_MODE_OUTPUT:
        case GPIO_MODE_OUTPUT_OD:
        case GPIO_MODE_INPUT_OUTPUT_OD:
        case GPIO_MODE_INPUT_OUTPUT: return true;
        default: return false;
    }
}

bool mode_outputs(gpio_mode_t mode) { return mode & GPIO_MODE_DEF_OUTPUT; }

esp_err_t check_direction(int pad, gpio_mode_t mode) {
    if (!idf::pad_valid(pad) || !mode_valid(mode)) return ESP_ERR_INVALID_ARG;
    if (mode_outputs(mode) && !idf::pad_valid_output(pad)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    return ESP_OK;
}

// The pad as a GPIO: an output shows the GPIO_OUT bit (open drain is not modelled), anything
// else has its output off; an input mode enables the pad's input (IO_MUX FUN_IE), without
// which GPIO_IN reads 0.
void apply_direction(int pad, gpio_mode_t mode) {
    if (mode_outputs(mode)) ll::gpio_matrix_out(pad, ll::kSigGpioOut, false);
    else idf::release_pad(pad);
    ll::iomux_input_enable(pad, mode & GPIO_MODE_DEF_INPUT);
}

}  // namespace

extern "C" esp_err_t gpio_config(const gpio_config_t *cfg) {
    if (!cfg || !cfg->pin_bit_mask || (cfg->pin_bit_mask & ~kAllPads)) return ESP_ERR_INVALID_ARG;
    for (int pad = 0; pad < ll::kPadCount; pad++) {
        if (!((cfg->pin_bit_mask >> pad) & 1u)) continue;
        esp_err_t err = check_direction(pad, cfg->mode);
        if (err != ESP_OK) return err;
    }
    if (cfg->intr_type != GPIO_INTR_DISABLE) {
        return unsigned(cfg->intr_type) < GPIO_INTR_MAX ? ESP_ERR_NOT_SUPPORTED : ESP_ERR_INVALID_ARG;
    }
    for (int pad = 0; pad < ll::kPadCount; pad++)
        if ((cfg->pin_bit_mask >> pad) & 1u) apply_direction(pad, cfg->mode);
    return ESP_OK;
}

extern "C" esp_err_t gpio_reset_pin(gpio_num_t gpio_num) {
    esp_err_t err = check_direction(gpio_num, GPIO_MODE_DISABLE);
    if (err != ESP_OK) return err;
    idf::release_pad(gpio_num);
    return ESP_OK;
}

extern "C" esp_err_t gpio_set_direction(gpio_num_t gpio_num, gpio_mode_t mode) {
    esp_err_t err = check_direction(gpio_num, mode);
    if (err != ESP_OK) return err;
    apply_direction(gpio_num, mode);
    return ESP_OK;
}

extern "C" esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level) {
    if (!idf::pad_valid_output(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::gpio_set_level(gpio_num, level != 0);
    return ESP_OK;
}

extern "C" int gpio_get_level(gpio_num_t gpio_num) {
    if (!idf::pad_valid(gpio_num) || !ll::bus_ready()) return 0;
    return ll::gpio_get_input_level(gpio_num) ? 1 : 0;
}

// Pull resistors are not modelled by the emulated pads: the call only checks its arguments.
extern "C" esp_err_t gpio_set_pull_mode(gpio_num_t gpio_num, gpio_pull_mode_t pull) {
    if (!idf::pad_valid(gpio_num) || unsigned(pull) > GPIO_FLOATING) return ESP_ERR_INVALID_ARG;
    if (pull != GPIO_FLOATING && !idf::pad_valid_output(gpio_num)) return ESP_ERR_INVALID_ARG;
    return ESP_OK;
}

extern "C" void gpio_pad_select_gpio(uint32_t gpio_num) {
    if (gpio_num > uint32_t(INT32_MAX) || !idf::pad_valid(int(gpio_num))) {
        ESP_LOGE("gpio", "gpio_pad_select_gpio: pad %u does not exist", unsigned(gpio_num));
        return;
    }
    if (ll::bus_ready()) ll::iomux_select_gpio(int(gpio_num));
}
