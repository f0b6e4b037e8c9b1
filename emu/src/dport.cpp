#include "upanel/emu/dport.h"

namespace upanel::emu {

// The firmware's start-up gates the clocks of the peripherals it does not use and holds them
// in reset, so a driver has to enable its peripheral before the registers respond.
static constexpr uint32_t kGatedAtBoot = (1u << Dport::kBitI2s0) | (1u << Dport::kBitI2s1) |
                                         (1u << Dport::kBitSpi2) | (1u << Dport::kBitSpi3) |
                                         (1u << Dport::kBitSpiDma);
static constexpr uint32_t kClkEnResetValue = 0xF9C1E06F;

void Dport::reset() {
    clk_en_ = kClkEnResetValue & ~kGatedAtBoot;
    rst_en_ = kGatedAtBoot;
    spi_dma_chan_sel_ = 0;
    pro_map_.fill(16);
    app_map_.fill(16);
}

uint32_t Dport::read(uint32_t offset) {
    switch (offset) {
        case kPeripClkEn:
            return clk_en_;
        case kPeripRstEn:
            return rst_en_;
        case kSpiDmaChanSel:
            return spi_dma_chan_sel_;
        default:
            break;
    }
    if (offset >= kProIntrMap0 && offset < kProIntrMap0 + 4 * kIntrSources)
        return pro_map_[(offset - kProIntrMap0) / 4];
    if (offset >= kAppIntrMap0 && offset < kAppIntrMap0 + 4 * kIntrSources)
        return app_map_[(offset - kAppIntrMap0) / 4];
    return 0;
}

void Dport::write(uint32_t offset, uint32_t value) {
    switch (offset) {
        case kPeripClkEn:
            clk_en_ = value;
            break;  // a gated block keeps its registers
        case kPeripRstEn: {
            uint32_t entered = value & ~rst_en_;
            rst_en_ = value;
            for (uint32_t bit = 0; bit < 32; bit++)
                if ((entered >> bit) & 1u && on_reset) on_reset(bit);
            break;
        }
        case kSpiDmaChanSel:
            spi_dma_chan_sel_ = value & 0x3F;
            break;
        default:
            if (offset >= kProIntrMap0 && offset < kProIntrMap0 + 4 * kIntrSources)
                pro_map_[(offset - kProIntrMap0) / 4] = uint8_t(value & 0x1F);
            else if (offset >= kAppIntrMap0 && offset < kAppIntrMap0 + 4 * kIntrSources)
                app_map_[(offset - kAppIntrMap0) / 4] = uint8_t(value & 0x1F);
            break;
    }
}

}  // namespace upanel::emu
