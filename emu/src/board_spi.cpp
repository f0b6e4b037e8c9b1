// The SPI buses on the board's pads: each CS line, MOSI bytes and clocked bit streams go to
// the devices whose pads carry them through the GPIO matrix, and MISO comes back from the pad
// the unit's MISO input signal is routed from.
#include "upanel/emu/board.h"

namespace upanel::emu {

bool Board::spi_cs_level(const PadRoute &r, bool &high) const {
    if (r.kind != PadRoute::kSignal) return false;
    for (const Spi *unit : {&spi2_, &spi3_})
        for (int line = 0; line < 3; line++)
            if (r.signal == unit->cs_signal(line)) {
                high = (unit->cs_asserted(line) != unit->cs_active_low(line)) != r.invert;
                return true;
            }
    return false;
}

void Board::spi_select(const Spi &unit, int line, bool active, Picos t) {
    ili9341_select(unit, line, active, t);
    xpt2046_select(unit, line, active, t);
}

void Board::spi_bytes(const Spi &unit, const uint8_t *b, size_t n, Picos t0, Picos byte_time) {
    ili9341_bytes(unit, b, n, t0, byte_time);
    if (xpt2046_ && xpt2046_->selected()) {
        // Whole bytes to the touch controller: clocked bit by bit, its DOUT unread.
        std::vector<uint8_t> ignored(n, 0);
        xpt2046_stream(unit, b, ignored.data(), n * 8);
    }
}

void Board::spi_bits(const Spi &unit, const uint8_t *mosi, uint8_t *miso, size_t n, Picos t0,
                     Picos bit_time) {
    ili9341_stream(unit, mosi, n, t0, bit_time);
    // What drives the unit's MISO input: the touch controller's DOUT when its pad is the one
    // routed there and it is selected, else that pad's level, else a constant.
    const Gpio::InputRoute in = gpio_.input_route(unit.miso_signal());
    bool from_touch = false, level = false;
    if (in.kind == Gpio::InputRoute::kConstant) level = in.level;
    if (in.kind == Gpio::InputRoute::kPad) {
        from_touch = xpt2046_ && xpt2046_->selected() && in.pad == xpt2046_pins_.pad[Xpt2046Pins::kMiso];
        level = gpio_.wire(in.pad);
    }
    std::vector<uint8_t> dout((n + 7) / 8, 0);
    xpt2046_stream(unit, mosi, dout.data(), n);
    for (size_t i = 0; i < n; i++) {
        bool b = from_touch ? (dout[i / 8] >> (7 - i % 8)) & 1u : level;
        if (b != in.invert) miso[i / 8] |= uint8_t(0x80u >> (i % 8));
    }
    if (xpt2046_) update_xpt2046_pads();
}

}  // namespace upanel::emu
