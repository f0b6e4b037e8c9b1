// ESP-IDF's SPI clock and input timing arithmetic: the CLOCK register for a frequency
// (spi_cal_clock), and how late MISO data may come through the GPIO matrix and a slow device
// (spi_get_timing, spi_get_freq_limit). Same results as ESP-IDF 4.x, which the SPI master
// prints and MicroPython code may compute with.
#include <cstdlib>

#include "driver/spi_master.h"
#include "esp_log.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;

namespace {

const char *const kTag = "spi";
constexpr int kGpioMatrixDelayNs = 25;  // what ESP-IDF counts for the GPIO matrix on MISO

// APB cycles the input delay takes (the 1 ns makes up for a delay rounded down).
int input_delay_apb_cycles(bool gpio_is_used, int input_delay_ns) {
    const int apb_khz = int(ll::kSpiApbHz / 1000);
    const int n = (1 + input_delay_ns + (gpio_is_used ? kGpioMatrixDelayNs : 0)) * apb_khz / 1000 / 1000;
    return n < 0 ? 0 : n;
}

}  // namespace

extern "C" int spi_cal_clock(int fapb, int hz, int duty_cycle, uint32_t *reg_o) {
    if (fapb <= 0 || hz <= 0) {
        ESP_LOGE(kTag, "spi_cal_clock: no clock of %d Hz from %d Hz", hz, fapb);
        return 0;
    }
    uint32_t reg;
    int eff;
    if (hz > fapb / 4 * 3) {  // nearer the APB clock than any divided one
        reg = ll::kSpiClockRegApb;
        eff = fapb;
    } else {
        // Every n of 2..64 with its best prescaler; the smallest error wins, and of equal
        // errors the larger n (a finer duty cycle).
        int best_n = 0, best_pre = 0, best_err = 0;
        for (int n = 2; n <= 64; n++) {
            int pre = (fapb / n + hz / 2) / hz;  // round(fapb / n / hz)
            pre = pre < 1 ? 1 : pre > 8192 ? 8192 : pre;
            const int err = std::abs(fapb / (pre * n) - hz);
            if (best_n == 0 || err <= best_err) best_n = n, best_pre = pre, best_err = err;
        }
        int h = (duty_cycle * best_n + 127) / 256;  // round(duty * n / 256), at least 1
        if (h <= 0) h = 1;
        reg = ll::spi_ll_clock_fields(uint32_t(best_pre), uint32_t(best_n), uint32_t(h), uint32_t(best_n));
        eff = fapb / (best_pre * best_n);
    }
    if (reg_o) *reg_o = reg;
    return eff;
}

extern "C" void spi_get_timing(bool gpio_is_used, int input_delay_ns, int eff_clk, int *dummy_o,
                               int *cycles_remain_o) {
    if (eff_clk <= 0 || eff_clk > int(ll::kSpiApbHz)) {  // a master clock is APB or slower
        ESP_LOGE(kTag, "spi_get_timing: no clock of %d Hz", eff_clk);
        if (dummy_o) *dummy_o = 0;
        if (cycles_remain_o) *cycles_remain_o = 0;
        return;
    }
    const int apb_per_clock = int(ll::kSpiApbHz) / eff_clk;
    const int delay = input_delay_apb_cycles(gpio_is_used, input_delay_ns);
    const int dummy = delay / apb_per_clock;
    int miso_delay = 0;
    if (dummy > 0)  // sample where MISO is stable again, after the dummy clocks
        miso_delay = (dummy + 1) * apb_per_clock - delay - 1;
    else if (delay * 4 <= apb_per_clock)  // data this early: sample half a clock sooner
        miso_delay = -1;
    if (dummy_o) *dummy_o = dummy;
    if (cycles_remain_o) *cycles_remain_o = miso_delay;
}

extern "C" int spi_get_freq_limit(bool gpio_is_used, int input_delay_ns) {
    return int(ll::kSpiApbHz) / (input_delay_apb_cycles(gpio_is_used, input_delay_ns) + 1);
}
