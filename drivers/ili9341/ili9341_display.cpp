#include "ili9341_display.h"

#include "upanel/ll/bus.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/spi_ll.h"

namespace upanel::ili9341 {

using namespace upanel::core;

namespace {
// ILI9341 commands (datasheet ch. 8).
enum : uint8_t {
    kSwReset = 0x01,
    kSleepOut = 0x11,
    kGammaSet = 0x26,
    kInvOff = 0x20,
    kInvOn = 0x21,
    kDispOn = 0x29,
    kCaset = 0x2A,
    kPaset = 0x2B,
    kRamwr = 0x2C,
    kMadctl = 0x36,
    kColmod = 0x3A,
    kRamwrc = 0x3C,
    kFrameRate = 0xB1,
    kPower1 = 0xC0,
    kPower2 = 0xC1,
    kVcom1 = 0xC5,
    kVcom2 = 0xC7,
};
constexpr uint8_t kMadctlMy = 0x80, kMadctlMx = 0x40, kMadctlMv = 0x20, kMadctlBgr = 0x08;
constexpr uint8_t kColmod16Bit = 0x55;
// Rotation r turns the picture r quarter turns clockwise on the portrait panel. The modules'
// glass has its source line 0 on the right, so upright portrait is MX.
constexpr uint8_t kRotationMadctl[4] = {kMadctlMx, kMadctlMv, kMadctlMy, kMadctlMv | kMadctlMx | kMadctlMy};

// Datasheet waits: a reset pulse of at least 10 us; 5 ms after a reset before the next
// command, 120 ms when the part was in sleep-out; 5 ms after SLPOUT, which drivers stretch to
// 120 ms so the supply and the panel have settled before the first picture.
constexpr uint32_t kResetPulseUs = 20, kShortWaitUs = 5'000, kLongWaitUs = 120'000;
// What may hold an interrupt off on the chip (another handler, a flash write) and the
// emulated board's idle step: added to every bounded wait.
constexpr uint64_t kLatencyUs = 2'000;
// A job's window commands: CASET, PASET, RAMWR and their 8 parameter bytes, each of the five
// transfers with a clock of CS setup and one of hold.
constexpr uint32_t kJobCommandBits = 11 * 8 + 5 * 2;

bool pin_optional(int pin) { return pin == kRst || pin == kBacklight || pin == kMiso; }
}  // namespace

Status Display::validate(const Config &c) {
    if (c.spi != 2 && c.spi != 3) return Status::kBadSpi;
    if (c.hz < 1 || c.hz > kMaxHz) return Status::kBadClock;
    if (c.rotation > 3) return Status::kBadRotation;
    for (int i = 0; i < kPinCount; i++) {
        error_pin_ = int8_t(i);
        int pad = c.pins[i];
        if (pad == -1 && pin_optional(i)) continue;
        // MISO is an input: any pad that exists and does not carry the flash will do.
        bool ok = i == kMiso ? ll::pad_exists(pad) && !ll::pad_is_flash(pad) : ll::pad_can_output(pad);
        if (!ok) return Status::kBadPin;
        for (int j = 0; j < i; j++) {
            error_other_pin_ = int8_t(j);
            if (c.pins[j] == pad) return Status::kPinTwice;
        }
    }
    error_pin_ = error_other_pin_ = -1;
    return Status::kOk;
}

bool Display::allocate() {
    const uint32_t desc_bytes = kMaxDescriptors * uint32_t(sizeof(LlDesc));
    dma_needed_ = cfg_.buffer_count * buffer_bytes() + 2 * (desc_bytes + kScratchBytes);
    dma_available_ = uint32_t(ll::dma_largest_free());
    for (uint32_t i = 0; i < cfg_.buffer_count && i < 2; i++) {
        buffers_[i] = static_cast<uint8_t *>(ll::dma_alloc(buffer_bytes()));
        if (!buffers_[i]) return false;
    }
    for (int i = 0; i < 2; i++) {
        desc_[i] = static_cast<LlDesc *>(ll::dma_alloc(desc_bytes));
        scratch_[i] = static_cast<uint8_t *>(ll::dma_alloc(kScratchBytes));
        if (!desc_[i] || !scratch_[i]) return false;
    }
    return true;
}

void Display::release() {
    for (int i = 0; i < 2; i++) {
        if (buffers_[i]) ll::dma_free(buffers_[i]);
        if (desc_[i]) ll::dma_free(desc_[i]);
        if (scratch_[i]) ll::dma_free(scratch_[i]);
        buffers_[i] = scratch_[i] = nullptr;
        desc_[i] = nullptr;
    }
}

Status Display::init(const Config &config) {
    if (active_) deinit();
    if (!ll::bus_ready()) return Status::kNotActive;
    pending_ = config;
    Status s = validate(config);
    if (s != Status::kOk) return s;
    if (config.buffer_count > 2) return Status::kNoDmaMemory;
    const int spi = config.spi;
    if (ll::dport_periph_enabled(ll::spi_dport_bit(spi))) return Status::kBusy;
    dma_chan_ = ll::spi_ll_pick_dma_channel(spi, ll::kSpiDmaAnyChannel);
    if (!dma_chan_) return Status::kBusy;

    cfg_ = config;
    if (!allocate()) {
        release();
        return Status::kNoDmaMemory;
    }
    if (!config.polled && !ll::intr_attach(ll::spi_irq(spi), &Display::on_interrupt, this)) {
        release();
        return Status::kBusy;
    }
    intr_attached_ = !config.polled;
    queued_ = done_ = 0;
    running_ = false;
    phase_ = kIdle;

    ll::dport_periph_enable(ll::spi_dport_bit(spi));
    ll::dport_periph_enable(ll::kDportBitSpiDma);
    ll::spi_ll_select_dma(spi, dma_chan_);
    ll::spi_ll_master_init(spi, ll::spi_ll_clock_reg(cfg_.hz));
    ll::spi_ll_dma_reset(spi);
    ll::spi_ll_enable_trans_intr(spi, true);
    route_pins();
    active_ = true;

    // Each step fails only when the SPI unit stopped answering; the driver has then shut down.
    static const uint8_t power1[] = {0x23}, power2[] = {0x10}, vcom1[] = {0x3E, 0x28};
    static const uint8_t vcom2[] = {0x86}, frame_rate[] = {0x00, 0x18}, gamma[] = {0x01};
    const uint8_t mad = madctl(), colmod = kColmod16Bit;
    bool ok = reset_panel() && command(kPower1, power1, sizeof power1) &&
              command(kPower2, power2, sizeof power2) && command(kVcom1, vcom1, sizeof vcom1) &&
              command(kVcom2, vcom2, sizeof vcom2) && command(kFrameRate, frame_rate, sizeof frame_rate) &&
              command(kGammaSet, gamma, sizeof gamma) && command(kMadctl, &mad, 1) &&
              command(kColmod, &colmod, 1) && command(cfg_.invert ? kInvOn : kInvOff, nullptr, 0) &&
              command(kSleepOut, nullptr, 0);
    if (!ok) return Status::kNoTransferDone;
    ll::delay_us(kLongWaitUs);
    // GRAM holds noise after power-on: clear it before the display shows it.
    if (fill_rect(0, 0, width(), height(), 0) != Status::kOk || wait() != Status::kOk ||
        !command(kDispOn, nullptr, 0))
        return Status::kNoTransferDone;
    set_backlight(true);
    return Status::kOk;
}

void Display::route_pins() {
    const int spi = cfg_.spi;
    const int8_t *p = cfg_.pins.pad;
    if (p[kBacklight] >= 0) ll::gpio_output(p[kBacklight], false);
    if (p[kRst] >= 0) ll::gpio_output(p[kRst], true);
    ll::gpio_output(p[kDc], true);
    ll::gpio_matrix_out(p[kCs], ll::spi_sig_cs0(spi), false);
    ll::gpio_matrix_out(p[kClk], ll::spi_sig_clk(spi), false);
    ll::gpio_matrix_out(p[kMosi], ll::spi_sig_mosi(spi), false);
}

// A hardware reset when RST is wired, then SWRESET, each followed by its wait.
bool Display::reset_panel() {
    const int8_t rst = cfg_.pins[kRst];
    if (rst >= 0) {
        ll::gpio_set_level(rst, false);
        ll::delay_us(kResetPulseUs);
        ll::gpio_set_level(rst, true);
        ll::delay_us(kLongWaitUs);  // the part may have been in sleep-out
    }
    if (!command(kSwReset, nullptr, 0)) return false;
    // After a hardware reset the part is in sleep-in and 5 ms do; otherwise it may have been
    // in sleep-out, and SLPOUT must then wait 120 ms.
    ll::delay_us(rst >= 0 ? kShortWaitUs : kLongWaitUs);
    return true;
}

// What a wait for a transfer of `bits` may take before the unit is taken to be dead: their
// time at the clock in whole MHz (or whole microseconds a bit below 1 MHz), never less. 32-bit
// divisions only: native modules for 32-bit chips have no 64-bit division.
uint64_t Display::bound_us(uint32_t bits) const {
    uint32_t us;
    if (cfg_.hz >= 1'000'000) {
        const uint32_t mhz = cfg_.hz / 1'000'000;
        us = (bits + mhz - 1) / mhz;
    } else {
        const uint32_t bit_us = (1'000'000 + cfg_.hz - 1) / cfg_.hz;
        us = bits > 0xFFFFFFFFu / bit_us ? 0xFFFFFFFFu : bits * bit_us;
    }
    return uint64_t(kWaitTransfers) * us + kLatencyUs;
}

// Waits until done(), for at most the bound of the job on the bus, counted again from each
// job's end; past it, shuts the display down and returns false.
template <class Done>
bool Display::bounded_wait(Done done) {
    uint32_t seen = done_;
    uint64_t deadline = ll::time_us() + bound_us(jobs_[seen % 2].bytes * 8 + kJobCommandBits);
    while (!done()) {
        if (done_ != seen) {
            seen = done_;
            deadline = ll::time_us() + bound_us(jobs_[seen % 2].bytes * 8 + kJobCommandBits);
        } else if (ll::time_us() > deadline) {
            shutdown();
            return false;
        }
        relax();
    }
    return true;
}

bool Display::send_bytes(bool dc_high, const uint8_t *data, uint32_t n) {
    const int spi = cfg_.spi;
    auto idle = [&] { return !ll::spi_ll_busy(spi); };
    if (!bounded_wait(idle)) return false;
    ll::gpio_set_level(cfg_.pins[kDc], dc_high);
    ll::spi_ll_start_bytes(spi, data, n);
    return bounded_wait(idle);
}

// A command and its parameters, polled: for set-up, when no job is under way.
bool Display::command(uint8_t cmd, const uint8_t *params, uint32_t n) {
    return send_bytes(false, &cmd, 1) && (!n || send_bytes(true, params, n));
}

uint8_t Display::madctl() const {
    return uint8_t(kRotationMadctl[cfg_.rotation & 3] | (cfg_.bgr ? kMadctlBgr : 0));
}

void Display::deinit() {
    if (!active_) return;
    if (wait() == Status::kOk) shutdown();  // a wait that failed has shut down already
}

// Stops the SPI, blanks and frees everything, dropping any job under way.
void Display::shutdown() {
    const int spi = cfg_.spi;
    ll::spi_ll_enable_trans_intr(spi, false);
    if (intr_attached_) ll::intr_detach(ll::spi_irq(spi));
    intr_attached_ = false;
    ll::spi_ll_stop(spi);
    const int8_t *p = cfg_.pins.pad;
    if (p[kBacklight] >= 0) ll::gpio_output(p[kBacklight], false);
    ll::gpio_output(p[kCs], true);  // deselected
    ll::gpio_output(p[kClk], false);
    ll::gpio_output(p[kMosi], false);
    ll::spi_ll_select_dma(spi, 0);
    ll::dport_periph_disable(ll::spi_dport_bit(spi));
    // The DMA clock is shared: it stays on while another SPI unit has a channel.
    if (!ll::spi_ll_selected_dma(1) && !ll::spi_ll_selected_dma(2) && !ll::spi_ll_selected_dma(3))
        ll::dport_periph_disable(ll::kDportBitSpiDma);
    release();
    running_ = false;
    phase_ = kIdle;
    queued_ = done_;
    active_ = false;
}

Status Display::set_rotation(uint8_t rotation) {
    if (!active_) return Status::kNotActive;
    if (rotation > 3) return Status::kBadRotation;
    if (Status s = wait(); s != Status::kOk) return s;
    cfg_.rotation = rotation;
    const uint8_t mad = madctl();
    return command(kMadctl, &mad, 1) ? Status::kOk : Status::kNoTransferDone;
}

void Display::set_backlight(bool on) {
    if (active_ && cfg_.pins[kBacklight] >= 0) ll::gpio_set_level(cfg_.pins[kBacklight], on);
}

Status Display::check_area(uint32_t x1, uint32_t y1, uint32_t x2, uint32_t y2) const {
    if (!active_) return Status::kNotActive;
    if (x2 < x1 || y2 < y1 || x2 >= width() || y2 >= height()) return Status::kBadArea;
    return Status::kOk;
}

bool Display::in_flight(const void *buf) const {
    for (uint32_t n = done_; n != queued_; n++)
        if (jobs_[n % 2].buf == buf) return true;
    return false;
}

void Display::poll() {
    if (active_ && !intr_attached_) on_interrupt(this);
}

// One turn of a wait for the bus: with no interrupt, the waiting drives the jobs.
void Display::relax() {
    ll::cpu_relax();
    if (!intr_attached_) on_interrupt(this);
}

Status Display::wait() {
    if (!active_) return Status::kNotActive;
    return bounded_wait([this] { return queued_ == done_; }) ? Status::kOk : Status::kNoTransferDone;
}

Status Display::wait(const void *buf) {
    if (!active_) return Status::kNotActive;
    return bounded_wait([&] { return !in_flight(buf); }) ? Status::kOk : Status::kNoTransferDone;
}

// The job slot the next job goes into, once the job that used it is done; null when the
// wait for it failed.
Display::Job *Display::claim_slot() {
    if (!bounded_wait([this] { return queued_ - done_ < 2; })) return nullptr;
    return &jobs_[queued_ % 2];
}

// One descriptor per 4092 bytes; with repeat, all of them send the same scratch bytes.
void Display::build_chain(uint32_t slot, const uint8_t *buf, uint32_t bytes, bool repeat) {
    lldesc_chain(desc_[slot], ll::dma_addr(desc_[slot]), ll::dma_addr(buf), bytes,
                 repeat ? LlDescChain::kSendRepeat : LlDescChain::kSend);
}

bool Display::enqueue() {
    queued_ = queued_ + 1;
    // The interrupt starts queued jobs while one runs; with none running, nothing can
    // interrupt this check, so exactly one side starts the job.
    if (!running_) start_next_job();
    // Polled: the window commands are a few bytes each; send them now, so that the pixels
    // go out by DMA while the caller goes on.
    return intr_attached_ || bounded_wait([this] { return !running_ || phase_ == kPixels; });
}

void Display::start_next_job() {
    const Job &j = jobs_[done_ % 2];
    running_ = true;
    phase_ = j.cont ? kRamwrCmd : kCasetCmd;
    start_phase();
}

// Starts the transfer of the current phase of the current job; DC is set while the bus is
// idle, between transfers.
void Display::start_phase() {
    const int spi = cfg_.spi;
    const uint32_t slot = done_ % 2;
    const Job &j = jobs_[slot];
    const int8_t dc = cfg_.pins[kDc];
    uint8_t cmd;
    switch (phase_) {
        case kCasetCmd:
        case kPasetCmd:
        case kRamwrCmd:
            cmd = phase_ == kCasetCmd ? kCaset : phase_ == kPasetCmd ? kPaset : j.cont ? kRamwrc : kRamwr;
            ll::gpio_set_level(dc, false);
            ll::spi_ll_start_bytes(spi, &cmd, 1);
            break;
        case kCasetData:
        case kPasetData: {
            uint16_t a = phase_ == kCasetData ? j.x1 : j.y1, b = phase_ == kCasetData ? j.x2 : j.y2;
            window_[0] = uint8_t(a >> 8), window_[1] = uint8_t(a), window_[2] = uint8_t(b >> 8);
            window_[3] = uint8_t(b);
            ll::gpio_set_level(dc, true);
            ll::spi_ll_start_bytes(spi, window_, 4);
            break;
        }
        case kPixels:
            ll::gpio_set_level(dc, true);
            ll::spi_ll_start_dma(spi, ll::dma_addr(desc_[slot]), j.bytes);
            break;
        default:
            break;
    }
}

void Display::on_interrupt(void *arg) {
    Display &d = *static_cast<Display *>(arg);
    const int spi = d.cfg_.spi;
    if (!ll::spi_ll_trans_done(spi)) return;
    ll::spi_ll_clear_trans_done(spi);
    if (!d.running_) return;  // a polled set-up transfer
    if (d.phase_ != kPixels) {
        d.phase_ = uint8_t(d.phase_ + 1);
        d.start_phase();
        return;
    }
    const uint32_t tag = d.jobs_[d.done_ % 2].tag;
    d.running_ = false;
    d.phase_ = kIdle;
    d.done_ = d.done_ + 1;
    if (d.done_fn_) d.done_fn_(d.done_arg_, tag);
    if (d.queued_ != d.done_) d.start_next_job();
}

Status Display::flush(uint32_t x1, uint32_t y1, uint32_t x2, uint32_t y2, const uint8_t *buf, uint32_t len,
                      uint32_t tag) {
    Status s = check_area(x1, y1, x2, y2);
    if (s != Status::kOk) return s;
    const uint32_t bytes = (x2 - x1 + 1) * (y2 - y1 + 1) * 2;
    if (len < bytes) return Status::kBufferTooSmall;
    if (!ll::dma_addr(buf) || (ll::dma_addr(buf) & 3)) return Status::kNotDmaMemory;
    if (Status w = wait(buf); w != Status::kOk) return w;
    Job *j = claim_slot();
    if (!j) return Status::kNoTransferDone;
    *j = Job{uint16_t(x1), uint16_t(y1), uint16_t(x2), uint16_t(y2), false, bytes, tag, buf};
    build_chain(queued_ % 2, buf, bytes, false);
    return enqueue() ? Status::kOk : Status::kNoTransferDone;
}

Status Display::fill_rect(uint32_t x, uint32_t y, uint32_t w, uint32_t h, uint16_t rgb565) {
    if (!active_) return Status::kNotActive;
    if (w == 0 || h == 0) return Status::kOk;
    Status s = check_area(x, y, x + w - 1, y + h - 1);
    if (s != Status::kOk) return s;
    Job *j = claim_slot();
    if (!j) return Status::kNoTransferDone;
    const uint32_t slot = queued_ % 2;
    uint8_t *p = scratch_[slot];
    for (uint32_t i = 0; i < kScratchBytes; i += 2) p[i] = uint8_t(rgb565 >> 8), p[i + 1] = uint8_t(rgb565);
    const uint32_t bytes = w * h * 2;
    *j = Job{uint16_t(x), uint16_t(y), uint16_t(x + w - 1), uint16_t(y + h - 1), false, bytes, 0, p};
    build_chain(slot, p, bytes, true);
    return enqueue() ? Status::kOk : Status::kNoTransferDone;
}

Status Display::blit(const uint8_t *buf, uint32_t len, uint32_t x, uint32_t y, uint32_t w, uint32_t h) {
    if (!active_) return Status::kNotActive;
    if (w == 0 || h == 0) return Status::kOk;
    Status s = check_area(x, y, x + w - 1, y + h - 1);
    if (s != Status::kOk) return s;
    const uint32_t bytes = w * h * 2;
    if (len < bytes) return Status::kBufferTooSmall;
    // Parts of the scratch size: the first sets the window, the others continue (RAMWRC).
    for (uint32_t off = 0; off < bytes;) {
        Job *j = claim_slot();
        if (!j) return Status::kNoTransferDone;
        const uint32_t slot = queued_ % 2;
        const uint32_t n = bytes - off < kScratchBytes ? bytes - off : kScratchBytes;
        __builtin_memcpy(scratch_[slot], buf + off, n);  // freestanding: no <string.h>
        *j = Job{uint16_t(x), uint16_t(y), uint16_t(x + w - 1), uint16_t(y + h - 1), off != 0,
                 n,           0,           scratch_[slot]};
        build_chain(slot, scratch_[slot], n, false);
        if (!enqueue()) return Status::kNoTransferDone;
        off += n;
    }
    return Status::kOk;
}

}  // namespace upanel::ili9341
