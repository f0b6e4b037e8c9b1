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
    uint32_t dither_addr;  // chip address of row 0's dither slots: dark, then with its clock lit
    uint32_t gap_addr;     // chip address of the dark gap words
    uint32_t gap_chunk;    // dark gap words
};

// Bytes of idle words per row address.
constexpr uint32_t hub75_pad_row_bytes(uint32_t chunk) { return 4 * chunk; }
// Bytes of the two dither slots of one row address.
inline uint32_t hub75_dither_row_bytes(const BcmPlan &plan) { return 4 * plan.dither_slot_clocks(); }

// What a full-brightness plan needs at any brightness: idle words per kind and row, dark gap
// words (at most 2040) and descriptors of the longest chain. The idle words come in the chunk
// (32 to 512 words) that keeps them and `frames` frames' descriptors smallest together.
struct Hub75ChainNeeds {
    uint32_t pad_chunk, gap_chunk, descriptors;
};
Hub75ChainNeeds hub75_chain_needs(const BcmPlan &full, uint32_t frames);
// Where a chain's descriptors go: blocks of DMA-capable RAM filled in order, so that a chain
// that outgrows its room can get another block rather than a bigger one.
struct Hub75DescBlock {
    LlDesc *desc;    // where the CPU writes them
    uint32_t addr;   // their chip address
    uint32_t count;  // descriptors the block holds
};
// The number of descriptors in the chain of `plan` (a plan_brightness() plan); with blocks,
// the chain is written into them, or nothing and 0 returned when they hold too few.
uint32_t hub75_build_chain(const BcmPlan &plan, const Hub75ChainLayout &l,
                           const Hub75DescBlock *blocks = nullptr, uint32_t block_count = 0);
// Fills one row's idle words: dark ones with OE high, lit ones with OE low, both on address a.
void hub75_fill_pad_row(uint16_t *row_words, uint32_t chunk, uint32_t a);
// Fills one row's dither slots (slot clocks each, in the I2S's word order): dark, then the
// same with the clock after the blanking lit.
void hub75_fill_dither_row(const BcmPlan &plan, uint16_t *row_words, uint32_t a);
// Fills the dark gap: OE high, no LAT, on the last row's address (window 0 of row 0 keeps it).
void hub75_fill_gap(uint16_t *words, uint32_t chunk, uint32_t rows);

}  // namespace upanel::core
