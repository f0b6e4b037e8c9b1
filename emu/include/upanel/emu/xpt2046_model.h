// An XPT2046 (ADS7846-compatible) resistive touch screen controller on a 240x320 glass, on its
// SPI interface: DIN sampled on DCLK's rising edge while CS is low, DOUT read by the master on
// the rising edge too. What the datasheet says and a driver depends on:
// - A conversion starts with a control byte, MSB first, whose first bit is the start bit S
//   (DIN low before it is ignored): S, A2-A0 (channel), MODE (1: 8-bit, 0: 12-bit), SER/DFR
//   (1: single-ended, 0: differential), PD1-PD0 (power-down mode between conversions).
// - After the control byte's 8th clock comes one busy clock (DOUT low), then the result MSB
//   first (12 or 8 bits), then zeros. A new control byte may start while the result is still
//   going out (the 15- and 16-clock modes); its result then replaces the old one.
// - Channels (A2 A1 A0): 001 Y-position, 101 X-position, 011 Z1, 100 Z2 (the touch
//   measurements); 000 TEMP0, 010 VBAT, 110 AUX, 111 TEMP1 (single-ended inputs).
// - Position: the driven plate is a voltage divider and the other plate, touching it, reads
//   the voltage at the touch: X-position = 4096 * (distance from X- / plate length). The
//   glass's calibration says which readings its edges give (Xpt2046Calibration).
// - Pressure: with Y+ driven and X- grounded, Z1 reads X+ and Z2 reads Y-; they give the
//   touch resistance R = Rx-plate * X/4096 * (Z2/Z1 - 1). The model computes Z1 and Z2 from
//   the plates' resistances and the touch's.
// - Not touched, the sensing plate touches nothing. With PD1-PD0 = 00 the part rests between
//   conversions with the Y- switch on (the Y plate at ground) and the X plate pulled up to
//   VCC by the pen-interrupt pull-up, and a floating plate keeps that level into the next
//   conversion: X-position (senses the Y plate) and Z1 (X- grounded) read 0, Y-position
//   (senses the X plate) and Z2 (Y+ driven) read full scale, 4095. The model gives these
//   readings whatever PD1-PD0 say (with PD = 11 they depend on the charge left from earlier
//   conversions).
// - Differential mode measures against the driven plate (ratiometric); single-ended against
//   VREF (the internal 2.5 V), with the plates driven from VCC (3.3 V here): readings scale
//   by 3.3/2.5 and clip at 4095. TEMP0/TEMP1 read 600 mV and 716 mV (25 degrees C), VBAT and
//   AUX nothing wired (0).
// - PENIRQ (open drain, a pull-up on the module): low while the glass is touched and the last
//   control byte left the pen interrupt on (PD0 = 0; power-up: on).
#pragma once
#include <array>
#include <cstdint>

#include "upanel/emu/clock.h"

namespace upanel::emu {

struct Xpt2046Pins {
    // Pads of CS, PENIRQ, CLK, MOSI (DIN), MISO (DOUT): the touch panel of the ILI9341 modules
    // lv_binding_micropython's xpt2046.py drives (CS 25, on the TFT's HSPI bus), no PENIRQ.
    std::array<int, 5> pad{25, -1, 19, 18, 5};
    enum { kCs, kPenirq, kClk, kMosi, kMiso };
    static const char *const kNames[5];
};

// The 12-bit readings at the glass's edges: X-position at x = 0 and x = 240, Y-position at
// y = 0 and y = 320 (the datasheet's channels 101 and 001). Defaults: xpt2046.py's.
struct Xpt2046Calibration {
    int x0 = 3783, y0 = 3948, x1 = 242, y1 = 423;
};

class Xpt2046Model {
  public:
    static constexpr int kWidth = 240, kHeight = 320;
    // Plate and touch resistances (ohms) the pressure readings come from.
    static constexpr double kXPlateOhms = 600, kYPlateOhms = 300, kTouchOhms = 400;

    explicit Xpt2046Model(const Xpt2046Calibration &cal = {}) : cal_(cal) {}

    // The glass touched at (x, y) in panel pixels (0 <= x < 240, 0 <= y < 320), or let go.
    void touch(double x, double y) {
        touched_ = true, x_ = x, y_ = y;
        stats_.touches++;
    }
    void release() { touched_ = false; }
    bool touched() const { return touched_; }
    double x() const { return x_; }
    double y() const { return y_; }
    const Xpt2046Calibration &calibration() const { return cal_; }

    // CS low (selected) or high. Selecting starts a fresh interface: no control byte under way,
    // DOUT low.
    void set_selected(bool selected);
    bool selected() const { return selected_; }
    // One DCLK cycle while selected: DIN's bit at the rising edge; returns the DOUT bit the
    // master samples at that edge.
    bool clock(bool din);
    // PENIRQ's level (true: high).
    bool penirq_high() const { return !(touched_ && pen_irq_on_); }

    // The 12-bit conversion of a channel (A2..A0) in differential (ser = false) or single-ended
    // mode, for the glass as it is now.
    uint16_t convert(int channel, bool single_ended) const;

    struct Stats {
        uint64_t conversions = 0, touches = 0;
        uint8_t last_control = 0;
    };
    const Stats &stats() const { return stats_; }

  private:
    Xpt2046Calibration cal_;
    bool touched_ = false;
    double x_ = 0, y_ = 0;
    bool selected_ = false, pen_irq_on_ = true;
    uint8_t control_ = 0;
    int control_bits_ = 0;  // bits of the control byte under way (0: waiting for S)
    uint32_t out_ = 0;      // the bits DOUT shows next, MSB first
    int out_bits_ = 0;
    Stats stats_;
};

}  // namespace upanel::emu
