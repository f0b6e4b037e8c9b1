// ILI9341 240x320 TFT on the ESP32's SPI2 (HSPI) or SPI3 (VSPI) master, pixels sent by DMA.
//
// A flush is a job: CASET, PASET and RAMWR with their parameters from the SPI data buffer,
// then the pixels by DMA straight from the caller's buffer, all driven by the transfer-done
// interrupt, so flush() returns at once. Two jobs can be under way (one on the bus, one
// queued), which is double buffering: the caller renders into one buffer while the other is
// sent; a flush of a buffer that is still queued or on the bus waits for it. When a job's
// pixels are out, the done callback runs in the interrupt (LVGL's flush_ready contract).
// Descriptors are built DMA-owned: the ESP32's SPI DMA has no switch for an owner check
// (SPI_DMA_CONF has none), so the driver assumes the unit checks, as the emulated one does.
// Register access goes through the register layer only (no ESP-IDF).
#pragma once
#include <stdint.h>

#include "upanel/core/ili9341_wiring.h"
#include "upanel/core/lldesc.h"

namespace upanel::ili9341 {

enum Pin : uint8_t { kMosi, kClk, kCs, kDc, kRst, kBacklight, kMiso, kPinCount };
static_assert(kPinCount == core::kIli9341Signals);
inline constexpr const auto &kPinNames = core::kIli9341SignalNames;

constexpr uint32_t kPanelWidth = 240, kPanelHeight = 320;
constexpr uint32_t kMaxHz = 80'000'000;

struct Config {
    int spi = 2;  // 2 = HSPI, 3 = VSPI
    // MOSI, CLK, CS, DC, RST, backlight, MISO; -1 for RST, backlight or MISO: not wired.
    core::Ili9341Pads pins = core::kIli9341DefaultPads;  // indexed by Pin
    uint32_t hz = 40'000'000;
    uint8_t rotation = 0;  // quarter turns clockwise from portrait
    bool bgr = true;       // the panel's colour filter is BGR (the modules' is)
    bool invert = false;   // the panel needs INVON to show colours right
    // Pixel buffers the driver allocates in DMA-capable RAM for the caller (0 = none).
    uint32_t buffer_pixels = 0, buffer_count = 0;
    // No interrupt (a native module on the chip cannot allocate one): flush() sends the
    // window commands itself, polled, and starts the pixels' DMA; the end of a job and the
    // start of the queued one are seen when the caller next polls: poll(), wait(), flush().
    bool polled = false;
};

enum class Status : uint8_t {
    kOk,
    kBadSpi,          // spi not 2 or 3
    kBadClock,        // hz not 1 Hz .. 80 MHz
    kBadPin,          // a pad that does not exist, cannot drive an output or carries the flash
    kPinTwice,        // a pad given to two signals
    kBadRotation,     // rotation not 0..3
    kNoDmaMemory,     // not enough DMA-capable RAM; dma_needed() says how much
    kBusy,            // the SPI unit is in use, its interrupt is taken or no DMA channel is free
    kNotActive,       // used before init() or after deinit()
    kBadArea,         // outside the screen, or x2 < x1 or y2 < y1
    kBufferTooSmall,  // fewer bytes than the area's pixels need
    kNotDmaMemory,    // not word aligned in DMA-capable RAM
    kNoTransferDone,  // a transfer not done within kWaitTransfers of its own times
};

// Runs in the interrupt when a job's pixels are on the panel; tag is what flush() was given.
using DoneFn = void (*)(void *arg, uint32_t tag);

class Display {
  public:
    Display() = default;
    Display(const Display &) = delete;
    Display &operator=(const Display &) = delete;
    ~Display() { deinit(); }

    // Resets and sets up the panel (reset, sleep-out and their waits), clears it to black,
    // turns it and the backlight on. All or nothing: on failure nothing stays allocated,
    // routed or running.
    Status init(const Config &config);
    // Lets the jobs under way finish, then stops the SPI, blanks and frees everything.
    void deinit();
    bool active() const { return active_; }

    uint32_t width() const { return cfg_.rotation & 1 ? kPanelHeight : kPanelWidth; }
    uint32_t height() const { return cfg_.rotation & 1 ? kPanelWidth : kPanelHeight; }
    const Config &config() const { return cfg_; }
    Status set_rotation(uint8_t rotation);
    void set_backlight(bool on);
    void set_done_callback(DoneFn fn, void *arg) { done_fn_ = fn, done_arg_ = arg; }

    // Sends the inclusive area x1..x2, y1..y2 from buf: RGB565 big-endian, row by row, in
    // DMA-capable RAM. Returns once the job is queued; buf must stay untouched until done.
    Status flush(uint32_t x1, uint32_t y1, uint32_t x2, uint32_t y2, const uint8_t *buf, uint32_t len,
                 uint32_t tag = 0);
    // Whether buf is queued or on the bus.
    bool in_flight(const void *buf) const;
    // Waits until every job is done; with a buffer, until that one is. Every wait of the driver
    // is bounded: kWaitTransfers times what the transfer under way takes at the configured
    // clock, and an interrupt's latency. Past that the SPI unit is taken to be dead (a gated
    // clock, no interrupt): the display shuts down as a failed init() leaves it, and the call
    // that waited says kNoTransferDone.
    Status wait();
    Status wait(const void *buf);
    static constexpr uint32_t kWaitTransfers = 3;
    // Without an interrupt: does what its handler would for a transfer that has ended.
    void poll();
    // One colour (RGB565) over an area; queued like a flush.
    Status fill_rect(uint32_t x, uint32_t y, uint32_t w, uint32_t h, uint16_t rgb565);
    // Copies pixels from any memory (RGB565 big-endian, w*h) through the driver's own DMA
    // buffers; returns when the last part is queued.
    Status blit(const uint8_t *buf, uint32_t len, uint32_t x, uint32_t y, uint32_t w, uint32_t h);

    uint8_t *buffer(uint32_t i) const { return i < cfg_.buffer_count ? buffers_[i] : nullptr; }
    uint32_t buffer_bytes() const { return cfg_.buffer_pixels * 2; }
    uint32_t jobs_done() const { return done_; }
    uint32_t dma_needed() const { return dma_needed_; }
    uint32_t dma_available() const { return dma_available_; }
    int error_pin() const { return error_pin_; }
    int error_other_pin() const { return error_other_pin_; }
    int pending_pin(int pin) const { return pin < 0 ? -1 : pending_.pins[pin]; }

    // Sizes of the driver's own DMA memory.
    static constexpr uint32_t kMaxDescriptors = 40;  // 40 * 4092 bytes > a full screen
    static constexpr uint32_t kScratchBytes = 4092;  // per job slot: fill colour, blit copies

  private:
    struct Job {
        uint16_t x1, y1, x2, y2;
        bool cont;  // RAMWRC: continue after the previous job's last pixel
        uint32_t bytes, tag;
        const uint8_t *buf;
    };
    enum Phase : uint8_t { kCasetCmd, kCasetData, kPasetCmd, kPasetData, kRamwrCmd, kPixels, kIdle };

    Status validate(const Config &c);
    bool allocate();
    void release();
    void route_pins();
    bool command(uint8_t cmd, const uint8_t *params, uint32_t n);
    bool send_bytes(bool dc_high, const uint8_t *data, uint32_t n);
    bool reset_panel();
    void shutdown();
    uint64_t bound_us(uint32_t bits) const;
    template <class Done>
    bool bounded_wait(Done done);
    uint8_t madctl() const;
    Status check_area(uint32_t x1, uint32_t y1, uint32_t x2, uint32_t y2) const;
    Job *claim_slot();
    bool enqueue();
    void build_chain(uint32_t slot, const uint8_t *buf, uint32_t bytes, bool repeat);
    void start_phase();
    void start_next_job();
    void relax();
    static void on_interrupt(void *self);

    Config cfg_, pending_;
    uint8_t *buffers_[2] = {};
    core::LlDesc *desc_[2] = {};
    uint8_t *scratch_[2] = {};
    Job jobs_[2] = {};
    volatile uint32_t queued_ = 0, done_ = 0;  // queued_ written by the caller, done_ by the ISR
    volatile bool running_ = false;
    volatile uint8_t phase_ = kIdle;
    uint8_t window_[4] = {};
    uint32_t dma_needed_ = 0, dma_available_ = 0, dma_chan_ = 0;
    DoneFn done_fn_ = nullptr;
    void *done_arg_ = nullptr;
    bool active_ = false, intr_attached_ = false;
    int8_t error_pin_ = -1, error_other_pin_ = -1;
};

}  // namespace upanel::ili9341
