// The HUB75 panel on the board's pads: I2S samples traced through the GPIO matrix to the
// panel's inputs, and tear detection (DMA memory rewritten while a refresh shows it).
#include "upanel/emu/board.h"
#include "upanel/emu/fnv.h"

namespace upanel::emu {

// The CPU writes DMA memory only while time stands still. A refresh is torn when, after such
// a write changed data it had already shown, it goes on to show more of the same memory
// block: part of it is then the old picture and part the new one.
void Board::check_shown_data() {
    for (ReadRecord &r : shown_) {
        uint64_t h = fnv(kFnvSeed, dram_.host(r.addr), r.len);
        if (h == r.hash) continue;
        r.hash = h;
        uint32_t block = dram_.block_of(r.addr);
        if (block) changed_blocks_.insert(block);
    }
}

void Board::attach_hub75(const Hub75Geometry &g, const Hub75Pins &pins, const Hub75Electrical &electrical) {
    hub75_ = std::make_unique<Hub75Panel>(g, electrical);
    hub75_->hold_until(now_);
    hub75_pins_ = pins;
    panel_serial_++;
    shown_.clear();
    shown_index_.clear();
}

// Where each panel input comes from through the GPIO matrix, for samples of `unit`.
void Board::trace_inputs(const I2s &unit) {
    const bool shifted = hub75_pins_.inverted;  // inverting level shifters on the way
    auto source_of = [&](int pad) {
        InputSource s;
        PadRoute r = gpio_.route(pad);
        if (r.kind == PadRoute::kLevel) s.level = r.level != shifted;
        if (r.kind != PadRoute::kSignal) return s;
        for (int b = 0; b < unit.sample_bits(); b++)
            if (unit.data_signal(b) == r.signal) s.bit = int8_t(b);
        s.invert = r.invert != shifted;
        if (s.bit < 0) s.level = s.invert;  // a signal of another block, idle low
        return s;
    };
    for (int i = 0; i < 14; i++) sources_[i] = source_of(hub75_pins_.pad[i]);
    // WS rises mid-sample and falls where the next sample starts: a panel that samples on the
    // edge at the sample's start (WS inverted, or a falling-edge panel on plain WS) takes the
    // sample before, as its hold time lets it.
    PadRoute clk = gpio_.route(hub75_pins_.pad[13]);
    if (clk.kind == PadRoute::kSignal && clk.signal == unit.ws_signal())
        clocking_ = (clk.invert != shifted) != hub75_->electrical().clk_falling
                        ? Hub75Panel::Clocking::kEveryWordLate
                        : Hub75Panel::Clocking::kEveryWord;
    else clocking_ = Hub75Panel::Clocking::kLevel;
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
    last_read_ = {addr, len, fnv(kFnvSeed, dram_.host(addr), len)};
    // One record per buffer: a chain that reuses a buffer (padding, a panel that never
    // completes a refresh) keeps the log as small as the set of buffers.
    auto [it, added] = shown_index_.try_emplace(addr, shown_.size());
    if (added) shown_.push_back(last_read_);
    else shown_[it->second] = last_read_;
}

}  // namespace upanel::emu
