// SPI2 (HSPI) and SPI3 (VSPI) as bus masters, modelled after the TRM: clock = 80 MHz /
// ((pre+1) * (n+1)); a transaction starts when CMD.usr is set, runs the phases USER enables
// (cs_setup, command, address, dummy, MOSI, MISO, cs_hold), each phase's bits at the SPI
// clock, then clears usr and sets SLAVE.trans_done. Every CS line PIN does not disable is
// asserted for the whole transaction (master_cs_pol gives each line's active level).
// - Command phase (usr_command): USER2.usr_command_bitlen+1 bits of usr_command_value, sent
//   bits 7..0 then 15..8 (ESP-IDF swaps the bytes of a command to send it MSB first);
//   LSB first (CTRL.wr_bit_order) from bit 0 up. Address phase (usr_addr): ADDR from bit 31
//   down (LSB first: its highest byte first, each from bit 0). Dummy: clocks, MOSI low.
// - MOSI data (usr_mosi, MOSI_DLEN+1 bits) come from DMA while an out link started on this
//   unit is running, else from W0.. (W8.. with usr_mosi_highpart), lowest byte first, each
//   byte MSB first unless wr_bit_order.
// - MISO data (usr_miso, MISO_DLEN+1 bits): sampled from the unit's MISO input signal (the
//   GPIO matrix says which pad) into W0.. (W8.. with usr_miso_highpart), lowest byte first,
//   each byte filled from bit 7 down unless CTRL.rd_bit_order; bits past the length keep
//   what they held. Half duplex (USER.doutdin clear): the MISO phase follows the MOSI phase,
//   MOSI low meanwhile. Full duplex (doutdin set): both at once, for MOSI_DLEN+1 bits (the
//   MISO length when there is no MOSI phase), of which the first MISO_DLEN+1 are kept.
//   Received data go to the data buffer only: a started DMA in link is a fault (not modelled).
// The DMA engine runs only with its DPORT clock (SPI_DMA) on and a channel selected for this
// unit in SPI_DMA_CHAN_SEL; descriptors and buffers must be word aligned in DMA-capable RAM
// and owned by the DMA. A transaction of whole MOSI bytes only is handed on as bytes with
// exact times while it runs; any other (a command, address or dummy phase, MISO, a partial
// byte) is handed on bit by bit when it has been clocked, each bit with its time.
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
    // The unit's CS line (0..2) changed (active = asserted) at t.
    virtual void spi_select(const Spi &unit, int line, bool active, Picos t) = 0;
    // n bytes, the first one complete at t0 + byte_time, each next one byte_time later.
    virtual void spi_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) = 0;
    // n clocks: bit i of the stream (mosi[i / 8] >> (7 - i % 8)) is sampled at
    // t0 + (i + 1) * bit_time; the sink writes what the unit's MISO input shows at each of
    // those edges into miso, in the same layout (zeroed by the caller).
    virtual void spi_bits(const Spi &unit, const uint8_t *mosi, uint8_t *miso, size_t n, Picos t0,
                          Picos bit_time) = 0;
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
    // CS line 0..2: HSPICS0 11, HSPICS1 61, HSPICS2 62; VSPICS0..2 68..70.
    uint16_t cs_signal(int line) const {
        return number_ == 2 ? uint16_t(line == 0 ? 11 : 60 + line) : uint16_t(68 + line);
    }
    bool cs_active_low(int line = 0) const { return !((pin_ >> (6 + line)) & 1u); }  // master_cs_pol
    // GPIO matrix input signal of MISO (HSPIQ_in 9, VSPIQ_in 64).
    uint16_t miso_signal() const { return number_ == 2 ? 9 : 64; }

    Picos bit_time() const;
    // SPI mode 0..3 on the clock and MOSI pads: CPOL is PIN.ck_idle_edge (the clock's idle
    // level); USER.ck_out_edge moves MOSI changes to the other edge, so CPHA is ck_idle_edge
    // xor ck_out_edge (modes 0..3: idle/out 0/0, 0/1, 1/1, 1/0). The MISO delay settings
    // only shift what the master reads; devices answer on MISO in any mode here.
    int clock_mode() const;
    bool busy() const { return active_; }
    // Whether CS line 0..2 is asserted now.
    bool cs_asserted(int line) const { return active_ && ((cs_lines_ >> line) & 1u); }
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
    void exchange_bits(SpiSink &sink);
    void store_miso(const std::vector<uint8_t> &in, uint32_t from, uint32_t bits);
    bool dma_usable(std::string *why) const;
    uint64_t hash_chain(uint32_t bytes) const;

    int number_;
    Dram &dram_;
    Dport &dport_;
    const Picos &now_;
    Picos time_ = 0;

    uint32_t cmd_, addr_, ctrl_, ctrl2_, clock_, user_, user1_, user2_, mosi_dlen_, miso_dlen_;
    uint32_t pin_, slave_, dma_conf_, out_link_, in_link_, dma_int_ena_, dma_int_raw_;
    std::array<uint32_t, 16> w_{};

    // The transaction under way.
    bool active_ = false, finished_ = false, pending_start_ = false;
    bool from_dma_ = false;
    uint8_t cs_lines_ = 0;  // the lines asserted for the transaction under way
    // Bit by bit: the stream is handed on when clocked (at t_end_ less the hold).
    bool by_bits_ = false;
    uint32_t pre_bits_ = 0, mosi_bits_ = 0, miso_bits_ = 0, stream_bits_ = 0;
    uint32_t miso_from_ = 0;  // the stream bit the MISO data start at
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
