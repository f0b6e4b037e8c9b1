// Virtual time of the emulated board, in picoseconds: exact for every divider the drivers use,
// and 2^64 ps is more than 200 days.
#pragma once
#include <cstdint>

namespace upanel::emu {

using Picos = uint64_t;
constexpr Picos kPicosPerUs = 1'000'000;
constexpr Picos kPicosPerMs = 1'000'000'000;
constexpr Picos kPicosPerSecond = 1'000'000'000'000;

}  // namespace upanel::emu
