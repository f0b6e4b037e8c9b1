// An ILI9341 TFT controller with a 240x320 panel, on its 4-wire serial interface: bytes
// clocked in while CSX is low, D/CX low for a command and high for parameters and pixels.
// What the datasheet says and a driver depends on:
// - After SWRESET, and after a hardware reset (RESX low at least 10 us), the part takes no
//   command for 5 ms, and SLPOUT only 120 ms later when it was in sleep-out mode; after SLPOUT
//   none for 5 ms, and SLPIN only 120 ms later. Commands sent earlier are lost with their
//   parameters.
// - Power-on and reset leave it in sleep-in with the display off, 18-bit pixels (COLMOD 66h),
//   MADCTL 0 and the full window; GRAM holds what it held (noise at power-on).
// - MADCTL: MV exchanges the column and page counters, then MX mirrors the panel's columns
//   and MY its rows; BGR swaps red and blue as pixels enter GRAM. INVON inverts the output.
// - The serial interface samples SDA on SCL's rising edge: SPI modes 0 and 3. In modes 1 and
//   2 the master changes SDA on that very edge; the part then takes the bit before (a hold
//   time violation), so every byte arrives shifted by one bit.
// - The glass, as on the modules people buy (and as Adafruit's, TFT_eSPI's and
//   lv_binding_micropython's drivers assume): source line 0 is on the right seen from the
//   front and the colour filter is blue-green-red, so an upright portrait picture needs MADCTL
//   MX | BGR (48h); MADCTL 0 shows it mirrored, red and blue swapped.
// - The panel is normally white (a TN panel): in sleep or with the display off it shows white
//   where the backlight shines; with the backlight off it is black.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "upanel/core/ili9341_wiring.h"
#include "upanel/emu/clock.h"

namespace upanel::emu {

struct Ili9341Pins {
    // Pads of MOSI, CLK, CS, DC, RST, backlight, MISO; the wiring of the seed's board.
    std::array<int, core::kIli9341Signals> pad = [] {
        std::array<int, core::kIli9341Signals> p{};
        for (int i = 0; i < core::kIli9341Signals; i++) p[i] = core::kIli9341DefaultPads[i];
        return p;
    }();
    enum { kMosi, kClk, kCs, kDc, kRst, kBacklight, kMiso };
    // The backlight pad's level that lights it: 1, or 0 where a PNP switch drives it (the
    // modules lv_binding_micropython's ili9XXX.py defaults to). Floating, it stays dark; on no
    // pad (-1: wired to the supply, as ili9XXX.py's backlight=-1 says) it is always lit.
    bool backlight_on = true;
    static constexpr const auto &kNames = core::kIli9341SignalNames;
};

class Ili9341Model {
  public:
    static constexpr int kWidth = 240, kHeight = 320;
    static constexpr Picos kResetPulseMin = 10 * kPicosPerUs;
    static constexpr Picos kShortWait = 5 * kPicosPerMs;
    static constexpr Picos kLongWait = 120 * kPicosPerMs;

    Ili9341Model();

    // Pad levels, as they change. Time only moves forward.
    void set_reset_low(bool low, Picos t);
    void set_backlight(bool on) { backlight_ = on; }
    void set_selected(bool selected, Picos t);
    bool selected() const { return selected_; }
    // The SPI mode (0..3) the bytes that follow are clocked in.
    void set_clock_mode(int mode) { skewed_ = mode == 1 || mode == 2; }
    // Bytes received while selected; the first completes at t0 + dt, the next dt later.
    void receive(const uint8_t *b, size_t n, bool dc_high, Picos t0, Picos dt);

    // RGB888 of what a person sees, row-major, kWidth x kHeight.
    std::vector<uint8_t> picture() const;

    struct Stats {
        uint64_t bytes = 0, commands = 0, ignored = 0, pixels = 0, frames = 0;
        uint64_t skewed = 0;  // bytes clocked in a mode the part does not accept
        Picos busy = 0;       // time selected
        Picos first_select = 0;
        bool started = false;
    };
    const Stats &stats() const { return stats_; }
    Picos idle(Picos now) const;
    Picos busy(Picos now) const;
    bool sleeping() const { return sleeping_; }
    bool display_on() const { return display_on_; }
    bool backlight() const { return backlight_; }
    bool inverted() const { return inverted_; }
    uint8_t madctl() const { return madctl_; }
    uint8_t colmod() const { return colmod_; }

  private:
    void reset_registers(Picos t, bool was_sleep_out);
    void command(uint8_t c, Picos t);
    void parameter(uint8_t v);
    void pixel_byte(uint8_t v);
    void store_pixel(uint8_t r6, uint8_t g6, uint8_t b6);

    std::vector<uint8_t> gram_;  // 6-bit R, G, B per pixel, row-major in panel coordinates
    bool backlight_ = false, selected_ = false, in_reset_ = false;
    Picos reset_since_ = 0, select_since_ = 0;
    Picos ready_at_ = 0, sleep_in_ok_at_ = 0, sleep_out_ok_at_ = 0;
    bool sleeping_ = true, display_on_ = false, inverted_ = false;
    uint8_t madctl_ = 0, colmod_ = 0x66;
    uint16_t sc_ = 0, ec_ = kWidth - 1, sp_ = 0, ep_ = kHeight - 1;
    uint16_t col_ = 0, page_ = 0;

    uint8_t cmd_ = 0;       // the command whose parameters come next
    bool writing_ = false;  // RAMWR/RAMWRC: parameters are pixels
    uint8_t params_[16] = {};
    uint32_t nparams_ = 0;
    uint8_t pixel_[3] = {};
    uint32_t pixel_bytes_ = 0;
    bool skewed_ = false;
    uint8_t sda_ = 0;               // the last bit on SDA, which a skewed clock samples next
    std::vector<uint8_t> shifted_;  // bytes as a skewed clock takes them
    Stats stats_;
};

}  // namespace upanel::emu
