// DPORT peripheral clock enable and reset (TRM: PERIP_CLK_EN_REG, PERIP_RST_EN_REG).
// A peripheral is usable only while its clock bit is 1 and its reset bit is 0. Also the
// interrupt matrix's map registers: which of a CPU's 32 interrupts each of the 69 interrupt
// sources raises (DPORT_PRO_*_MAP_REG from 0x104, DPORT_APP_*_MAP_REG from 0x218; 5 bits,
// reset value 16, an internal interrupt: not connected).
#pragma once
#include <array>
#include <cstdint>
#include <functional>

#include "upanel/emu/peripheral.h"

namespace upanel::emu {

class Dport : public Peripheral {
  public:
    static constexpr uint32_t kBase = 0x3FF00000;
    static constexpr uint32_t kSize = 0x1000;
    static constexpr uint32_t kPeripClkEn = 0x0C0;
    static constexpr uint32_t kPeripRstEn = 0x0C4;
    static constexpr uint32_t kSpiDmaChanSel = 0x5A8;
    static constexpr uint32_t kProIntrMap0 = 0x104, kAppIntrMap0 = 0x218;
    static constexpr int kIntrSources = 69;

    static constexpr uint32_t kBitSpi2 = 6;
    static constexpr uint32_t kBitI2s0 = 4;
    static constexpr uint32_t kBitSpi3 = 16;
    static constexpr uint32_t kBitI2s1 = 21;
    static constexpr uint32_t kBitSpiDma = 22;

    // Called when a peripheral enters reset, with its bit number.
    std::function<void(uint32_t bit)> on_reset;

    Dport() { reset(); }
    bool usable(uint32_t bit) const { return ((clk_en_ >> bit) & 1u) && !((rst_en_ >> bit) & 1u); }
    // SPI_DMA_CHAN_SEL: 2 bits per SPI1..SPI3, the DMA channel (1 or 2) each one uses.
    uint32_t spi_dma_chan_sel() const { return spi_dma_chan_sel_; }
    // The CPU interrupt a source is mapped to on the PRO (cpu 0) or APP CPU.
    int intr_map(int cpu, int source) const {
        return source >= 0 && source < kIntrSources ? (cpu ? app_map_ : pro_map_)[size_t(source)] : 16;
    }
    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;

  private:
    uint32_t clk_en_ = 0, rst_en_ = 0, spi_dma_chan_sel_ = 0;
    std::array<uint8_t, kIntrSources> pro_map_{}, app_map_{};
};

}  // namespace upanel::emu
