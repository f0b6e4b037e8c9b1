#include "upanel/emu/xpt2046_model.h"

#include <algorithm>
#include <cmath>

namespace upanel::emu {

const char *const Xpt2046Pins::kNames[5] = {"cs", "penirq", "clk", "mosi", "miso"};

namespace {
constexpr int kFullScale = 4095;
enum Channel { kTemp0 = 0, kYPos = 1, kVbat = 2, kZ1 = 3, kZ2 = 4, kXPos = 5, kAux = 6, kTemp1 = 7 };
constexpr double kVcc = 3.3, kVref = 2.5;  // plates driven from VCC; single-ended reference
constexpr double kTemp0Volts = 0.600, kTemp1Volts = 0.716;

int clip(double v) { return int(std::lround(std::clamp(v, 0.0, double(kFullScale)))); }
}  // namespace

void Xpt2046Model::set_selected(bool selected) {
    if (selected && !selected_) control_bits_ = 0, out_bits_ = 0;
    selected_ = selected;
}

uint16_t Xpt2046Model::convert(int channel, bool single_ended) const {
    // The reading in differential (ratiometric) terms, 0..4096 of the driven plate's voltage.
    double v = 0;
    switch (channel) {
        case kTemp0:
            return uint16_t(clip(kTemp0Volts / kVref * 4096));
        case kTemp1:
            return uint16_t(clip(kTemp1Volts / kVref * 4096));
        case kVbat:
        case kAux:
            return 0;
        default:
            break;
    }
    if (!touched_) {
        // The sensing plate floats at what rest left it: the Y plate grounded, the X plate
        // pulled up; Z1's sensed plate is grounded through X-, Z2's driven through Y+.
        v = channel == kYPos || channel == kZ2 ? 4096 : 0;
    } else {
        const double xr = cal_.x0 + double(cal_.x1 - cal_.x0) * x_ / kWidth;
        const double yr = cal_.y0 + double(cal_.y1 - cal_.y0) * y_ / kHeight;
        const double xf = std::clamp(xr, 0.0, 4096.0) / 4096;      // from X- along the X plate
        const double yd = 1 - std::clamp(yr, 0.0, 4096.0) / 4096;  // from Y+ along the Y plate
        // Z: current from Y+ through the Y plate to the touch, the touch, the X plate to X-.
        const double total = kYPlateOhms * yd + kTouchOhms + kXPlateOhms * xf;
        switch (channel) {
            case kXPos:
                v = xr;
                break;
            case kYPos:
                v = yr;
                break;
            case kZ1:
                v = 4096 * kXPlateOhms * xf / total;
                break;
            case kZ2:
                v = 4096 * (kXPlateOhms * xf + kTouchOhms) / total;
                break;
            default:
                break;
        }
    }
    if (single_ended) v *= kVcc / kVref;
    return uint16_t(clip(v));
}

bool Xpt2046Model::clock(bool din) {
    const bool dout = out_bits_ > 0 && ((out_ >> (out_bits_ - 1)) & 1u);
    if (out_bits_ > 0) out_bits_--;
    if (control_bits_ == 0) {
        if (din) control_ = 1, control_bits_ = 1;  // the start bit
        return dout;
    }
    control_ = uint8_t(control_ << 1 | (din ? 1 : 0));
    if (++control_bits_ < 8) return dout;
    control_bits_ = 0;
    const int channel = (control_ >> 4) & 7;
    const bool eight_bit = control_ & 0x08, single_ended = control_ & 0x04;
    pen_irq_on_ = !(control_ & 0x01);  // PD0 = 0 keeps the pen interrupt on
    const uint16_t v = convert(channel, single_ended);
    // One busy clock, then the result MSB first.
    out_ = eight_bit ? uint32_t(v >> 4) : v;
    out_bits_ = 1 + (eight_bit ? 8 : 12);
    stats_.conversions++;
    stats_.last_control = control_;
    return dout;
}

}  // namespace upanel::emu
