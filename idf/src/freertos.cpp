// Ticks, delays and the interrupt-context flag.
#include "emulated_time.h"
#include "freertos/FreeRTOS.h"
#include "isr_context.h"

namespace upanel::idf {
int isr_depth = 0;
}

using namespace upanel;

extern "C" void vTaskDelay(const TickType_t ticks_to_delay) {
    // A handler cannot block: on the chip this would be a crash; here it does nothing.
    if (idf::in_isr() || !ll::bus_ready()) return;
    idf::wait_us(uint64_t(ticks_to_delay) * idf::kUsPerTick);
}

extern "C" BaseType_t xPortInIsrContext(void) { return idf::in_isr() ? pdTRUE : pdFALSE; }
