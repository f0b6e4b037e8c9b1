// The looping DMA descriptor chain of one HUB75 frame: per row and window, the padding (taken
// from small per-row buffers of dark and lit idle words shared by all frames) and then the
// window's data words. Consecutive data parts are merged into one descriptor where they are
// contiguous, up to the 4092-byte limit. The last descriptor links back to the first. All are
// owned by the DMA and none carries EOF: the driver sets the one EOF that marks the frame
// boundary it waits for.
#pragma once
#include <stdint.h>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/lldesc.h"

namespace upanel::core {

struct Hub75ChainLayout {
    uint32_t data_addr;  // chip address of the frame's data words
    uint32_t pad_addr;   // chip address of row 0's idle words
    uint32_t pad_chunk;  // idle words of each kind per row: dark [0, chunk), lit [chunk, 2 chunk)
    uint32_t desc_addr;  // chip address of descriptor 0
};

// Bytes of idle words per row address.
constexpr uint32_t hub75_pad_row_bytes(uint32_t chunk) { return 4 * chunk; }
// Idle words per kind and row: enough for the longest padding, at most 512 words.
uint32_t hub75_pad_chunk(const BcmPlan &plan);
// Descriptors needed at any brightness.
uint32_t hub75_chain_capacity(const BcmPlan &plan, uint32_t pad_chunk);
// Writes the chain (or only counts it when out is null); returns the number of descriptors.
uint32_t hub75_build_chain(const BcmPlan &plan, uint32_t brightness, const Hub75ChainLayout &l, LlDesc *out);
// Fills one row's idle words: dark ones with OE high, lit ones with OE low, both on address a.
void hub75_fill_pad_row(uint16_t *row_words, uint32_t chunk, uint32_t a);

}  // namespace upanel::core
