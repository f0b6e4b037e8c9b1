// The XPT2046 touch controller on the board's pads: CS through the GPIO matrix (an SPI CS line
// or a GPIO level), DCLK and DIN from the SPI unit whose signals its pads carry, DOUT back to
// whichever unit reads its pad (board_spi.cpp), PENIRQ driven on its pad.
#include "upanel/emu/board.h"

namespace upanel::emu {

void Board::attach_xpt2046(const Xpt2046Pins &pins, const Xpt2046Calibration &cal) {
    if (xpt2046_) gpio_.set_external(xpt2046_pins_.pad[Xpt2046Pins::kPenirq], -1);
    xpt2046_ = std::make_unique<Xpt2046Model>(cal);
    xpt2046_pins_ = pins;
    update_xpt2046_pads();
}

void Board::touch(double x, double y) {
    if (!xpt2046_) return;
    xpt2046_->touch(x, y);
    update_xpt2046_pads();
    if (edge_mapped_) sample_edge_lines();  // PENIRQ may raise a GPIO interrupt
}

void Board::release() {
    if (!xpt2046_) return;
    xpt2046_->release();
    update_xpt2046_pads();
    if (edge_mapped_) sample_edge_lines();
}

// CS when software drives it, and PENIRQ (the module's pull-up holds it high unless the part
// pulls it low).
void Board::update_xpt2046_pads() {
    if (!xpt2046_) return;
    const int cs_pad = xpt2046_pins_.pad[Xpt2046Pins::kCs];
    PadRoute cs = gpio_.route(cs_pad);
    bool high = true;
    if (cs.kind == PadRoute::kLevel) xpt2046_->set_selected(!cs.level);
    else if (cs.kind == PadRoute::kFloating) xpt2046_->set_selected(!pad_level(cs_pad, true));
    else if (spi_cs_level(cs, high)) xpt2046_->set_selected(!high);  // an SPI CS line
    const int penirq = xpt2046_pins_.pad[Xpt2046Pins::kPenirq];
    if (penirq >= 0) gpio_.set_external(penirq, xpt2046_->penirq_high() ? 1 : 0);
}

void Board::xpt2046_select(const Spi &unit, int line, bool active, Picos) {
    if (!xpt2046_) return;
    PadRoute cs = gpio_.route(xpt2046_pins_.pad[Xpt2046Pins::kCs]);
    if (cs.kind != PadRoute::kSignal || cs.signal != unit.cs_signal(line)) return;
    const bool level_high = (active != unit.cs_active_low(line)) != cs.invert;
    xpt2046_->set_selected(!level_high);
}

// n clocks of the unit reach the part when its DCLK pad carries the unit's clock; DIN is the
// unit's MOSI when its pad carries that, else the pad's constant level. DOUT bits go to dout.
void Board::xpt2046_stream(const Spi &unit, const uint8_t *mosi, uint8_t *dout, size_t n) {
    if (!xpt2046_ || !xpt2046_->selected()) return;
    const auto &pad = xpt2046_pins_.pad;
    PadRoute clk = gpio_.route(pad[Xpt2046Pins::kClk]);
    if (clk.kind != PadRoute::kSignal || clk.signal != unit.clk_signal()) return;
    PadRoute din = gpio_.route(pad[Xpt2046Pins::kMosi]);
    const bool ours = din.kind == PadRoute::kSignal && din.signal == unit.mosi_signal();
    const bool level = pad_level(pad[Xpt2046Pins::kMosi], false);
    for (size_t i = 0; i < n; i++) {
        const bool bit = ours ? (((mosi[i / 8] >> (7 - i % 8)) & 1u) != 0) != din.invert : level;
        if (xpt2046_->clock(bit)) dout[i / 8] |= uint8_t(0x80u >> (i % 8));
    }
}

}  // namespace upanel::emu
