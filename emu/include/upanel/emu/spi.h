// SPI2 (HSPI) and SPI3 (VSPI) as bus masters sending data (MOSI), from the W0..W15 buffer or
// by DMA from lldesc_t chains. Modelled after the TRM: clock = 80 MHz / ((pre+1) * (n+1)),
// a transaction starts when CMD.usr is set and lasts cs_setup + MOSI_DLEN+1 bits + cs_hold
// clocks, then clears usr and sets SLAVE.trans_done. Data comes from DMA while an out link
// started on this unit is running, else from W0.. (lowest byte first). The DMA engine runs only
// with its DPORT clock (SPI_DMA) on and a channel selected for this unit in SPI_DMA_CHAN_SEL;
// descriptors and buffers must be word aligned in DMA-capable RAM and owned by the DMA.
// Whole bytes are handed on with exact times; no bit-by-bit emulation.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "upanel/emu/clock.h"
#include "upanel/emu/dport.h"
#include "upanel/emu/dram.h"
#include "upanel/emu/out_link.h"
#include "upanel/emu/peripheral.h"

namespace upanel::emu {

class Spi;

// Where the bytes go: the board routes them through the GPIO matrix to the devices.
class SpiSink {
public:
    virtual ~SpiSink() = default;
    // The unit's CS0 output changed (active = asserted) at t.
    virtual void spi_select(const Spi &unit, bool active, Picos t) = 0;
    // n bytes, the first one complete at t0 + byte_time, each next one byte_time later.
    virtual void spi_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) = 0;
    virtual void fault(const std::string &what) = 0;
};

class Spi : public Peripheral {
public:
    // DMA_INT_RAW bits.
    static constexpr uint32_t kDmaIntOutDscrErr = 1u << 1;
    static constexpr uint32_t kDmaIntOutDone = 1u << 6;
    static constexpr uint32_t kDmaIntOutEof = 1u << 7;
    static constexpr uint32_t kDmaIntOutTotalEof = 1u << 8;

    // number: 2 (HSPI) or 3 (VSPI).
    Spi(int number, Dram &dram, Dport &dport, const Picos &now);

    int number() const { return number_; }
    uint32_t base() const { return number_ == 2 ? 0x3FF64000 : 0x3FF65000; }
    uint32_t dport_bit() const { return number_ == 2 ? Dport::kBitSpi2 : Dport::kBitSpi3; }
    int irq_source() const { return number_ == 2 ? 30 : 31; }
    int dma_irq_source() const { return number_ == 2 ? 53 : 54; }
    bool irq() const;
    bool dma_irq() const { return (dma_int_raw_ & dma_int_ena_) != 0; }

    // GPIO matrix output signals.
    uint16_t clk_signal() const { return number_ == 2 ? 8 : 63; }
    uint16_t mosi_signal() const { return number_ == 2 ? 10 : 65; }
    uint16_t cs0_signal() const { return number_ == 2 ? 11 : 68; }
    bool cs_active_low() const { return !((pin_ >> 6) & 1u); }  // master_cs_pol bit 0

    Picos bit_time() const;
    // SPI mode 0..3 on the clock and MOSI pads: CPOL is PIN.ck_idle_edge (the clock's idle
    // level); USER.ck_out_edge moves MOSI changes to the other edge, so CPHA is ck_idle_edge
    // xor ck_out_edge (modes 0..3: idle/out 0/0, 0/1, 1/1, 1/0). The MISO delay settings
    // only shift what the master reads, and no emulated device answers on MISO.
    int clock_mode() const;
    bool busy() const { return active_; }
    // Runs until `until` or the end of a transaction. Returns the time reached; sets
    // finished() when a transaction ended in this call.
    Picos run(Picos until, SpiSink &sink);
    bool finished() const { return finished_; }

    struct Stats {
        uint64_t transactions = 0, bytes = 0;
        Picos busy = 0;               // time with CS asserted
        uint64_t written_on_bus = 0;  // DMA transfers whose memory the CPU changed in flight
    };
    const Stats &stats() const { return stats_; }

    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;

private:
    void start();
    size_t pull(uint8_t *out, size_t n, SpiSink &sink);
    bool load(SpiSink &sink);
    void finish_descriptor();
    void finish(SpiSink &sink);
    bool dma_usable(std::string *why) const;
    uint64_t hash_chain(uint32_t bytes) const;

    int number_;
    Dram &dram_;
    Dport &dport_;
    const Picos &now_;
    Picos time_ = 0;

    uint32_t cmd_, ctrl_, ctrl2_, clock_, user_, user1_, user2_, mosi_dlen_, miso_dlen_;
    uint32_t pin_, slave_, dma_conf_, out_link_, in_link_, dma_int_ena_, dma_int_raw_;
    std::array<uint32_t, 16> w_{};

    // The transaction under way.
    bool active_ = false, finished_ = false, pending_start_ = false;
    bool from_dma_ = false;
    Picos t_start_ = 0, t_data0_ = 0, t_end_ = 0;
    uint32_t total_bytes_ = 0, sent_ = 0;
    uint64_t hash_start_ = 0, hash_sent_ = 0;

    // The out-link DMA engine.
    OutLink link_;

    std::vector<uint8_t> scratch_;
    std::string pending_fault_;  // found by a register write, reported by run()
    Stats stats_;
};

}  // namespace upanel::emu
