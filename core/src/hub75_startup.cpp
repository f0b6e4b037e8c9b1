#include "upanel/core/hub75_startup.h"

#include "upanel/core/hub75_encoder.h"

namespace upanel::core {

using namespace hub75_word;

// One register write to every chip: the value repeated every 16 columns on all six colour
// lines, bit 15 first, with LAT high across the last `lat_clocks` words.
static void register_write(uint16_t value, uint32_t lat_clocks, uint32_t cols, uint16_t *out) {
    for (uint32_t x = 0; x < cols; x++) {
        uint32_t bit = fm6126a::kBitsPerChip - 1 - x % fm6126a::kBitsPerChip;
        uint16_t w = kOe;
        if ((value >> bit) & 1u) w |= kRgbMask;
        if (x >= cols - lat_clocks) w |= kLat;
        out[x] = w;
    }
}

uint32_t hub75_startup_words(Hub75Chip chip, uint32_t cols, uint16_t *out) {
    if (chip == Hub75Chip::kGeneric) return 0;
    register_write(fm6126a::kReg1FullCurrent, fm6126a::kReg1Clocks, cols, out);
    // Register 2's first word drops LAT: register 1 is written there.
    register_write(fm6126a::kReg2OutputsOn, fm6126a::kReg2Clocks, cols, out + cols);
    return hub75_startup_word_count(chip, cols);
}

}  // namespace upanel::core
