// The emulated ESP32 board: address space, DMA RAM, DPORT, GPIO matrix, I2S0/I2S1, SPI2/SPI3,
// interrupts,
// virtual time, and the devices wired to its pads.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

#include "upanel/emu/clock.h"
#include "upanel/emu/dport.h"
#include "upanel/emu/dram.h"
#include "upanel/emu/gpio.h"
#include "upanel/emu/hub75_panel.h"
#include "upanel/emu/i2s.h"
#include "upanel/emu/ili9341_model.h"
#include "upanel/emu/rtc_cntl.h"
#include "upanel/emu/spi.h"
#include "upanel/emu/xpt2046_model.h"
#include "upanel/emu/timg.h"
#include "upanel/ll/host_bus.h"

namespace upanel::emu {

class Board : private I2sSink, private SpiSink {
  public:
    struct Stats {
        uint64_t reg_reads = 0, reg_writes = 0, interrupts = 0;
    };

    explicit Board(uint32_t dma_heap_bytes = Dram::kDefaultHeapBytes);
    ~Board() override;
    Board(const Board &) = delete;
    Board &operator=(const Board &) = delete;

    // CPU side: what the register layer's host back end calls.
    uint32_t read32(uint32_t addr);
    void write32(uint32_t addr, uint32_t value);
    Dram &dram() { return dram_; }
    bool attach_isr(int source, void (*fn)(void *), void *arg);
    void detach_isr(int source);
    // The CPU's own interrupts (the PRO CPU's 32), fed by the interrupt matrix: handler,
    // INTENABLE, PS.INTLEVEL (host_bus.h says how they behave).
    void cpu_intr_handler(int intno, void (*fn)(void *), void *arg);
    uint32_t cpu_intr_enable(uint32_t enable, uint32_t disable);
    int cpu_intr_level(int level);
    // A driver's wait loop: lets time pass until an interrupt was served or a short while.
    void idle();
    // The interface a register layer's host back end binds to; routes to this board.
    const upanel_host_bus *host_bus();

    // Time.
    Picos now() const { return now_; }
    void run_until(Picos t);
    void run_for(Picos d) { run_until(now_ + d); }
    // Calls fn once, from inside the step that brings virtual time to t (the next step when t
    // has passed), however time is made to pass: by a script or in a driver's wait. For
    // watching: fn may read the devices, not drive the CPU side or time.
    void call_at(Picos t, std::function<void()> fn);
    // When the next timer-group alarm comes (Timg::kNever: none armed).
    Picos next_timer_alarm() const;

    // The outside world on a pad (a button, another chip's output): drives it at level 0 or
    // 1, or lets it go (-1), so that the pad shows its pull or floats. The chip's own output
    // wins where both drive a pad.
    void set_pad(int pad, int level);

    // Devices.
    void attach_hub75(const Hub75Geometry &g, const Hub75Pins &pins, const Hub75Electrical &electrical = {});
    Hub75Panel *hub75() { return hub75_.get(); }
    // An ILI9341 display; one is wired by default, with the seed's pads.
    void attach_ili9341(const Ili9341Pins &pins);
    Ili9341Model *ili9341() { return ili9341_.get(); }
    // An XPT2046 touch controller (none by default: its default CS pad, 25, is a HUB75 pad).
    void attach_xpt2046(const Xpt2046Pins &pins, const Xpt2046Calibration &cal = {});
    Xpt2046Model *xpt2046() { return xpt2046_.get(); }
    const Xpt2046Pins &xpt2046_pins() const { return xpt2046_pins_; }
    // The glass touched at (x, y) in panel pixels, or let go (nothing without a touch panel).
    void touch(double x, double y);
    void release();

    Stats stats() const { return stats_; }
    const std::vector<std::string> &faults() const { return faults_; }
    Gpio &gpio() { return gpio_; }
    Dport &dport() { return dport_; }
    I2s &i2s(int i) { return i ? i2s1_ : i2s0_; }
    Spi &spi(int number) { return number == 2 ? spi2_ : spi3_; }
    Timg &timg(int i) { return i ? timg1_ : timg0_; }

  private:
    struct Isr {
        int source;
        void (*fn)(void *);
        void *arg;
    };
    struct CpuIsr {
        void (*fn)(void *) = nullptr;
        void *arg = nullptr;
    };
    struct ReadRecord {
        uint32_t addr, len;
        uint64_t hash;
    };

    Peripheral *peripheral_at(uint32_t addr, uint32_t &offset, int &dport_bit);
    void write_register(uint32_t addr, uint32_t value);
    bool step(Picos t, bool cpu_may_write = true);
    void call_due();
    bool dispatch_interrupts();
    bool dispatch_cpu_interrupts();
    uint32_t cpu_intr_lines();
    void sample_edge_lines();
    void intr_map_changed();
    bool irq_pending(int source);
    uint32_t intr_status(int word);
    void pads_changed();
    void check_shown_data();

    // I2sSink
    void samples(const I2s &unit, const uint16_t *s, size_t n, Picos t0, Picos dt) override;
    void buffer_read(const I2s &unit, uint32_t addr, uint32_t len) override;
    void fault(const std::string &what) override;
    // SpiSink
    void spi_select(const Spi &unit, int line, bool active, Picos t) override;
    void spi_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) override;
    void spi_bits(const Spi &unit, const uint8_t *mosi, uint8_t *miso, size_t n, Picos t0,
                  Picos bit_time) override;
    bool pad_level(int pad, bool floating_level) const;
    // A CS pad's level when an SPI unit's CS line drives it: true and the level in `high`.
    bool spi_cs_level(const PadRoute &r, bool &high) const;
    void update_ili9341_pads();
    void ili9341_select(const Spi &unit, int line, bool active, Picos t);
    void ili9341_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time);
    void ili9341_stream(const Spi &unit, const uint8_t *mosi, size_t n, Picos t0, Picos bit_time);
    void update_xpt2046_pads();
    void xpt2046_select(const Spi &unit, int line, bool active, Picos t);
    void xpt2046_stream(const Spi &unit, const uint8_t *mosi, uint8_t *dout, size_t n);
    struct InputSource {
        int8_t bit = -1;  // sample bit, or -1 for a constant level
        bool level = false, invert = false;
    };
    void trace_inputs(const I2s &unit);
    uint16_t input_word(uint32_t sample) const;
    void rewire(const I2s &unit);
    void update_static_inputs();

    Picos now_ = 0;
    std::multimap<Picos, std::function<void()>> calls_at_;
    Dram dram_;
    Dport dport_;
    Gpio gpio_;
    I2s i2s0_, i2s1_;
    Spi spi2_, spi3_;
    Timg timg0_, timg1_;
    RtcCntl rtc_cntl_;
    std::vector<Isr> isrs_;
    std::array<CpuIsr, 32> cpu_isrs_{};
    uint32_t intenable_ = 0, edge_seen_ = 0, edge_latched_ = 0;
    bool edge_mapped_ = false;  // a source is mapped to an edge-triggered CPU interrupt
    int intlevel_ = 0;
    upanel_host_bus_t bus_{};
    Stats stats_;
    std::vector<std::string> faults_;

    std::unique_ptr<Hub75Panel> hub75_;
    Hub75Pins hub75_pins_;
    // Sample -> panel input word for the unit and wiring it was built for.
    std::vector<uint16_t> lut_;
    std::vector<uint16_t> translated_;
    uint64_t lut_gpio_version_ = 0;
    int lut_unit_ = -1, lut_bits_ = -1;
    uint64_t lut_panel_serial_ = 0, panel_serial_ = 0;
    Hub75Panel::Clocking clocking_ = Hub75Panel::Clocking::kLevel;
    InputSource sources_[14];
    uint16_t last_sample_[2] = {};
    uint64_t refreshes_seen_ = 0;
    std::vector<ReadRecord> shown_;  // DMA buffers read during the refresh under way
    ReadRecord last_read_{};
    std::unordered_map<uint32_t, size_t> shown_index_;  // buffer address -> shown_ index
    std::set<uint32_t> changed_blocks_;                 // heap blocks rewritten during the refresh under way

    std::unique_ptr<Ili9341Model> ili9341_;
    Ili9341Pins ili9341_pins_;
    std::vector<uint8_t> mosi_bytes_;  // bytes as the display's MOSI pad carries them
    uint8_t ili9341_byte_ = 0;         // bits clocked one by one since its selection
    int ili9341_bits_ = 0;

    std::unique_ptr<Xpt2046Model> xpt2046_;
    Xpt2046Pins xpt2046_pins_;
};

// The board the host firmware's modules share, created on first use.
Board &default_board();

}  // namespace upanel::emu
