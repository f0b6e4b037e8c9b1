// The looping DMA descriptor chain of one HUB75 frame: for each refresh of the dither cycle
// (see bcm_plan.h), per row and window, the dither slot and the padding (taken from small
// per-row buffers of idle words shared by all frames) and then the window's data words, and
// after each refresh the dark gap that sets the duty (from one shared buffer of dark words).
// All refreshes of the cycle read the same data words. Consecutive data parts are merged into one descriptor
// where they are contiguous, up to the 4092-byte limit. The last descriptor links back to the first. All are
// owned by the DMA and none carries EOF: the driver sets the one EOF that marks the frame
// boundary it waits for.
#pragma once
#include <stdint.h>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/lldesc.h"

namespace upanel::core {

struct Hub75ChainLayout {
    uint32_t data_addr;    // chip address of the frame's data words
    uint32_t pad_addr;     // chip address of row 0's idle words
    uint32_t pad_chunk;    // idle words of each kind per row: dark [0, chunk), lit [chunk, 2 chunk)
    uint32_t desc_addr;    // chip address of descriptor 0
    uint32_t dither_addr;  // chip address of row 0's dither slots: dark, then with its clock lit
    uint32_t gap_addr;     // chip address of the dark gap words
    uint32_t gap_chunk;    // dark gap words
};

// Bytes of idle words per row address.
constexpr uint32_t hub75_pad_row_bytes(uint32_t chunk) { return 4 * chunk; }
// Bytes of the two dither slots of one row address.
inline uint32_t hub75_dither_row_bytes(const BcmPlan &plan) { return 4 * plan.dither_slot_clocks(); }

// What a full-brightness plan needs at any brightness: idle words per kind and row (enough for
// the longest padding, at most 512), dark gap words (at most 2040) and descriptors.
struct Hub75ChainNeeds {
    uint32_t pad_chunk, gap_chunk, descriptors;
};
Hub75ChainNeeds hub75_chain_needs(const BcmPlan &full);
// Writes the chain of `plan` (a plan_brightness() plan; or only counts it when out is null);
// returns the number of descriptors.
uint32_t hub75_build_chain(const BcmPlan &plan, const Hub75ChainLayout &l, LlDesc *out);
// Fills one row's idle words: dark ones with OE high, lit ones with OE low, both on address a.
void hub75_fill_pad_row(uint16_t *row_words, uint32_t chunk, uint32_t a);
// Fills one row's dither slots (slot clocks each, in the I2S's word order): dark, then the
// same with the clock after the blanking lit.
void hub75_fill_dither_row(const BcmPlan &plan, uint16_t *row_words, uint32_t a);
// Fills the dark gap: OE high, no LAT, on the last row's address (window 0 of row 0 keeps it).
void hub75_fill_gap(uint16_t *words, uint32_t chunk, uint32_t rows);

}  // namespace upanel::core
