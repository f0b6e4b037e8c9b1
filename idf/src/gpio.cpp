// ESP-IDF's GPIO driver (v4.4) through the register layer: IO_MUX (function, input enable,
// pulls, drive), RTC_IO (pulls, drive and hold of the RTC pads), the GPIO block (output
// enable and level, open drain, interrupt type and enable, status), the GPIO matrix, and the
// GPIO interrupt through the interrupt allocator. Also the ROM's GPIO functions.
#include <cstdlib>

#include "driver/gpio.h"
#include "esp_intr_alloc.h"
#include "esp_log.h"
#include "rom/ets_sys.h"
#include "rom/gpio.h"
#include "soc/soc.h"

#include "pads.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/soc.h"

using namespace upanel;

namespace {

const char *const kTag = "gpio";
constexpr int kIsrCore = 0;  // the emulated CPU, which installs the GPIO interrupt

bool mode_valid(gpio_mode_t mode) {
    switch (mode) {
        case GPIO_MODE_DISABLE:
        case GPIO_MODE_INPUT:
        case GPIO_MODE_OUTPUT:
        case GPIO_MODE_OUTPUT_OD:
        case GPIO_MODE_INPUT_OUTPUT_OD:
        case GPIO_MODE_INPUT_OUTPUT:
            return true;
        default:
            return false;
    }
}

bool mode_outputs(gpio_mode_t mode) { return mode & GPIO_MODE_DEF_OUTPUT; }

esp_err_t check_direction(int pad, gpio_mode_t mode) {
    if (!idf::pad_valid(pad) || !mode_valid(mode)) return ESP_ERR_INVALID_ARG;
    if (mode_outputs(mode) && !idf::pad_valid_output(pad)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    return ESP_OK;
}

// A pull on a pad without pull resistors (34..39) would do nothing: refused.
bool has_pulls(int pad) { return !ll::pad_is_input_only(pad); }

// ESP-IDF's gpio_set_direction: input enable, output enable (the pad's output then shows the
// GPIO_OUT bit; disabled, no peripheral signal is left routed to it either), open drain.
// Unlike ESP-IDF it also gives the pad to the GPIO function (drive strength kept). Output
// off first, so no other level shows.
void apply_direction(int pad, gpio_mode_t mode) {
    if (!mode_outputs(mode)) ll::gpio_disable_output(pad);
    ll::iomux_input_enable(pad, mode & GPIO_MODE_DEF_INPUT);
    ll::gpio_open_drain(pad, mode & GPIO_MODE_DEF_OD);
    ll::gpio_detach_output(pad);
    if (mode_outputs(mode)) ll::gpio_enable_output(pad);
    ll::iomux_func_sel(pad, ll::kIoMuxFuncGpio);
}

void intr_enable(int pad) {
    ll::gpio_set_intr_enable(pad, kIsrCore == 0 ? ll::kIntEnaProCpu : ll::kIntEnaAppCpu);
}

// The per-pad interrupt service.
struct IsrFunc {
    gpio_isr_t fn;
    void *args;
};
IsrFunc *g_isr_func = nullptr;  // NULL: the service is not installed
gpio_isr_handle_t g_isr_handle = nullptr;

void call_pending(uint32_t status, int first_pad) {
    while (status) {
        const int bit = __builtin_ctz(status);
        status &= status - 1;
        const IsrFunc &f = g_isr_func[first_pad + bit];
        if (f.fn) f.fn(f.args);
    }
}

// The GPIO interrupt's handler: the pads pending for this CPU, each pad's handler, then their
// status cleared (an edge that comes meanwhile sets it again and raises the interrupt anew).
void gpio_intr_service(void *) {
    if (!g_isr_func) return;
    if (uint32_t low = ll::gpio_intr_status(kIsrCore)) {
        call_pending(low, 0);
        ll::gpio_clear_intr_status(low);
    }
    if (uint32_t high = ll::gpio_intr_status_high(kIsrCore)) {
        call_pending(high, 32);
        ll::gpio_clear_intr_status_high(high);
    }
}

bool rom_pad_ok(const char *fn, uint32_t pad) {
    if (pad <= uint32_t(INT32_MAX) && idf::pad_valid(int(pad))) return ll::bus_ready();
    ESP_LOGE(kTag, "%s: pad %u does not exist", fn, unsigned(pad));
    return false;
}

}  // namespace

extern "C" esp_err_t gpio_config(const gpio_config_t *cfg) {
    if (!cfg || !cfg->pin_bit_mask || (cfg->pin_bit_mask >> ll::kPadCount)) return ESP_ERR_INVALID_ARG;
    if (unsigned(cfg->intr_type) >= GPIO_INTR_MAX) return ESP_ERR_INVALID_ARG;
    for (int pad = 0; pad < ll::kPadCount; pad++) {
        if (!((cfg->pin_bit_mask >> pad) & 1u)) continue;
        esp_err_t err = check_direction(pad, cfg->mode);
        if (err != ESP_OK) return err;
        if ((cfg->pull_up_en || cfg->pull_down_en) && !has_pulls(pad)) return ESP_ERR_INVALID_ARG;
    }
    for (int pad = 0; pad < ll::kPadCount; pad++) {
        if (!((cfg->pin_bit_mask >> pad) & 1u)) continue;
        apply_direction(pad, cfg->mode);
        ll::pad_pullup(pad, cfg->pull_up_en);
        ll::pad_pulldown(pad, cfg->pull_down_en);
        ll::gpio_set_intr_type(pad, cfg->intr_type);
        if (cfg->intr_type != GPIO_INTR_DISABLE) intr_enable(pad);
        else ll::gpio_set_intr_enable(pad, 0);
    }
    return ESP_OK;
}

extern "C" esp_err_t gpio_reset_pin(gpio_num_t gpio_num) {
    esp_err_t err = check_direction(gpio_num, GPIO_MODE_DISABLE);
    if (err != ESP_OK) return err;
    apply_direction(gpio_num, GPIO_MODE_DISABLE);
    ll::pad_pullup(gpio_num, has_pulls(gpio_num));  // ESP-IDF: "should not be floating"
    ll::pad_pulldown(gpio_num, false);
    ll::gpio_set_intr_type(gpio_num, GPIO_INTR_DISABLE);
    ll::gpio_set_intr_enable(gpio_num, 0);
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

namespace {
esp_err_t pull(gpio_num_t pad, bool up, bool on) {
    if (!idf::pad_valid(pad) || (on && !has_pulls(pad))) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    if (up) ll::pad_pullup(pad, on);
    else ll::pad_pulldown(pad, on);
    return ESP_OK;
}
}  // namespace

extern "C" esp_err_t gpio_pullup_en(gpio_num_t gpio_num) { return pull(gpio_num, true, true); }
extern "C" esp_err_t gpio_pullup_dis(gpio_num_t gpio_num) { return pull(gpio_num, true, false); }
extern "C" esp_err_t gpio_pulldown_en(gpio_num_t gpio_num) { return pull(gpio_num, false, true); }
extern "C" esp_err_t gpio_pulldown_dis(gpio_num_t gpio_num) { return pull(gpio_num, false, false); }

extern "C" esp_err_t gpio_set_pull_mode(gpio_num_t gpio_num, gpio_pull_mode_t mode) {
    if (!idf::pad_valid(gpio_num) || unsigned(mode) > GPIO_FLOATING) return ESP_ERR_INVALID_ARG;
    if (mode != GPIO_FLOATING && !has_pulls(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    const bool up = mode == GPIO_PULLUP_ONLY || mode == GPIO_PULLUP_PULLDOWN;
    const bool down = mode == GPIO_PULLDOWN_ONLY || mode == GPIO_PULLUP_PULLDOWN;
    ll::pad_pulldown(gpio_num, down);
    ll::pad_pullup(gpio_num, up);
    return ESP_OK;
}

extern "C" esp_err_t gpio_set_intr_type(gpio_num_t gpio_num, gpio_int_type_t intr_type) {
    if (!idf::pad_valid(gpio_num) || unsigned(intr_type) >= GPIO_INTR_MAX) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::gpio_set_intr_type(gpio_num, intr_type);
    return ESP_OK;
}

extern "C" esp_err_t gpio_intr_enable(gpio_num_t gpio_num) {
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    intr_enable(gpio_num);
    return ESP_OK;
}

extern "C" esp_err_t gpio_intr_disable(gpio_num_t gpio_num) {
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::gpio_set_intr_enable(gpio_num, 0);
    return ESP_OK;
}

extern "C" esp_err_t gpio_wakeup_enable(gpio_num_t gpio_num, gpio_int_type_t intr_type) {
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (intr_type != GPIO_INTR_LOW_LEVEL && intr_type != GPIO_INTR_HIGH_LEVEL) {
        ESP_LOGE(kTag, "GPIO wakeup only supports level mode, but edge mode set. gpio_num:%d", int(gpio_num));
        return ESP_ERR_INVALID_ARG;
    }
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    if (ll::pad_is_rtc(gpio_num)) {  // rtc_gpio_wakeup_enable
        ll::rtcio_set_wakeup(ll::kRtcPad[gpio_num].channel, true, uint32_t(intr_type));
    }
    ll::gpio_set_intr_type(gpio_num, intr_type);
    ll::gpio_set_wakeup(gpio_num, true);
    return ESP_OK;
}

extern "C" esp_err_t gpio_wakeup_disable(gpio_num_t gpio_num) {
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    if (ll::pad_is_rtc(gpio_num)) ll::rtcio_set_wakeup(ll::kRtcPad[gpio_num].channel, false);
    ll::gpio_set_wakeup(gpio_num, false);
    return ESP_OK;
}

extern "C" esp_err_t gpio_isr_register(void (*fn)(void *), void *arg, int intr_alloc_flags,
                                       gpio_isr_handle_t *handle) {
    if (!fn) return ESP_ERR_INVALID_ARG;
    if (esp_intr_alloc(ll::kIrqGpio, intr_alloc_flags, fn, arg, handle) != ESP_OK) return ESP_ERR_NOT_FOUND;
    return ESP_OK;
}

extern "C" esp_err_t gpio_install_isr_service(int intr_alloc_flags) {
    if (g_isr_func) return ESP_ERR_INVALID_STATE;
    g_isr_func = static_cast<IsrFunc *>(calloc(GPIO_NUM_MAX, sizeof(IsrFunc)));
    if (!g_isr_func) return ESP_ERR_NO_MEM;
    esp_err_t err = gpio_isr_register(gpio_intr_service, nullptr, intr_alloc_flags, &g_isr_handle);
    if (err != ESP_OK) {  // ESP-IDF keeps the table, and reports "installed" from then on
        free(g_isr_func);
        g_isr_func = nullptr;
        g_isr_handle = nullptr;
    }
    return err;
}

extern "C" void gpio_uninstall_isr_service(void) {
    if (!g_isr_func) return;
    esp_intr_free(g_isr_handle);
    free(g_isr_func);
    g_isr_func = nullptr;
    g_isr_handle = nullptr;
}

extern "C" esp_err_t gpio_isr_handler_add(gpio_num_t gpio_num, gpio_isr_t isr_handler, void *args) {
    if (!g_isr_func) return ESP_ERR_INVALID_STATE;
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::gpio_set_intr_enable(gpio_num, 0);
    g_isr_func[gpio_num] = {isr_handler, args};
    intr_enable(gpio_num);
    return ESP_OK;
}

extern "C" esp_err_t gpio_isr_handler_remove(gpio_num_t gpio_num) {
    if (!g_isr_func) return ESP_ERR_INVALID_STATE;
    if (!idf::pad_valid(gpio_num)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::gpio_set_intr_enable(gpio_num, 0);
    g_isr_func[gpio_num] = {nullptr, nullptr};
    return ESP_OK;
}

extern "C" esp_err_t gpio_set_drive_capability(gpio_num_t gpio_num, gpio_drive_cap_t strength) {
    if (!idf::pad_valid_output(gpio_num) || unsigned(strength) >= GPIO_DRIVE_CAP_MAX)
        return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    ll::pad_set_drive(gpio_num, strength);
    return ESP_OK;
}

extern "C" esp_err_t gpio_get_drive_capability(gpio_num_t gpio_num, gpio_drive_cap_t *strength) {
    if (!idf::pad_valid_output(gpio_num) || !strength) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    *strength = gpio_drive_cap_t(ll::pad_drive(gpio_num));
    return ESP_OK;
}

extern "C" esp_err_t gpio_hold_en(gpio_num_t gpio_num) {
    if (!idf::pad_valid_output(gpio_num)) return ESP_ERR_NOT_SUPPORTED;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    return ll::pad_hold(gpio_num, true) ? ESP_OK : ESP_ERR_NOT_SUPPORTED;
}

extern "C" esp_err_t gpio_hold_dis(gpio_num_t gpio_num) {
    if (!idf::pad_valid_output(gpio_num)) return ESP_ERR_NOT_SUPPORTED;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    return ll::pad_hold(gpio_num, false) ? ESP_OK : ESP_ERR_NOT_SUPPORTED;
}

extern "C" void gpio_deep_sleep_hold_en(void) {
    if (ll::bus_ready()) ll::gpio_deep_sleep_autohold(true);
}

extern "C" void gpio_deep_sleep_hold_dis(void) {
    if (ll::bus_ready()) ll::gpio_deep_sleep_autohold(false);
}

extern "C" void gpio_iomux_in(uint32_t gpio_num, uint32_t signal_idx) {
    if (!rom_pad_ok("gpio_iomux_in", gpio_num)) return;
    if (signal_idx >= uint32_t(ll::kInputSignalCount)) {
        ESP_LOGE(kTag, "gpio_iomux_in: no input signal %u", unsigned(signal_idx));
        return;
    }
    ll::gpio_iomux_in(signal_idx);
    ll::iomux_input_enable(int(gpio_num), true);
}

extern "C" void gpio_iomux_out(uint8_t gpio_num, int func, bool oen_inv) {
    if (!rom_pad_ok("gpio_iomux_out", gpio_num)) return;
    ll::gpio_set_output_enable_from_signal(gpio_num, oen_inv);
    ll::iomux_func_sel(gpio_num, uint32_t(func));
}

// The ROM's functions.

extern "C" void gpio_pad_select_gpio(uint32_t gpio_num) {
    if (rom_pad_ok("gpio_pad_select_gpio", gpio_num)) ll::iomux_func_sel(int(gpio_num), ll::kIoMuxFuncGpio);
}

extern "C" void gpio_init(void) {
    ESP_LOGE(kTag, "gpio_init: the ROM's start-up set-up, not for applications; nothing done");
}

extern "C" void gpio_output_set(uint32_t set_mask, uint32_t clear_mask, uint32_t enable_mask,
                                uint32_t disable_mask) {
    if (!ll::bus_ready()) return;
    ll::gpio_bank_set_clear(0, set_mask, clear_mask, enable_mask, disable_mask);
}

extern "C" void gpio_output_set_high(uint32_t set_mask, uint32_t clear_mask, uint32_t enable_mask,
                                     uint32_t disable_mask) {
    if (!ll::bus_ready()) return;
    ll::gpio_bank_set_clear(1, set_mask, clear_mask, enable_mask, disable_mask);
}

extern "C" uint32_t gpio_input_get(void) { return ll::bus_ready() ? ll::gpio_bank_input(0) : 0; }

extern "C" uint32_t gpio_input_get_high(void) { return ll::bus_ready() ? ll::gpio_bank_input(1) : 0; }

extern "C" uint32_t gpio_intr_pending(void) { return ll::bus_ready() ? ll::gpio_bank_intr_status(0) : 0; }

extern "C" uint32_t gpio_intr_pending_high(void) {
    return ll::bus_ready() ? ll::gpio_bank_intr_status(1) : 0;
}

namespace {
// The ROM's GPIO handler and whether its dispatcher masked ETS_GPIO_INUM since.
gpio_intr_handler_fn_t g_rom_fn = nullptr;
void *g_rom_arg = nullptr;
bool g_rom_masked = false;

void rom_gpio_dispatch(void *) {
    const uint32_t low = gpio_intr_pending(), high = gpio_intr_pending_high();
    if ((!low && !high) || !g_rom_fn) return;
    ets_isr_mask(1u << ETS_GPIO_INUM);  // not again until acknowledged
    g_rom_masked = true;
    if (low) g_rom_fn(low, false, g_rom_arg);
    if (high) g_rom_fn(high, true, g_rom_arg);
}

void rom_unmask_after_ack() {
    if (!g_rom_masked) return;
    g_rom_masked = false;
    ets_isr_unmask(1u << ETS_GPIO_INUM);
}
}  // namespace

extern "C" void gpio_intr_handler_register(gpio_intr_handler_fn_t fn, void *arg) {
    g_rom_fn = fn, g_rom_arg = arg;
    ets_isr_attach(ETS_GPIO_INUM, fn ? &rom_gpio_dispatch : nullptr, nullptr);
}

extern "C" void gpio_intr_ack(uint32_t ack_mask) {
    if (!ll::bus_ready()) return;
    ll::gpio_clear_intr_status(ack_mask);
    rom_unmask_after_ack();
}

extern "C" void gpio_intr_ack_high(uint32_t ack_mask) {
    if (!ll::bus_ready()) return;
    ll::gpio_clear_intr_status_high(ack_mask);
    rom_unmask_after_ack();
}

extern "C" void gpio_pin_wakeup_enable(uint32_t i, GPIO_INT_TYPE intr_state) {
    if (!rom_pad_ok("gpio_pin_wakeup_enable", i)) return;
    if (intr_state != GPIO_PIN_INTR_LOLEVEL && intr_state != GPIO_PIN_INTR_HILEVEL) {
        ESP_LOGE(kTag, "gpio_pin_wakeup_enable: only the level types wake the chip");
        return;
    }
    ll::gpio_set_intr_type(int(i), intr_state);
    ll::gpio_set_wakeup(int(i), true);
}

extern "C" void gpio_pin_wakeup_disable(void) {
    if (!ll::bus_ready()) return;
    for (int pad = 0; pad < ll::kPadCount; pad++)
        if (idf::pad_valid(pad)) ll::gpio_set_wakeup(pad, false);
}

extern "C" void gpio_matrix_in(uint32_t gpio, uint32_t signal_idx, bool inv) {
    const bool constant = gpio == ll::kFuncInConstLow || gpio == ll::kFuncInConstHigh;
    if (!constant && !rom_pad_ok("gpio_matrix_in", gpio)) return;
    if (signal_idx >= uint32_t(ll::kInputSignalCount)) {
        ESP_LOGE(kTag, "gpio_matrix_in: no input signal %u", unsigned(signal_idx));
        return;
    }
    if (ll::bus_ready()) ll::gpio_matrix_in(gpio, signal_idx, inv);
}

extern "C" void gpio_matrix_out(uint32_t gpio, uint32_t signal_idx, bool out_inv, bool oen_inv) {
    if (!rom_pad_ok("gpio_matrix_out", gpio)) return;
    if (!idf::pad_valid_output(int(gpio)) || signal_idx > ll::kSigGpioOut) {
        ESP_LOGE(kTag, "gpio_matrix_out: pad %u cannot output signal %u", unsigned(gpio),
                 unsigned(signal_idx));
        return;
    }
    ll::gpio_matrix_out_rom(int(gpio), signal_idx, out_inv, oen_inv);
}

extern "C" void gpio_pad_set_drv(uint32_t gpio_num, uint32_t drv) {
    if (!rom_pad_ok("gpio_pad_set_drv", gpio_num)) return;
    if (drv > 3) {
        ESP_LOGE(kTag, "gpio_pad_set_drv: drive strength %u is not 0..3", unsigned(drv));
        return;
    }
    ll::pad_set_drive(int(gpio_num), drv);
}

namespace {
void rom_pull(const char *fn, uint32_t pad, bool up) {
    if (!rom_pad_ok(fn, pad)) return;
    if (!has_pulls(int(pad))) {
        ESP_LOGE(kTag, "%s: pad %u has no pull resistors", fn, unsigned(pad));
        return;
    }
    ll::pad_pulldown(int(pad), !up);
    ll::pad_pullup(int(pad), up);
}

void rom_hold(const char *fn, uint32_t pad, bool on) {
    if (!rom_pad_ok(fn, pad)) return;
    if (!idf::pad_valid_output(int(pad)) || !ll::pad_hold(int(pad), on))
        ESP_LOGE(kTag, "%s: pad %u has no hold", fn, unsigned(pad));
}
}  // namespace

extern "C" void gpio_pad_pullup(uint32_t gpio_num) { rom_pull("gpio_pad_pullup", gpio_num, true); }
extern "C" void gpio_pad_pulldown(uint32_t gpio_num) { rom_pull("gpio_pad_pulldown", gpio_num, false); }
extern "C" void gpio_pad_hold(uint32_t gpio_num) { rom_hold("gpio_pad_hold", gpio_num, true); }
extern "C" void gpio_pad_unhold(uint32_t gpio_num) { rom_hold("gpio_pad_unhold", gpio_num, false); }
