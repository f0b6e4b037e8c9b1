// A snapshot as one binary WebSocket message for the live view's page: a little-endian
// 32-bit length, a JSON header (time, figures, and each display's name, size and kind), then
// each display's RGB888 bytes in the header's order.
#pragma once
#include <string>

#include "upanel/live/snapshot.h"

namespace upanel::live {

std::string encode_frame(const Snapshot &s);

}  // namespace upanel::live
