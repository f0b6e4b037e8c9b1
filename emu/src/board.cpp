#include "upanel/emu/board.h"

#include <algorithm>
#include <cstdio>

#include "upanel/ll/host_bus.h"

namespace upanel::emu {

namespace {
constexpr uint32_t kUart0Date = 0x3FF40078;  // read by the DPORT errata workaround
constexpr Picos kIdleQuantum = 20 * kPicosPerUs;
constexpr int kInterruptStorm = 1000;

uint64_t hash_bytes(const uint8_t *p, uint32_t n) {
    uint64_t h = 1469598103934665603ull;
    for (uint32_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}
}  // namespace

Board::Board(uint32_t dma_heap_bytes)
    : dram_(dma_heap_bytes), i2s0_(0, dram_, dport_, now_), i2s1_(1, dram_, dport_, now_),
      spi2_(2, dram_, dport_, now_), spi3_(3, dram_, dport_, now_) {
    dport_.on_reset = [this](uint32_t bit) {
        if (bit == i2s0_.dport_bit()) i2s0_.reset();
        if (bit == i2s1_.dport_bit()) i2s1_.reset();
        if (bit == spi2_.dport_bit()) spi2_.reset();
        if (bit == spi3_.dport_bit()) spi3_.reset();
    };
    attach_hub75(Hub75Geometry{}, Hub75Pins{});
    attach_ili9341(Ili9341Pins{});
}

Board::~Board() {
    if (upanel_host_bus_current && upanel_host_bus_current->ctx == this)
        upanel_host_bus_current = nullptr;
}

Peripheral *Board::peripheral_at(uint32_t addr, uint32_t &offset, int &dport_bit) {
    dport_bit = -1;
    auto in = [&](uint32_t base, uint32_t size) {
        offset = addr - base;
        return addr >= base && addr - base < size;
    };
    if (in(Dport::kBase, Dport::kSize)) return &dport_;
    if (in(Gpio::kBase, Gpio::kSize)) return &gpio_;
    if (in(i2s0_.base(), 0x100)) {
        dport_bit = int(i2s0_.dport_bit());
        return &i2s0_;
    }
    if (in(i2s1_.base(), 0x100)) {
        dport_bit = int(i2s1_.dport_bit());
        return &i2s1_;
    }
    for (Spi *unit : {&spi2_, &spi3_})
        if (in(unit->base(), 0x400)) {
            dport_bit = int(unit->dport_bit());
            return unit;
        }
    return nullptr;
}

uint32_t Board::read32(uint32_t addr) {
    stats_.reg_reads++;
    if (addr & 3) {
        fault("unaligned register read at " + std::to_string(addr));
        return 0;
    }
    if (addr == kUart0Date) return 0x15122500;
    if (addr >= Gpio::kIoMuxBase && addr < Gpio::kIoMuxBase + Gpio::kIoMuxSize)
        return gpio_.iomux_read(addr - Gpio::kIoMuxBase);
    uint32_t offset;
    int bit;
    Peripheral *p = peripheral_at(addr, offset, bit);
    if (!p) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "read of unmapped address 0x%08X", unsigned(addr));
        fault(msg);
        return 0;
    }
    if (bit >= 0 && !dport_.usable(uint32_t(bit))) return 0;
    return p->read(offset);
}

void Board::write32(uint32_t addr, uint32_t value) {
    stats_.reg_writes++;
    if (addr >= Gpio::kIoMuxBase && addr < Gpio::kIoMuxBase + Gpio::kIoMuxSize) {
        gpio_.iomux_write(addr - Gpio::kIoMuxBase, value);
        update_static_inputs();
        update_ili9341_pads();
        return;
    }
    uint32_t offset;
    int bit;
    Peripheral *p = peripheral_at(addr, offset, bit);
    if (!p || (addr & 3)) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "write to unmapped address 0x%08X", unsigned(addr));
        fault(msg);
        return;
    }
    // A peripheral whose clock is gated or that is held in reset ignores writes.
    if (bit >= 0 && !dport_.usable(uint32_t(bit))) return;
    p->write(offset, value);
    if (p == &gpio_) {
        update_static_inputs();
        update_ili9341_pads();
    }
}

bool Board::attach_isr(int source, void (*fn)(void *), void *arg) {
    for (auto &isr : isrs_)
        if (isr.source == source) return false;
    isrs_.push_back({source, fn, arg});
    return true;
}

void Board::detach_isr(int source) {
    for (size_t i = 0; i < isrs_.size(); i++)
        if (isrs_[i].source == source) isrs_.erase(isrs_.begin() + long(i));
}

bool Board::irq_pending(int source) {
    if (source == i2s0_.irq_source()) return dport_.usable(i2s0_.dport_bit()) && i2s0_.irq();
    if (source == i2s1_.irq_source()) return dport_.usable(i2s1_.dport_bit()) && i2s1_.irq();
    for (Spi *unit : {&spi2_, &spi3_}) {
        if (source == unit->irq_source()) return dport_.usable(unit->dport_bit()) && unit->irq();
        if (source == unit->dma_irq_source())
            return dport_.usable(Dport::kBitSpiDma) && unit->dma_irq();
    }
    return false;
}

// Level-triggered, as the interrupt matrix is: a handler that does not clear its cause is
// called again, and a storm is reported and the source masked.
bool Board::dispatch_interrupts() {
    bool served = false;
    for (size_t i = 0; i < isrs_.size(); i++) {
        Isr isr = isrs_[i];
        int calls = 0;
        while (irq_pending(isr.source)) {
            if (++calls > kInterruptStorm) {
                fault("interrupt storm on source " + std::to_string(isr.source) +
                      ": the handler does not clear its interrupt; source masked");
                detach_isr(isr.source);
                break;
            }
            stats_.interrupts++;
            isr.fn(isr.arg);
            served = true;
        }
    }
    return served;
}

// The CPU writes DMA memory only while time stands still. A refresh is torn when, after such
// a write changed data it had already shown, it goes on to show more of the same memory
// block: part of it is then the old picture and part the new one.
void Board::check_shown_data() {
    for (ReadRecord &r : shown_) {
        uint64_t h = hash_bytes(dram_.host(r.addr), r.len);
        if (h == r.hash) continue;
        r.hash = h;
        uint32_t block = dram_.block_of(r.addr);
        if (block) changed_blocks_.insert(block);
    }
}

// Runs the peripherals to t, stopping early when one raises an interrupt or ends an SPI
// transaction, and serves the interrupts. Returns whether a handler ran or a transaction
// ended (what a polling driver waits for). The CPU may have written DMA memory since time
// last ran, which check_shown_data() looks for before and after.
bool Board::step(Picos t, bool cpu_may_write) {
    if (!calls_at_.empty()) t = std::min(t, std::max(calls_at_.begin()->first, now_));
    if (cpu_may_write) check_shown_data();
    // Stop early where a unit raised an interrupt or ended a transfer during this step; an
    // old, unserved condition (no handler attached) must not hold time still.
    const Picos start = now_;
    Picos reached = t;
    for (I2s *unit : {&i2s0_, &i2s1_}) {
        Picos u = unit->run(t, *this);
        if (unit->irq() && u > start && u < reached) reached = u;
    }
    bool ended = false;
    for (Spi *unit : {&spi2_, &spi3_}) {
        Picos u = unit->run(t, *this);
        if (u <= start) continue;
        if (unit->finished()) ended = true;
        if ((unit->finished() || unit->irq() || unit->dma_irq()) && u < reached) reached = u;
    }
    now_ = reached > now_ ? reached : now_;
    if (hub75_) hub75_->hold_until(now_);
    call_due();
    bool served = dispatch_interrupts();
    if (served || cpu_may_write) check_shown_data();  // handlers write DMA memory too
    return served || ended;
}

void Board::call_at(Picos t, std::function<void()> fn) { calls_at_.emplace(t, std::move(fn)); }

// Each call leaves the list before it runs, so it may schedule another.
void Board::call_due() {
    while (!calls_at_.empty() && calls_at_.begin()->first <= now_) {
        std::function<void()> fn = std::move(calls_at_.begin()->second);
        calls_at_.erase(calls_at_.begin());
        fn();
    }
}

void Board::run_until(Picos t) {
    while (now_ < t) step(t);
}

// A waiting CPU writes no DMA memory: DMA data is checked once, not at every step.
void Board::idle() {
    Picos end = now_ + kIdleQuantum;
    check_shown_data();
    while (now_ < end)
        if (step(end, false)) break;
}

void Board::attach_hub75(const Hub75Geometry &g, const Hub75Pins &pins) {
    hub75_ = std::make_unique<Hub75Panel>(g);
    hub75_->hold_until(now_);
    hub75_pins_ = pins;
    panel_serial_++;
    shown_.clear();
    shown_index_.clear();
}

// Where each panel input comes from through the GPIO matrix, for samples of `unit`.
void Board::trace_inputs(const I2s &unit) {
    auto source_of = [&](int pad) {
        InputSource s;
        PadRoute r = gpio_.route(pad);
        if (r.kind == PadRoute::kLevel) s.level = r.level;
        if (r.kind != PadRoute::kSignal) return s;
        for (int b = 0; b < unit.sample_bits(); b++)
            if (unit.data_signal(b) == r.signal) s.bit = int8_t(b);
        s.invert = r.invert;
        if (s.bit < 0) s.level = r.invert;  // a signal of another block, idle low
        return s;
    };
    for (int i = 0; i < 14; i++) sources_[i] = source_of(hub75_pins_.pad[i]);
    PadRoute clk = gpio_.route(hub75_pins_.pad[13]);
    if (clk.kind == PadRoute::kSignal && clk.signal == unit.ws_signal())
        clocking_ = clk.invert ? Hub75Panel::Clocking::kEveryWordLate
                               : Hub75Panel::Clocking::kEveryWord;
    else
        clocking_ = Hub75Panel::Clocking::kLevel;
}

// The panel's input word (bit layout of Hub75Panel) while `unit` outputs `sample`.
uint16_t Board::input_word(uint32_t sample) const {
    // Input order of Hub75Pins: R1..B2 (bits 0..5), A..E (8..12), LAT (6), OE (7), CLK (13).
    static constexpr int kInputBit[14] = {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 6, 7, 13};
    uint16_t w = 0;
    for (int i = 0; i < 14; i++) {
        const InputSource &s = sources_[i];
        bool v = s.bit >= 0 ? (((sample >> s.bit) & 1u) != s.invert) : s.level;
        if (v) w |= uint16_t(1u << kInputBit[i]);
    }
    return w;
}

void Board::rewire(const I2s &unit) {
    lut_gpio_version_ = gpio_.version();
    lut_unit_ = unit.index();
    lut_bits_ = unit.sample_bits();
    lut_panel_serial_ = panel_serial_;
    trace_inputs(unit);
    lut_.assign(size_t(1) << (lut_bits_ ? lut_bits_ : 1), 0);
    for (uint32_t s = 0; s < lut_.size(); s++) lut_[s] = input_word(s);
}

// Pads changed while no samples flow: the panel sees the new levels at once, with the I2S
// data lines holding their last sample.
void Board::update_static_inputs() {
    if (!hub75_) return;
    const I2s &unit = i2s(lut_unit_ < 0 ? 1 : lut_unit_);
    trace_inputs(unit);
    lut_gpio_version_ = 0;  // the sample map is rebuilt when samples flow again
    uint16_t w = input_word(last_sample_[unit.index()]);
    hub75_->feed(&w, 1, now_, 0, Hub75Panel::Clocking::kLevel);
}

void Board::samples(const I2s &unit, const uint16_t *s, size_t n, Picos t0, Picos dt) {
    if (!hub75_) return;
    if (lut_gpio_version_ != gpio_.version() || lut_unit_ != unit.index() ||
        lut_bits_ != unit.sample_bits() || lut_panel_serial_ != panel_serial_)
        rewire(unit);
    last_sample_[unit.index()] = s[n - 1];
    if (translated_.size() < n) translated_.resize(n);
    size_t mask = lut_.size() - 1;
    for (size_t i = 0; i < n; i++) translated_[i] = lut_[s[i] & mask];
    hub75_->feed(translated_.data(), n, t0, dt, clocking_);
    uint64_t refreshes = hub75_->stats().refreshes;
    if (refreshes != refreshes_seen_) {
        refreshes_seen_ = refreshes;
        shown_.clear();
        shown_index_.clear();
        changed_blocks_.clear();
        shown_index_[last_read_.addr] = 0;
        shown_.push_back(last_read_);  // the buffer the new refresh began in
    }
}

void Board::buffer_read(const I2s &, uint32_t addr, uint32_t len) {
    if (hub75_ && !changed_blocks_.empty() && changed_blocks_.count(dram_.block_of(addr)))
        hub75_->mark_torn();
    last_read_ = {addr, len, hash_bytes(dram_.host(addr), len)};
    // One record per buffer: a chain that reuses a buffer (padding, a panel that never
    // completes a refresh) keeps the log as small as the set of buffers.
    auto [it, added] = shown_index_.try_emplace(addr, shown_.size());
    if (added) shown_.push_back(last_read_);
    else shown_[it->second] = last_read_;
}

void Board::fault(const std::string &what) {
    if (faults_.size() < 100) faults_.push_back(what);
}

void Board::attach_ili9341(const Ili9341Pins &pins) {
    ili9341_ = std::make_unique<Ili9341Model>();
    ili9341_pins_ = pins;
    update_ili9341_pads();
}

// The level a pad shows the display: its GPIO level, floating_level when nothing drives it,
// and idle low when another block's signal drives it.
bool Board::pad_level(int pad, bool floating_level) const {
    PadRoute r = gpio_.route(pad);
    if (r.kind == PadRoute::kLevel) return r.level;
    if (r.kind == PadRoute::kFloating) return floating_level;
    return r.invert;
}

// RST, backlight and, when software drives it, CS follow the pads at once.
void Board::update_ili9341_pads() {
    if (!ili9341_) return;
    const auto &pad = ili9341_pins_.pad;
    ili9341_->set_reset_low(!pad_level(pad[Ili9341Pins::kRst], true), now_);
    ili9341_->set_backlight(pad_level(pad[Ili9341Pins::kBacklight], false));
    PadRoute cs = gpio_.route(pad[Ili9341Pins::kCs]);
    if (cs.kind == PadRoute::kLevel) ili9341_->set_selected(!cs.level, now_);
    else if (cs.kind == PadRoute::kFloating) ili9341_->set_selected(false, now_);
}

void Board::spi_select(const Spi &unit, bool active, Picos t) {
    if (!ili9341_) return;
    PadRoute cs = gpio_.route(ili9341_pins_.pad[Ili9341Pins::kCs]);
    if (cs.kind != PadRoute::kSignal || cs.signal != unit.cs0_signal()) return;
    bool level_high = (active != unit.cs_active_low()) != cs.invert;
    ili9341_->set_selected(!level_high, t);
}

void Board::spi_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) {
    if (!ili9341_ || !ili9341_->selected()) return;
    const auto &pad = ili9341_pins_.pad;
    PadRoute clk = gpio_.route(pad[Ili9341Pins::kClk]);
    if (clk.kind != PadRoute::kSignal || clk.signal != unit.clk_signal()) return;
    PadRoute mosi = gpio_.route(pad[Ili9341Pins::kMosi]);
    const uint8_t *data = b;
    bool ours = mosi.kind == PadRoute::kSignal && mosi.signal == unit.mosi_signal();
    if (!ours || mosi.invert) {
        // Another source on MOSI: the display clocks in a constant level (or inverted data).
        bool level = pad_level(pad[Ili9341Pins::kMosi], false);
        mosi_bytes_.resize(n);
        for (size_t i = 0; i < n; i++) mosi_bytes_[i] = ours ? uint8_t(~b[i]) : level ? 0xFF : 0;
        data = mosi_bytes_.data();
    }
    ili9341_->set_clock_mode(unit.clock_mode() ^ (clk.invert ? 2 : 0));  // inverted: CPOL flips
    ili9341_->receive(data, n, pad_level(pad[Ili9341Pins::kDc], true), t0, byte_time);
}

static std::unique_ptr<Board> g_board;

Board &default_board() {
    if (!g_board) g_board = std::make_unique<Board>();
    return *g_board;
}

void reset_default_board() { g_board.reset(); }

}  // namespace upanel::emu

extern "C" void upanel_host_bus_connect(void) {
    upanel_host_bus_current = upanel::emu::default_board().host_bus();
}
