// The ILI9341 on the board's pads: SPI bytes, CS, D/C, RST and backlight as its pads carry them
// through the GPIO matrix.
#include "upanel/emu/board.h"

namespace upanel::emu {

void Board::attach_ili9341(const Ili9341Pins &pins) {
    ili9341_ = std::make_unique<Ili9341Model>();
    ili9341_pins_ = pins;
    update_ili9341_pads();
}

// The level a pad shows the display: its GPIO level; when the chip does not drive it, what
// the outside or the pad's pull gives, else floating_level; idle low when another block's
// signal drives it.
bool Board::pad_level(int pad, bool floating_level) const {
    PadRoute r = gpio_.route(pad);
    if (r.kind == PadRoute::kLevel) return r.level;
    if (r.kind == PadRoute::kFloating) {
        int level = gpio_.undriven_level(pad);
        return level < 0 ? floating_level : level == 1;
    }
    return r.invert;
}

// RST, backlight and, when software drives it, CS follow the pads at once.
void Board::update_ili9341_pads() {
    if (!ili9341_) return;
    const auto &pad = ili9341_pins_.pad;
    ili9341_->set_reset_low(!pad_level(pad[Ili9341Pins::kRst], true), now_);
    const bool on = ili9341_pins_.backlight_on;
    const int backlight = pad[Ili9341Pins::kBacklight];
    ili9341_->set_backlight(backlight < 0 || pad_level(backlight, !on) == on);
    PadRoute cs = gpio_.route(pad[Ili9341Pins::kCs]);
    bool high = true;
    if (cs.kind == PadRoute::kLevel) ili9341_->set_selected(!cs.level, now_);
    else if (cs.kind == PadRoute::kFloating)
        ili9341_->set_selected(!pad_level(pad[Ili9341Pins::kCs], true), now_);
    else if (spi_cs_level(cs, high)) ili9341_->set_selected(!high, now_);  // an SPI CS line
}

void Board::ili9341_select(const Spi &unit, int line, bool active, Picos t) {
    if (!ili9341_) return;
    PadRoute cs = gpio_.route(ili9341_pins_.pad[Ili9341Pins::kCs]);
    if (cs.kind != PadRoute::kSignal || cs.signal != unit.cs_signal(line)) return;
    bool level_high = (active != unit.cs_active_low(line)) != cs.invert;
    ili9341_->set_selected(!level_high, t);
    ili9341_bits_ = 0;
}

void Board::ili9341_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) {
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

// Bits clocked one by one (a command phase, a partial byte): the display takes each 8 as a
// byte, counting from its selection.
void Board::ili9341_stream(const Spi &unit, const uint8_t *mosi, size_t n, Picos t0, Picos bit_time) {
    if (!ili9341_ || !ili9341_->selected()) return;
    for (size_t i = 0; i < n; i++) {
        ili9341_byte_ = uint8_t(ili9341_byte_ << 1 | ((mosi[i / 8] >> (7 - i % 8)) & 1u));
        if (++ili9341_bits_ < 8) continue;
        ili9341_bits_ = 0;
        const uint8_t byte = ili9341_byte_;
        ili9341_bytes(unit, &byte, 1, t0 + Picos(i + 1 - 8) * bit_time, 8 * bit_time);
    }
}

}  // namespace upanel::emu
