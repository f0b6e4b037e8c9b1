// Which pads the GPIO and SPI drivers accept, by ESP-IDF's rules, and how a pad is let go.
#pragma once
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/soc.h"

namespace upanel::idf {

// ESP-IDF's GPIO_IS_VALID_GPIO: the pad exists (flash pads 6..11 included).
inline bool pad_valid(int pad) { return ll::pad_exists(pad); }
// ESP-IDF's GPIO_IS_VALID_OUTPUT_GPIO: it exists and has an output driver.
inline bool pad_valid_output(int pad) { return ll::pad_exists(pad) && !ll::pad_is_input_only(pad); }

// Output off and no peripheral signal routed to the pad (what ESP-IDF does when it disables
// an output), the pad given to the GPIO function. Output first, so no other level shows.
inline void release_pad(int pad) {
    ll::gpio_disable_output(pad);
    ll::gpio_detach_output(pad);
    ll::iomux_select_gpio(pad);
}

}  // namespace upanel::idf
