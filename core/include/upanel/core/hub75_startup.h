// Driver chips on HUB75 panels that need their configuration registers written before they
// light (the FM6126A family), and the words that write them.
//
// An FM6126A (and the ICN2038S, which the open panel libraries start the same way) takes a
// command from how many CLK rising edges see LAT high before LAT falls: 11 write configuration
// register 1, 12 register 2; anything else latches the shifted data as a plain shift register
// does. Each chip drives 16 outputs of one colour line and takes the 16 bits its shift
// register holds, the bit shifted first into bit 15. Register 2 bit 6 switches the outputs on (clear at
// power-up, so the panel stays dark); register 1 bits 5..10 set the output current (all set: full). Public
// sources: the FM6127 register description and the start-up the two widely used open panel libraries send
// (LAT high across the last 11 and 12 clocks of a row).
#pragma once
#include <stdint.h>

namespace upanel::core {

// FM6124 panels are started with the same two writes by the open panel libraries (one start-up
// serves all three there); no datasheet of its registers was checked here.
enum class Hub75Chip : uint8_t { kGeneric, kFm6126a, kIcn2038s, kFm6124 };

namespace fm6126a {
constexpr uint32_t kReg1Clocks = 11;  // CLK rising edges with LAT high that write register 1
constexpr uint32_t kReg2Clocks = 12;  // ... register 2
constexpr uint32_t kBitsPerChip = 16;
constexpr uint16_t kReg1FullCurrent = 0x07E0;  // bits 5..10: the output current's six bits
constexpr uint16_t kReg2OutputsOn = 0x0040;    // bit 6
}  // namespace fm6126a

// Words (bit layout of hub75_encoder.h, OE high throughout, address 0) that write both
// registers of every chip of a chain `cols` clocks long; in sending order (the DMA's 32-bit
// word swap is the caller's). Returns their number; 0 for a chip that needs none. The words
// end with LAT high: the register 2 write takes effect when the next word drops it.
uint32_t hub75_startup_words(Hub75Chip chip, uint32_t cols, uint16_t *out);
constexpr uint32_t hub75_startup_word_count(Hub75Chip chip, uint32_t cols) {
    return chip == Hub75Chip::kGeneric ? 0 : 2 * cols;
}

}  // namespace upanel::core
