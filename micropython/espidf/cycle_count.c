// The seed's get_ccount: the CPU cycle counter through ESP-IDF's esp_cpu_get_ccount (the
// CCOUNT register on the chip, emulated time on a PC).
#include "espidf.h"

#include "esp_cpu.h"

void get_ccount(int *ccount) { *ccount = (int)esp_cpu_get_ccount(); }
