#include "upanel/core/ili9341_wiring.h"

namespace upanel::core {

const char *const kIli9341SignalNames[kIli9341Signals] = {"mosi", "clk",       "cs",  "dc",
                                                          "rst",  "backlight", "miso"};

}  // namespace upanel::core
