#include "upanel/emu/hub75_panel.h"

#include <algorithm>

namespace upanel::emu {

// LEDs lit by a column's six colour bits (a table: the popcount builtin is a library call
// on baseline x86-64).
static constexpr uint8_t kLitLeds[64] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 1, 2, 2, 3, 2, 3,
                                         3, 4, 2, 3, 3, 4, 3, 4, 4, 5, 1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4,
                                         3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6};

// Until a refresh completes, or when refreshes stop, light is averaged since the last one.
static constexpr Picos kStaleAfter = 20 * kPicosPerMs;

Hub75Panel::Hub75Panel(const Hub75Geometry &g, const Hub75Electrical &e)
    : g_(g),
      e_(e),
      chips_(e.chip == Hub75Chip::kGeneric ? nullptr
                                           : std::make_unique<Hub75DriverChips>(uint32_t(g.shift_cols()))),
      cols_(uint32_t(g.shift_cols())),
      rows_(uint32_t(g.scan)),
      shift_(cols_),
      latch_(cols_),
      gen_on_(rows_),
      led_on_(size_t(rows_) * 2 * cols_ * 3),
      last_led_on_(led_on_.size()),
      row_oe_on_(rows_),
      last_row_oe_(rows_) {}

void Hub75Panel::shift(uint16_t rgb) {
    shift_[head_] = uint8_t(rgb);
    head_ = head_ + 1 == cols_ ? 0 : head_ + 1;
}

void Hub75Panel::latch() {
    flush_segment();
    end_generation();
    latch_lit_ = 0;
    for (uint32_t x = 0; x < cols_; x++) {
        latch_[x] = shift_[(head_ + x) % cols_];
        latch_lit_ += kLitLeds[latch_[x] & kRgbMask];
    }
}

void Hub75Panel::flush_segment() {
    if (!seg_on_) return;
    Picos on = seg_on_;
    seg_on_ = 0;
    row_oe_on_[addr_] += on;
    gen_on_[addr_] += on * latch_lit_;
    total_on_ += on * latch_lit_;
    Picos *upper = &led_on_[size_t(addr_) * cols_ * 3];
    Picos *lower = &led_on_[size_t(addr_ + rows_) * cols_ * 3];
    if (chips_) return credit_chip_light(on, upper, lower);
    for (uint32_t x = 0; x < cols_; x++) {
        uint8_t bits = latch_[x];
        if (!bits) continue;
        for (int c = 0; c < 3; c++) {
            if (bits & (1u << c)) upper[x * 3 + c] += on;
            if (bits & (8u << c)) lower[x * 3 + c] += on;
        }
    }
}

// As flush_segment, each LED's light scaled by its chip's output current (0 while off).
void Hub75Panel::credit_chip_light(Picos on, Picos *upper, Picos *lower) {
    for (uint32_t x = 0; x < cols_; x++) {
        uint8_t bits = latch_[x];
        if (!bits) continue;
        for (uint32_t c = 0; c < 3; c++) {
            constexpr Picos kSteps = Hub75DriverChips::kCurrentSteps;
            if (bits & (1u << c)) upper[x * 3 + c] += on * chips_->light_steps(c, x) / kSteps;
            if (bits & (8u << c)) lower[x * 3 + c] += on * chips_->light_steps(c + 3, x) / kSteps;
        }
    }
}

// Light a latch generation gives under any address but the one it gave most light under was
// meant for another row: ghost light (counted in LED on-time).
void Hub75Panel::end_generation() {
    Picos total = 0, best = 0;
    for (Picos &on : gen_on_) {
        total += on;
        best = std::max(best, on);
        on = 0;
    }
    ghost_on_ += total - best;
    stats_.ghost = total_on_ ? double(ghost_on_) / double(total_on_) : 0.0;
}

void Hub75Panel::set_address(uint32_t a, Picos t) {
    flush_segment();
    if (a == 0 && addr_ != 0) finish_refresh(t);
    addr_ = a;
}

void Hub75Panel::finish_refresh(Picos t) {
    if (started_) {
        last_period_ = t - refresh_start_;
        last_led_on_.swap(led_on_);
        last_row_oe_.swap(row_oe_on_);
        Picos oe = 0;
        for (Picos v : last_row_oe_) oe += v;
        stats_.refresh_hz = last_period_ ? double(kPicosPerSecond) / double(last_period_) : 0;
        stats_.oe_duty = last_period_ ? double(oe) / double(last_period_) : 0;
        stats_.refreshes++;
        if (cur_torn_) stats_.torn++;
    }
    started_ = true;
    std::fill(led_on_.begin(), led_on_.end(), 0);
    std::fill(row_oe_on_.begin(), row_oe_on_.end(), 0);
    refresh_start_ = t;
    cur_torn_ = false;
}

void Hub75Panel::feed(const uint16_t *in, size_t n, Picos t0, Picos dt, Clocking clocking) {
    hold_until(t0);
    const uint32_t addr_mask = rows_ - 1;
    for (size_t i = 0; i < n; i++) {
        uint16_t v = in[i];
        if (chips_) {
            clock_chips(v, clocking);
        } else {
            switch (clocking) {
                case Clocking::kEveryWord:
                    shift(v & kRgbMask);
                    break;
                case Clocking::kEveryWordLate:
                    shift(last_in_ & kRgbMask);
                    break;
                case Clocking::kLevel:
                    if ((v & kClk) && !(last_in_ & kClk) && !e_.clk_falling) shift(v & kRgbMask);
                    if (!(v & kClk) && (last_in_ & kClk) && e_.clk_falling) shift(v & kRgbMask);
                    break;
            }
            if (v & kLat) latch();
        }
        uint32_t a = (uint32_t(v) >> kAddrShift) & addr_mask;
        if (a != addr_) set_address(a, time_);
        if (!(v & kOe)) {
            seg_on_ += dt;
        } else {
            if (!(last_in_ & kOe)) dark_at_ = time_ + e_.turn_off;
            if (time_ < dark_at_) seg_on_ += std::min(dt, dark_at_ - time_);
        }
        last_in_ = v;
        time_ += dt;
    }
}

// One input word on a panel of driver chips: the CLK edge they sample on shifts data and counts
// LAT; LAT's fall gives the command. LAT changes where the word starts, before the word's own
// edge; when the edge is there too (a late-sampling panel), LAT's fall wins the race, as the
// generic panel's latch does.
void Hub75Panel::clock_chips(uint16_t v, Clocking clocking) {
    bool edge = true;
    uint16_t sampled = v;
    if (clocking == Clocking::kEveryWordLate) sampled = last_in_;
    if (clocking == Clocking::kLevel) {
        bool was = last_in_ & kClk, is = v & kClk;
        edge = e_.clk_falling ? (was && !is) : (!was && is);
    }
    if (!(v & kLat) && (last_in_ & kLat)) lat_fell();
    if (edge) {
        shift(sampled & kRgbMask);
        chips_->clock(sampled & v & kLat);  // a LAT that fell already counts no more
    }
}

void Hub75Panel::lat_fell() {
    flush_segment();  // light so far at the registers it had
    if (chips_->lat_fell(shift_, head_) == Hub75DriverChips::Command::kLatch) latch();
}

void Hub75Panel::hold_until(Picos t) {
    if (t <= time_) return;
    if (!(last_in_ & kOe)) seg_on_ += t - time_;
    else if (time_ < dark_at_) seg_on_ += std::min(t, dark_at_) - time_;
    time_ = t;
}

std::vector<float> Hub75Panel::light(bool relative, Picos now) {
    hold_until(now);
    flush_segment();
    bool fresh =
        stats_.refreshes > 0 && time_ - refresh_start_ <= std::max<Picos>(2 * last_period_, kStaleAfter);
    const std::vector<Picos> &on = fresh ? last_led_on_ : led_on_;
    const std::vector<Picos> &row_oe = fresh ? last_row_oe_ : row_oe_on_;
    Picos period = fresh ? last_period_ : time_ - refresh_start_;
    double denom =
        relative ? double(*std::max_element(row_oe.begin(), row_oe.end())) : double(period) / rows_;
    std::vector<float> out(on.size(), 0.0f);
    if (denom <= 0) return out;
    for (size_t i = 0; i < on.size(); i++) out[i] = float(double(on[i]) / denom);
    if (g_.single()) out.resize(size_t(g_.height) * cols_ * 3);  // the lower lines go nowhere
    if (g_.rows_per_address() != 1) out = as_seen(out);
    return g_.wall_rows() == 1 ? out : as_wall(out);
}

}  // namespace upanel::emu
