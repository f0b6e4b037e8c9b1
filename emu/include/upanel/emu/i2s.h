// I2S0/I2S1 in LCD (parallel) TX mode, with the out-link DMA engine that walks lldesc_t chains.
// Modelled as the TRM describes: pixel clock f = 160 MHz / (N + b/a) / M / 2 from CLKM_CONF and
// SAMPLE_RATE_CONF; 16-bit samples leave each 32-bit FIFO word upper half first; descriptors
// must be word aligned in DMA-capable RAM and are read (header, buf, next) when the engine
// starts them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "upanel/emu/clock.h"
#include "upanel/emu/dport.h"
#include "upanel/emu/dram.h"
#include "upanel/emu/out_link.h"
#include "upanel/emu/peripheral.h"

namespace upanel::emu {

class I2s;

// Where the samples go: the board fans them out to the pads and the devices on them.
class I2sSink {
  public:
    virtual ~I2sSink() = default;
    virtual void samples(const I2s &unit, const uint16_t *s, size_t n, Picos t0, Picos dt) = 0;
    virtual void buffer_read(const I2s &unit, uint32_t addr, uint32_t len) = 0;
    virtual void fault(const std::string &what) = 0;
};

class I2s : public Peripheral {
  public:
    // INT_RAW bits.
    static constexpr uint32_t kIntOutDone = 1u << 11;
    static constexpr uint32_t kIntOutEof = 1u << 12;
    static constexpr uint32_t kIntOutDscrErr = 1u << 14;
    static constexpr uint32_t kIntOutTotalEof = 1u << 16;

    I2s(int index, Dram &dram, Dport &dport, const Picos &now);

    int index() const { return index_; }
    uint32_t base() const { return index_ == 0 ? 0x3FF4F000 : 0x3FF6D000; }
    uint32_t dport_bit() const { return index_ == 0 ? Dport::kBitI2s0 : Dport::kBitI2s1; }
    int irq_source() const { return index_ == 0 ? 32 : 33; }
    bool irq() const { return (int_raw_ & int_ena_) != 0; }

    // GPIO matrix signals: WS carries the pixel clock, sample bit i leaves on data_signal(i).
    uint16_t ws_signal() const { return index_ == 0 ? 25 : 26; }
    uint16_t data_signal(int bit) const;
    int sample_bits() const;  // 16 or 8 in LCD mode, 0 when not sending parallel data

    bool transmitting() const { return tx_running_ && link_.running(); }
    // Runs until `until` or until the unit raises an enabled interrupt. Returns its time.
    Picos run(Picos until, I2sSink &sink);
    Picos time() const { return time_; }
    Picos sample_period() const;  // 0 when the clock configuration cannot run

    uint32_t read(uint32_t offset) override;
    void write(uint32_t offset, uint32_t value) override;
    void reset() override;

  private:
    bool load(I2sSink &sink);
    void finish_descriptor();

    int index_;
    Dram &dram_;
    Dport &dport_;
    const Picos &now_;
    Picos time_ = 0;

    uint32_t conf_, int_raw_, int_ena_, fifo_conf_, conf_chan_, out_link_, lc_conf_;
    uint32_t conf1_, conf2_, clkm_conf_, sample_rate_conf_, timing_;

    bool tx_running_ = false;
    OutLink link_;
    std::vector<uint16_t> scratch_;
};

}  // namespace upanel::emu
