// The clocks MicroPython's ESP32 port runs with.
#include "esp_clk.h"
#include "esp_cpu.h"

#include "upanel/ll/bus.h"
#include "upanel/ll/spi_ll.h"

extern "C" int esp_clk_cpu_freq(void) { return 240'000'000; }
extern "C" int esp_clk_apb_freq(void) { return int(upanel::ll::kSpiApbHz); }
extern "C" int esp_clk_xtal_freq(void) { return 40'000'000; }

extern "C" uint32_t esp_cpu_get_ccount(void) {
    if (!upanel::ll::bus_ready()) return 0;
    return uint32_t(upanel::ll::time_us() * uint64_t(esp_clk_cpu_freq() / 1'000'000));
}
