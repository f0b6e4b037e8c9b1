/* ESP-IDF code includes this header for vTaskDelay; here it is declared in FreeRTOS.h. */
#pragma once
#include "freertos/FreeRTOS.h"
