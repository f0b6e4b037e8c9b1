#include "upanel/core/hub75_wiring.h"

namespace upanel::core {

const char *const kHub75SignalNames[kHub75Signals] = {"r1", "g1", "b1", "r2", "g2",  "b2", "a",
                                                      "b",  "c",  "d",  "e",  "lat", "oe", "clk"};

}  // namespace upanel::core
