// The clocks MicroPython's ESP32 port runs with.
#include "esp_clk.h"
#include "esp_cpu.h"

#include "upanel/ll/bus.h"
#include "upanel/ll/rtc_cntl_ll.h"
#include "upanel/ll/spi_ll.h"

extern "C" int esp_clk_cpu_freq(void) { return 240'000'000; }
extern "C" int esp_clk_apb_freq(void) { return int(upanel::ll::kSpiApbHz); }
extern "C" int esp_clk_xtal_freq(void) { return 40'000'000; }

extern "C" uint32_t esp_cpu_get_ccount(void) {
    if (!upanel::ll::bus_ready()) return 0;
    return uint32_t(upanel::ll::time_us() * uint64_t(esp_clk_cpu_freq() / 1'000'000));
}

// ESP-IDF's startup measures the slow clock against the crystal; the emulated RC runs at its
// nominal 150 kHz, so the measurement would give its exact period.
extern "C" uint32_t esp_clk_slowclk_cal_get(void) {
    using namespace upanel::ll;
    if (!bus_ready()) return 0;
    uint32_t cal = rtc_slow_clk_cal();
    if (cal == 0) {  // no startup since the board's reset
        cal = uint32_t((uint64_t(1'000'000) << kRtcClkCalFract) / kRtcSlowRcHz);
        rtc_set_slow_clk_cal(cal);
    }
    return cal;
}

extern "C" void esp_clk_slowclk_cal_set(uint32_t value) {
    if (upanel::ll::bus_ready()) upanel::ll::rtc_set_slow_clk_cal(value);
}

extern "C" uint64_t esp_clk_rtc_time(void) {
    using namespace upanel::ll;
    if (!bus_ready()) return 0;
    const uint32_t cal = esp_clk_slowclk_cal_get();
    return rtc_time_slowclk_to_us(rtc_time_get(), cal);
}
