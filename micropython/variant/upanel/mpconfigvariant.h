// upanel's variant of MicroPython's unix port: the standard variant, changed where code written
// for the ESP32 would otherwise behave differently on the emulated board. The port compiles
// in its own folder, so "variants/" is its own.
#define MICROPY_CONFIG_ROM_LEVEL (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)

#include "variants/mpconfigvariant_common.h"

// The emergency exception buffer is allocated at run time, as on the ESP32 port, so that
// micropython.alloc_emergency_exception_buf() exists (lv_binding_micropython's ili9XXX.py
// calls it at import).
#undef MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE
#define MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE (0)

// time.sleep_ms lets emulated time pass: the board runs meanwhile, as the chip's peripherals
// do while its CPU sleeps (esp32sim's upanel_delay_ms).
#include <stdint.h>
#ifdef __cplusplus
extern "C"
#endif
    void
    upanel_delay_ms(uintptr_t ms);
#define mp_hal_delay_ms upanel_delay_ms
