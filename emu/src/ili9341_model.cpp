#include "upanel/emu/ili9341_model.h"

namespace upanel::emu {

namespace {
enum : uint8_t {
    kNop = 0x00,
    kSwReset = 0x01,
    kSleepIn = 0x10,
    kSleepOut = 0x11,
    kInvOff = 0x20,
    kInvOn = 0x21,
    kDispOff = 0x28,
    kDispOn = 0x29,
    kCaset = 0x2A,
    kPaset = 0x2B,
    kRamwr = 0x2C,
    kMadctl = 0x36,
    kColmod = 0x3A,
    kRamwrc = 0x3C,
};
constexpr uint8_t kMy = 0x80, kMx = 0x40, kMv = 0x20, kBgr = 0x08;

uint8_t to8(uint8_t v6) { return uint8_t(v6 << 2 | v6 >> 4); }
}  // namespace

Ili9341Model::Ili9341Model() : gram_(size_t(kWidth) * kHeight * 3) {
    // Power-on GRAM content is whatever the cells hold: noise.
    uint32_t x = 0x9E3779B9u;
    for (uint8_t &v : gram_) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        v = uint8_t(x & 0x3F);
    }
}

void Ili9341Model::reset_registers(Picos t, bool was_sleep_out) {
    sleeping_ = true;
    display_on_ = false;
    inverted_ = false;
    madctl_ = 0;
    colmod_ = 0x66;
    sc_ = 0, ec_ = kWidth - 1, sp_ = 0, ep_ = kHeight - 1;
    col_ = page_ = 0;
    cmd_ = kNop;
    writing_ = false;
    nparams_ = pixel_bytes_ = 0;
    ready_at_ = t + kShortWait;
    sleep_out_ok_at_ = was_sleep_out ? t + kLongWait : t;
    sleep_in_ok_at_ = t;
}

void Ili9341Model::set_reset_low(bool low, Picos t) {
    if (low == in_reset_) return;
    if (low) {
        in_reset_ = true;
        reset_since_ = t;
        return;
    }
    in_reset_ = false;
    if (t - reset_since_ < kResetPulseMin) return;  // too short a pulse resets nothing
    reset_registers(t, !sleeping_);
}

void Ili9341Model::set_selected(bool selected, Picos t) {
    if (selected == selected_) return;
    selected_ = selected;
    if (selected) {
        select_since_ = t;
        sda_ = 0;
        if (!stats_.started) stats_.first_select = t, stats_.started = true;
    } else {
        stats_.busy += t - select_since_;
    }
}

Picos Ili9341Model::busy(Picos now) const {
    return stats_.busy + (selected_ && now > select_since_ ? now - select_since_ : 0);
}

Picos Ili9341Model::idle(Picos now) const {
    if (!stats_.started || now < stats_.first_select) return 0;
    Picos b = busy(now), all = now - stats_.first_select;
    return all > b ? all - b : 0;
}

void Ili9341Model::receive(const uint8_t *b, size_t n, bool dc_high, Picos t0, Picos dt) {
    stats_.bytes += n;
    if (skewed_) {
        shifted_.resize(n);
        for (size_t i = 0; i < n; i++) {
            shifted_[i] = uint8_t(sda_ << 7 | b[i] >> 1);
            sda_ = b[i] & 1u;
        }
        b = shifted_.data();
        stats_.skewed += n;
    }
    if (in_reset_) return;
    if (!dc_high) {
        for (size_t i = 0; i < n; i++) command(b[i], t0 + Picos(i + 1) * dt);
        return;
    }
    if (cmd_ == kNop && !writing_) return;
    if (writing_) {
        for (size_t i = 0; i < n; i++) pixel_byte(b[i]);
        return;
    }
    for (size_t i = 0; i < n; i++) parameter(b[i]);
}

void Ili9341Model::command(uint8_t c, Picos t) {
    writing_ = false;
    nparams_ = 0;
    if (t < ready_at_) {
        // Still loading defaults after a reset or sleep-out: the command is lost.
        stats_.ignored++;
        cmd_ = kNop;
        return;
    }
    stats_.commands++;
    cmd_ = c;
    switch (c) {
        case kSwReset:
            reset_registers(t, !sleeping_);
            break;
        case kSleepIn:
            if (t < sleep_in_ok_at_) {
                stats_.ignored++;
                break;
            }
            sleeping_ = true;
            ready_at_ = t + kShortWait;
            break;
        case kSleepOut:
            if (t < sleep_out_ok_at_) {
                stats_.ignored++;
                break;
            }
            if (!sleeping_) break;
            sleeping_ = false;
            ready_at_ = t + kShortWait;
            sleep_in_ok_at_ = t + kLongWait;
            break;
        case kInvOff:
            inverted_ = false;
            break;
        case kInvOn:
            inverted_ = true;
            break;
        case kDispOff:
            display_on_ = false;
            break;
        case kDispOn:
            display_on_ = true;
            break;
        case kRamwr:
            col_ = sc_, page_ = sp_;
            [[fallthrough]];
        case kRamwrc:
            writing_ = true;
            pixel_bytes_ = 0;
            break;
        default:
            break;  // set-up commands (power, gamma, frame rate...) change no picture
    }
}

void Ili9341Model::parameter(uint8_t v) {
    if (nparams_ < sizeof params_) params_[nparams_] = v;
    nparams_++;
    const uint8_t *p = params_;
    switch (cmd_) {
        case kCaset:
            if (nparams_ == 4) sc_ = uint16_t(p[0] << 8 | p[1]), ec_ = uint16_t(p[2] << 8 | p[3]);
            break;
        case kPaset:
            if (nparams_ == 4) sp_ = uint16_t(p[0] << 8 | p[1]), ep_ = uint16_t(p[2] << 8 | p[3]);
            break;
        case kMadctl:
            if (nparams_ == 1) madctl_ = v;
            break;
        case kColmod:
            if (nparams_ == 1) colmod_ = v;
            break;
        default:
            break;
    }
}

void Ili9341Model::pixel_byte(uint8_t v) {
    pixel_[pixel_bytes_++] = v;
    if ((colmod_ & 7) == 5) {  // 16 bits a pixel: RRRRRGGG GGGBBBBB, R and B widened to 6 bits
        if (pixel_bytes_ < 2) return;
        uint8_t r5 = pixel_[0] >> 3, g6 = uint8_t((pixel_[0] & 7) << 3 | pixel_[1] >> 5);
        uint8_t b5 = pixel_[1] & 31;
        store_pixel(uint8_t(r5 << 1 | r5 >> 4), g6, uint8_t(b5 << 1 | b5 >> 4));
    } else {  // 18 bits a pixel: one byte per colour, 6 bits in D7..D2
        if (pixel_bytes_ < 3) return;
        store_pixel(pixel_[0] >> 2, pixel_[1] >> 2, pixel_[2] >> 2);
    }
    pixel_bytes_ = 0;
}

void Ili9341Model::store_pixel(uint8_t r6, uint8_t g6, uint8_t b6) {
    const bool mv = madctl_ & kMv;
    const uint16_t max_col = mv ? kHeight - 1 : kWidth - 1, max_page = mv ? kWidth - 1 : kHeight - 1;
    if (col_ <= max_col && page_ <= max_page) {
        int x = mv ? page_ : col_, y = mv ? col_ : page_;
        if (madctl_ & kMx) x = kWidth - 1 - x;
        if (madctl_ & kMy) y = kHeight - 1 - y;
        uint8_t *g = &gram_[(size_t(y) * kWidth + size_t(x)) * 3];
        bool bgr = madctl_ & kBgr;
        g[0] = bgr ? b6 : r6;
        g[1] = g6;
        g[2] = bgr ? r6 : b6;
        stats_.pixels++;
    }
    if (col_ < ec_) {
        col_++;
        return;
    }
    col_ = sc_;
    if (page_ < ep_) {
        page_++;
        return;
    }
    page_ = sp_;
    stats_.frames++;  // the window is complete
}

std::vector<uint8_t> Ili9341Model::picture() const {
    std::vector<uint8_t> rgb(size_t(kWidth) * kHeight * 3, 0);
    if (!backlight_) return rgb;
    if (in_reset_ || sleeping_ || !display_on_) {
        rgb.assign(rgb.size(), 255);
        return rgb;
    }
    // The glass: source lines right to left, subpixels blue, green, red (see the header).
    for (size_t y = 0; y < kHeight; y++) {
        for (size_t x = 0; x < kWidth; x++) {
            const uint8_t *g = &gram_[(y * kWidth + (kWidth - 1 - x)) * 3];
            uint8_t *seen = &rgb[(y * kWidth + x) * 3];
            for (int c = 0; c < 3; c++) seen[c] = to8(inverted_ ? uint8_t(63 - g[2 - c]) : g[2 - c]);
        }
    }
    return rgb;
}

}  // namespace upanel::emu
