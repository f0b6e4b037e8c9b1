// The clocks MicroPython's ESP32 port runs with.
#include "esp_clk.h"

#include "upanel/ll/spi_ll.h"

extern "C" int esp_clk_cpu_freq(void) { return 240'000'000; }
extern "C" int esp_clk_apb_freq(void) { return int(upanel::ll::kSpiApbHz); }
extern "C" int esp_clk_xtal_freq(void) { return 40'000'000; }
