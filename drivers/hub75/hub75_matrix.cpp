#include "hub75_matrix.h"

#include "upanel/ll/bus.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/i2s_ll.h"

namespace upanel::hub75 {

using namespace upanel::core;

// Sample bit of each pin on the 16-bit bus (see hub75_encoder.h); CLK is the WS signal.
static constexpr int kSampleBit[kPinCount] = {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 6, 7, -1};
// What may hold an interrupt off on the chip (another handler, a flash write) and the
// emulated board's idle step: added to every bounded wait.
static constexpr uint64_t kLatencyUs = 2'000;

// Address lines for this many row addresses: A, B for 1/4 scan up to A..E for 1/32.
static uint32_t address_lines(uint32_t scan) {
    uint32_t n = 0;
    while ((1u << n) < scan) n++;
    return n;
}

core::Hub75Scan Matrix::scan_of(const Config &c) {
    core::Hub75Scan s;
    s.panel_width = c.width;
    s.panel_height = c.height;
    s.chain = c.chain;
    s.scan = c.scan ? c.scan : c.height / 2;
    s.block = c.scan_block ? c.scan_block : c.width;
    return s;
}

core::Hub75Grid Matrix::grid_of(const Config &c) {
    core::Hub75Grid g;
    g.panel_width = c.width;
    g.panel_height = c.height;
    g.rows = c.grid_rows ? c.grid_rows : 1;
    g.cols = c.chain / g.rows;
    g.serpentine = c.serpentine;
    g.rotation = c.rotation;
    return g;
}

// Single-channel panels have no lower colour lines; row addresses take A.. as needed.
static bool pin_used(const Config &c, int pin) {
    const Hub75Scan s = Matrix::scan_of(c);
    if (pin >= kR2 && pin <= kB2) return !s.single();
    return pin < kA || pin > kE || uint32_t(pin - kA) < address_lines(s.scan);
}

Status Matrix::validate(const Config &c) {
    pending_ = c;
    if (c.width < 8 || c.width > 256 || c.width % 8) return Status::kBadWidth;
    if (c.height != 16 && c.height != 32 && c.height != 64) return Status::kBadHeight;
    if (c.chain < 1 || c.chain > 8) return Status::kBadChain;
    if (!hub75_scan_valid(scan_of(c))) return Status::kBadScan;
    if (c.grid_rows > c.chain || (c.grid_rows && c.chain % c.grid_rows) || c.rotation > 3 ||
        !hub75_grid_valid(grid_of(c)))
        return Status::kBadGrid;
    if (scan_of(c).shift_cols() > 1024) return Status::kBadWidth;
    if (c.depth < 1 || c.depth > BcmPlan::kMaxDepth) return Status::kBadDepth;
    if (c.clock_hz < 1'000'000 || c.clock_hz > 20'000'000) return Status::kBadClock;
    if (c.i2s > 1) return Status::kBadI2s;
    if (c.latch_blanking > BcmPlan::kMaxBlanking) return Status::kBadBlanking;
    if (c.clk_phase > 1) return Status::kBadPhase;
    if (c.chip > Hub75Chip::kFm6124) return Status::kBadChip;
    for (int i = 0; i < kPinCount; i++) {
        if (!pin_used(c, i)) continue;
        error_pin_ = int8_t(i);
        if (!ll::pad_can_output(c.pins[i])) return Status::kBadPin;
        for (int j = 0; j < i; j++) {
            error_other_pin_ = int8_t(j);
            if (pin_used(c, j) && c.pins[j] == c.pins[i]) return Status::kPinTwice;
        }
    }
    error_pin_ = error_other_pin_ = -1;
    return Status::kOk;
}

// Descriptors f holds once it has room for a chain of `count`: its first block is the first
// chain's size, later ones block_descriptors_ each (see make_room()).
uint32_t Matrix::capacity_for(const Frame &f, uint32_t count) const {
    if (count <= f.capacity) return f.capacity;
    if (f.block_count == 0) return count;
    return f.capacity +
           (count - f.capacity + block_descriptors_ - 1) / block_descriptors_ * block_descriptors_;
}

Hub75ChainLayout Matrix::layout(const Frame &f) const {
    return {ll::dma_addr(f.data),  pad_ ? ll::dma_addr(pad_) : 0, pad_chunk_,
            ll::dma_addr(dither_), gap_ ? ll::dma_addr(gap_) : 0, gap_chunk_};
}

// What the matrix holds with every frame's chain built for `lit`; the dark gap words are there
// once a brightness below 255 has been used.
uint32_t Matrix::dma_for(const BcmPlan &lit) const {
    // Counting needs distinct addresses only, not buffers.
    const Hub75ChainLayout counting{0x10000000, 0x20000000, pad_chunk_, 0x40000000, 0x50000000, gap_chunk_};
    const uint32_t count = hub75_build_chain(lit, counting);
    uint32_t bytes = fixed_dma_bytes() + (gap_ || lit.gap ? 2 * gap_chunk_ : 0);
    for (uint32_t i = 0; i < frame_count(); i++)
        bytes += frame_data_bytes() + capacity_for(frames_[i], count) * uint32_t(sizeof(LlDesc));
    return bytes;
}

uint32_t Matrix::dma_held() const {
    uint32_t bytes = fixed_dma_bytes() + (gap_ ? 2 * gap_chunk_ : 0);
    for (const Frame &f : frames_)
        if (f.data) bytes += frame_data_bytes() + f.capacity * uint32_t(sizeof(LlDesc));
    return bytes;
}

uint32_t Matrix::frame_count() const { return cfg_.double_buffer ? 2 : 1; }
uint32_t Matrix::frame_data_bytes() const { return uint32_t(encoder_.frame_words() * 2); }

// The buffers whose size does not depend on the brightness: idle words, dither slots, the
// prologue and the chips' start-up.
uint32_t Matrix::fixed_dma_bytes() const {
    const uint32_t startup_words = hub75_startup_word_count(cfg_.chip, plan_.cols);
    return plan_.rows * hub75_pad_row_bytes(pad_chunk_) + plan_.rows * hub75_dither_row_bytes(plan_) +
           uint32_t(sizeof(LlDesc)) + plan_.cols * 2 +
           (startup_words ? 2 * uint32_t(sizeof(LlDesc)) + startup_words * 2 : 0);
}

bool Matrix::allocate() {
    const uint32_t pad_bytes = plan_.rows * hub75_pad_row_bytes(pad_chunk_);
    const uint32_t dither_bytes = plan_.rows * hub75_dither_row_bytes(plan_);
    const uint32_t prologue_bytes = uint32_t(sizeof(LlDesc)) + plan_.cols * 2;
    dma_needed_ = dma_for(lit_);
    dma_available_ = uint32_t(ll::dma_largest_free());
    for (uint32_t i = 0; i < frame_count(); i++) {
        frames_[i].data = static_cast<uint16_t *>(ll::dma_alloc(frame_data_bytes()));
        if (!frames_[i].data) return false;
    }
    // Start-up: one window that latches black with OE off, so the first window of the chain
    // does not light whatever the panel had latched before.
    prologue_ = static_cast<LlDesc *>(ll::dma_alloc(prologue_bytes));
    if (!prologue_) return false;
    auto *words = reinterpret_cast<uint16_t *>(prologue_ + 1);
    for (uint32_t x = 0; x < plan_.cols; x++)
        words[x ^ 1u] = uint16_t(((plan_.rows - 1) << hub75_word::kAddrShift) | hub75_word::kOe |
                                 (x == plan_.cols - 1 ? hub75_word::kLat : 0));
    prologue_->word0 = lldesc_word0(plan_.cols * 2, plan_.cols * 2, false, true);
    prologue_->buf = ll::dma_addr(words);
    if (hub75_startup_word_count(cfg_.chip, plan_.cols) && !allocate_startup()) return false;
    if (pad_bytes) {
        pad_ = static_cast<uint16_t *>(ll::dma_alloc(pad_bytes));
        if (!pad_) return false;
        for (uint32_t a = 0; a < plan_.rows; a++)
            hub75_fill_pad_row(pad_ + a * 2 * pad_chunk_, pad_chunk_, a);
    }
    dither_ = static_cast<uint16_t *>(ll::dma_alloc(dither_bytes));
    if (!dither_) return false;
    for (uint32_t a = 0; a < plan_.rows; a++)
        hub75_fill_dither_row(plan_, dither_ + a * hub75_dither_row_bytes(plan_) / 2, a);
    return true;
}

// The chips' register writes, sent once before the prologue: one descriptor per register (a
// chain of 1024 columns is 2048 bytes a register, within a descriptor's 4092).
bool Matrix::allocate_startup() {
    const uint32_t n = hub75_startup_word_count(cfg_.chip, plan_.cols);
    startup_ = static_cast<LlDesc *>(ll::dma_alloc(2 * uint32_t(sizeof(LlDesc)) + n * 2));
    if (!startup_) return false;
    auto *words = reinterpret_cast<uint16_t *>(startup_ + 2);
    hub75_startup_words(cfg_.chip, plan_.cols, words);
    for (uint32_t i = 0; i < n; i += 2) {  // the I2S sends each 32-bit word's upper half first
        uint16_t first = words[i];
        words[i] = words[i + 1];
        words[i + 1] = first;
    }
    const uint32_t register_bytes = plan_.cols * 2;
    for (uint32_t d = 0; d < 2; d++) {
        startup_[d].word0 = lldesc_word0(register_bytes, register_bytes, false, true);
        startup_[d].buf = ll::dma_addr(words + d * plan_.cols);
    }
    startup_[0].next = ll::dma_addr(startup_ + 1);
    startup_[1].next = ll::dma_addr(prologue_);
    return true;
}

void Matrix::release() {
    for (Frame &f : frames_) {
        if (f.data) ll::dma_free(f.data);
        for (uint32_t b = 0; b < f.block_count; b++) ll::dma_free(f.blocks[b].desc);
        f = Frame{};
    }
    if (pad_) ll::dma_free(pad_);
    if (prologue_) ll::dma_free(prologue_);
    if (startup_) ll::dma_free(startup_);
    if (dither_) ll::dma_free(dither_);
    if (gap_) ll::dma_free(gap_);
    dither_ = gap_ = nullptr;
    pad_ = nullptr;
    prologue_ = nullptr;
    startup_ = nullptr;
}

// Room in f for the chain of the current brightness: the dark gap words (shared by the frames,
// kept until deinit()) and descriptors. A frame that needs more descriptors gets another block
// and keeps the ones it has, so the blocks never move (the prologue and the other frame link
// to the first) and no bigger block has to fit beside the old one. On failure nothing changed
// that f's current chain uses.
Status Matrix::make_room(Frame &f) {
    if (lit_.gap && !gap_) {
        gap_ = static_cast<uint16_t *>(ll::dma_alloc(2 * gap_chunk_));
        if (!gap_) return no_memory();
        hub75_fill_gap(gap_, gap_chunk_, plan_.rows);
    }
    const uint32_t count = hub75_build_chain(lit_, layout(f));
    while (f.capacity < count) {
        const uint32_t n = f.block_count ? block_descriptors_ : count;
        if (f.block_count == kMaxBlocks) return no_memory();
        auto *d = static_cast<LlDesc *>(ll::dma_alloc(n * uint32_t(sizeof(LlDesc))));
        if (!d) return no_memory();
        f.blocks[f.block_count++] = Hub75DescBlock{d, ll::dma_addr(d), n};
        f.capacity += n;
    }
    return Status::kOk;
}

// Writes f's chain for the current brightness into the room make_room() made.
void Matrix::build_chain(Frame &f) {
    f.count = hub75_build_chain(lit_, layout(f), f.blocks, f.block_count);
    f.brightness = cfg_.brightness;
}

LlDesc &Matrix::descriptor(Frame &f, uint32_t i) {
    uint32_t b = 0;
    for (; i >= f.blocks[b].count; b++) i -= f.blocks[b].count;
    return f.blocks[b].desc[i];
}

Status Matrix::init(const Config &config) {
    if (active_) deinit();
    if (!ll::bus_ready()) return Status::kNotActive;
    Status s = validate(config);
    if (s != Status::kOk) return s;
    if (ll::dport_periph_enabled(ll::kDportBitI2s[config.i2s])) return Status::kI2sBusy;
    cfg_ = config;
    const Hub75Scan scan = scan_of(cfg_);
    plan_ = plan_bcm(scan.shift_cols(), scan.scan, cfg_.depth, BcmPlan::kDefaultMinDuty, cfg_.latch_blanking);
    encoder_.configure(plan_, cfg_.gamma, cfg_.brightness);
    encoder_.set_scan(scan);
    encoder_.set_grid(grid_of(cfg_));
    lit_ = plan_brightness(plan_, cfg_.brightness);
    const Hub75ChainNeeds needs = hub75_chain_needs(plan_, frame_count());
    pad_chunk_ = needs.pad_chunk;
    gap_chunk_ = needs.gap_chunk;
    // Blocks of descriptors: kMaxBlocks hold the longest chain with one block to spare.
    block_descriptors_ = (needs.descriptors + kMaxBlocks - 2) / (kMaxBlocks - 1);
    if (block_descriptors_ < kMinBlockDescriptors) block_descriptors_ = kMinBlockDescriptors;

    clock_ = ll::i2s_ll_lcd_clock(cfg_.clock_hz);
    if (clock_.n == 0) return Status::kBadClock;

    // Both frames start black, lit as the brightness says.
    bool fits = allocate();
    for (uint32_t i = 0; fits && i < frame_count(); i++) {
        encoder_.restamp(frames_[i].data);
        fits = make_room(frames_[i]) == Status::kOk;
        if (fits) build_chain(frames_[i]);
    }
    if (!fits) {
        release();
        dma_available_ = uint32_t(ll::dma_largest_free());
        return Status::kNoDmaMemory;
    }
    front_ = 0;
    swap_pending_ = false;
    // Without an interrupt (a native module on the chip cannot allocate one) show() polls
    // the same EOF status the handler reads.
    intr_attached_ =
        cfg_.double_buffer && ll::intr_attach(ll::kIrqI2s[cfg_.i2s], &Matrix::on_interrupt, this);
    start_hardware();
    active_ = true;
    return Status::kOk;
}

void Matrix::start_hardware() {
    const int u = int(cfg_.i2s);
    ll::dport_periph_enable(ll::kDportBitI2s[u]);
    ll::i2s_ll_reset(u);
    ll::i2s_ll_lcd_tx_16bit(u);
    ll::i2s_ll_set_lcd_clock(u, clock_);
    ll::i2s_ll_enable_intr(u, 0);
    ll::i2s_ll_clear_intr(u, 0xFFFFFFFF);
    // Blank the panel while the pads switch over to the bus.
    const bool inv = cfg_.invert_outputs;
    ll::gpio_output(cfg_.pins[kOe], !inv);
    for (int i = 0; i < kPinCount; i++) {
        if (i == kOe || !pin_used(cfg_, i)) continue;
        uint16_t sig = i == kClk ? ll::i2s_ll_ws_signal(u) : ll::i2s_ll_lcd16_data_signal(u, kSampleBit[i]);
        ll::gpio_matrix_out(cfg_.pins[i], sig, inv != (i == kClk && cfg_.clk_phase));
    }
    prologue_->next = frames_[front_].blocks[0].addr;
    ll::i2s_ll_start_out_link(u, ll::dma_addr(startup_ ? startup_ : prologue_));
    ll::i2s_ll_tx_start(u);
    ll::gpio_matrix_out(cfg_.pins[kOe], ll::i2s_ll_lcd16_data_signal(u, kSampleBit[kOe]), inv);
}

void Matrix::stop_hardware() {
    const int u = int(cfg_.i2s);
    ll::i2s_ll_enable_intr(u, 0);
    ll::i2s_ll_tx_stop(u);
    ll::i2s_ll_stop_out_link(u);
    // Leave the panel dark: OE high first, then the rest low, all as plain GPIO outputs.
    const bool inv = cfg_.invert_outputs;
    ll::gpio_output(cfg_.pins[kOe], !inv);
    for (int i = 0; i < kPinCount; i++) {
        if (i == kOe || !pin_used(cfg_, i)) continue;
        ll::gpio_output(cfg_.pins[i], inv);
    }
    ll::dport_periph_disable(ll::kDportBitI2s[u]);
}

void Matrix::deinit() {
    if (!active_) return;
    stop_hardware();
    if (intr_attached_) ll::intr_detach(ll::kIrqI2s[cfg_.i2s]);
    intr_attached_ = false;
    release();
    swap_pending_ = false;
    active_ = false;
}

// One pass of the longer of the two chains (the refreshes of the dither cycle, and the
// prologue's window; the DMA takes a new frame at the end of the front chain's pass, which may
// still be at an older brightness): its clocks at the pixel clock, rounded up. 32-bit
// divisions only: native modules for 32-bit chips have no 64-bit division.
uint32_t Matrix::refresh_us() const {
    const uint32_t khz = ll::i2s_ll_lcd_clock_hz(clock_) / 1000;
    uint32_t clocks = 0;
    for (const Frame &f : frames_) {
        if (!f.block_count) continue;
        const BcmPlan at = plan_brightness(plan_, f.brightness);
        const uint32_t pass = at.clocks_per_refresh() * at.refreshes();
        clocks = pass > clocks ? pass : clocks;
    }
    clocks += plan_.cols;
    return clocks / khz * 1000 + ((clocks % khz) * 1000 + khz - 1) / khz;
}

Status Matrix::wait_shown() {
    if (!active_ || !swap_pending_) return Status::kOk;
    const uint64_t deadline = ll::time_us() + uint64_t(kWaitRefreshes) * refresh_us() + kLatencyUs;
    while (swap_pending_) {
        if (ll::time_us() > deadline) {
            deinit();
            return Status::kNoEndOfFrame;
        }
        ll::cpu_relax();
        if (!intr_attached_) on_interrupt(this);
    }
    return Status::kOk;
}

// Links the front chain's end to the back chain; the DMA takes the link when it finishes the
// refresh under way. The back chain's first descriptor alone carries EOF, so the one
// interrupt that follows says the DMA is in the new frame.
void Matrix::present_back() {
    const int u = int(cfg_.i2s);
    Frame &front = frames_[front_], &back = frames_[front_ ^ 1];
    const uint32_t back_start = back.blocks[0].addr;
    descriptor(back, back.count - 1).next = back_start;
    back.blocks[0].desc->word0 = lldesc_with_eof(back.blocks[0].desc->word0, true);
    front.blocks[0].desc->word0 = lldesc_with_eof(front.blocks[0].desc->word0, false);
    ll::i2s_ll_clear_intr(u, ll::kI2sIntOutEof);
    swap_pending_ = true;
    descriptor(front, front.count - 1).next = back_start;
    ll::i2s_ll_enable_intr(u, ll::kI2sIntOutEof);
}

void Matrix::on_interrupt(void *arg) {
    Matrix &m = *static_cast<Matrix *>(arg);
    const int u = int(m.cfg_.i2s);
    uint32_t st = ll::i2s_ll_intr_status(u);
    ll::i2s_ll_clear_intr(u, st);
    if (!(st & ll::kI2sIntOutEof) || !m.swap_pending_) return;
    const Frame &back = m.frames_[m.front_ ^ 1];
    if (ll::i2s_ll_out_eof_desc(u) != back.blocks[0].addr) return;  // an older EOF
    m.front_ ^= 1;
    m.swap_pending_ = false;
    m.swaps_++;
    ll::i2s_ll_enable_intr(u, 0);
}

Status Matrix::show(const uint8_t *pixels, uint32_t bytes, PixelFormat format) {
    if (!active_) return Status::kNotActive;
    if (bytes != width() * height() * bytes_per_pixel(format)) return Status::kBadBuffer;
    if (!cfg_.double_buffer) {
        encoder_.encode(pixels, format, frames_[0].data);
        return Status::kOk;
    }
    if (Status s = wait_shown(); s != Status::kOk) return s;
    Frame &back = frames_[front_ ^ 1];
    if (back.brightness != cfg_.brightness) {
        if (Status s = make_room(back); s != Status::kOk) return s;
        build_chain(back);
    }
    encoder_.encode(pixels, format, back.data);
    present_back();
    return Status::kOk;
}

Status Matrix::set_brightness(uint32_t brightness) {
    if (!active_) return Status::kNotActive;
    if (brightness > 255) brightness = 255;
    if (brightness == cfg_.brightness) return Status::kOk;
    if (cfg_.double_buffer) {
        if (Status s = wait_shown(); s != Status::kOk) return s;
    }
    // The frame to relight: the back one, or the only one (live: stopped while it changes).
    Frame &f = frames_[cfg_.double_buffer ? front_ ^ 1 : 0];
    const uint32_t before = cfg_.brightness;
    light(brightness);
    if (Status s = make_room(f); s != Status::kOk) {
        light(before);  // the picture stays as it is
        return s;
    }
    if (!cfg_.double_buffer) {
        const int u = int(cfg_.i2s);
        ll::i2s_ll_tx_stop(u);
        ll::i2s_ll_stop_out_link(u);
        encoder_.restamp(f.data);
        build_chain(f);
        ll::i2s_ll_start_out_link(u, ll::dma_addr(prologue_));
        ll::i2s_ll_tx_start(u);
        return Status::kOk;
    }
    // Copy what is shown into the back frame, relight it and present it like a new frame.
    const Frame &front = frames_[front_];
    for (size_t i = 0; i < encoder_.frame_words(); i++) f.data[i] = front.data[i];
    encoder_.restamp(f.data);
    build_chain(f);
    present_back();
    return Status::kOk;
}

// The plan and the encoder's stamps for a brightness.
void Matrix::light(uint32_t brightness) {
    cfg_.brightness = brightness;
    lit_ = plan_brightness(plan_, brightness);
    encoder_.configure(plan_, cfg_.gamma, brightness);
}

// Says how much DMA RAM the current brightness needs (kNoDmaMemory).
Status Matrix::no_memory() {
    dma_needed_ = dma_for(lit_);
    dma_available_ = uint32_t(ll::dma_largest_free());
    return Status::kNoDmaMemory;
}

Info Matrix::info() const {
    Info i{};
    if (!active_) return i;
    // 32-bit arithmetic throughout: 40 MHz * 63 and 20 MHz * 100 both fit.
    uint32_t clock = ll::i2s_ll_lcd_clock_hz(clock_);
    uint32_t clocks = lit_.clocks_per_refresh();
    // Lit quarter clocks of a refresh, averaged over the dither cycle.
    uint64_t lit = uint64_t(lit_.lit_quarters_per_row()) * lit_.rows;
    i.refresh_hz_x100 = clock * 100 / clocks;
    i.oe_duty_x1000 = uint32_t(bcm_div64(lit * 1000, 4 * clocks));
    i.lit_quarters = lit_.quarters;
    i.dither_refreshes = lit_.refreshes();
    i.dma_bytes = dma_held();
    i.descriptors = frames_[front_].count;
    i.clock_hz = clock;
    i.depth = plan_.depth;
    i.unit_clocks = plan_.unit;
    i.clocks_per_refresh = clocks;
    return i;
}

}  // namespace upanel::hub75
