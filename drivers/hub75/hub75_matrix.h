// HUB75 LED matrix driver on the ESP32's I2S peripheral in LCD (parallel) mode.
//
// The whole refresh runs from a looping DMA descriptor chain: once started, the panel is
// refreshed with no CPU work at all. show() encodes a frame into the back buffer and links
// the front chain's end to it; the DMA takes the link at the end of the refresh under way,
// and one EOF interrupt tells the driver the swap happened. The DMA's owner check stays off
// (LC_CONF.check_owner, see i2s_ll.h): nothing hands descriptors back, since the chain loops
// for ever; they are built DMA-owned all the same, so the check could be turned on. Register access goes
// through the register layer only (no ESP-IDF), so the same code runs on the chip, as a native module and on
// the emulated board.
#pragma once
#include <stdint.h>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/hub75_chain.h"
#include "upanel/core/hub75_encoder.h"
#include "upanel/core/hub75_startup.h"
#include "upanel/core/hub75_wiring.h"
#include "upanel/ll/i2s_ll.h"

namespace upanel::hub75 {

enum Pin : uint8_t { kR1, kG1, kB1, kR2, kG2, kB2, kA, kB, kC, kD, kE, kLat, kOe, kClk, kPinCount };
static_assert(kPinCount == core::kHub75Signals);
inline constexpr const auto &kPinNames = core::kHub75SignalNames;

struct Config {
    uint32_t width = 64, height = 32, chain = 1, depth = 8;
    uint32_t clock_hz = 20'000'000;
    bool double_buffer = true, gamma = true;
    uint32_t brightness = 255;
    uint32_t i2s = 1;
    core::Hub75Pads pins = core::kHub75DefaultPads;  // indexed by Pin
    // Row addresses (0: height / 2, the common panels; height / 4: four-scan panels) and, on
    // four-scan panels, the pixels of one row block in a run of the shift register (0: width).
    uint32_t scan = 0, scan_block = 0;
    // The chain's panels as a wall of grid_rows rows (0: one row), serpentine or zig-zag,
    // drawn on a canvas turned by rotation quarter turns clockwise (see hub75_grid.h).
    uint32_t grid_rows = 0, rotation = 0;
    bool serpentine = false;
    // Every line inverted at the pad (GPIO matrix), for inverting level shifters.
    bool invert_outputs = false;
    // The panel's driver chips: an FM6126A or ICN2038S gets its registers written at init().
    core::Hub75Chip chip = core::Hub75Chip::kGeneric;
    // Clocks of OE off before each LAT (LAT included) and after each row switch.
    uint32_t latch_blanking = core::BcmPlan::kDefaultBlanking;
    // 0: the panel samples data on CLK's rising edge (most do); 1: on its falling edge (the
    // driver inverts CLK, so data is steady at the panel's edge either way).
    uint32_t clk_phase = 0;
};

enum class Status : uint8_t {
    kOk,
    kBadWidth,     // width not a multiple of 8 in 8..256, or width * chain above 1024
    kBadHeight,    // height not 16, 32 or 64
    kBadChain,     // chain not 1..8
    kBadDepth,     // depth not 1..12
    kBadClock,     // clock not 1..20 MHz
    kBadI2s,       // i2s not 0 or 1
    kBadPin,       // a pad that does not exist, is input only or carries the flash
    kPinTwice,     // a pad given to two signals
    kNoDmaMemory,  // not enough DMA-capable RAM (init, or a brightness with a longer chain); see dma_needed()
    kI2sBusy,      // the I2S unit is in use: its clock is on or its interrupt is taken
    kNotActive,    // used before init() or after deinit()
    kBadBuffer,    // a pixel buffer of the wrong size
    kNoEndOfFrame,  // no end-of-frame interrupt within kWaitRefreshes refresh periods
    kBadScan,       // scan not height / 2 or height / 4, or a scan_block that does not divide width
    kBadGrid,       // grid_rows does not divide chain, or rotation not 0..3
    kBadBlanking,   // latch_blanking above BcmPlan::kMaxBlanking
    kBadPhase,      // clk_phase not 0 or 1
    kBadChip,       // chip not one of core::Hub75Chip
};

struct Info {
    uint32_t refresh_hz_x100;   // refresh rate at the current brightness, in 1/100 Hz
    uint32_t oe_duty_x1000;     // lit share of the time at the current brightness, per mille
    uint32_t lit_quarters;      // quarter clocks plane 0 is lit per refresh at the current brightness
    uint32_t dither_refreshes;  // refreshes before the chain repeats (4 while quarter clocks are dithered)
    uint32_t dma_bytes, descriptors, clock_hz, depth, unit_clocks, clocks_per_refresh;
};

class Matrix {
  public:
    Matrix() = default;
    Matrix(const Matrix &) = delete;
    Matrix &operator=(const Matrix &) = delete;
    ~Matrix() { deinit(); }

    // Checks a configuration without touching the hardware; error_pin() tells which pin.
    Status validate(const Config &c);
    // All or nothing: on failure nothing stays allocated, routed or running.
    Status init(const Config &config);
    void deinit();
    bool active() const { return active_; }

    // The canvas: the chain's width and height, or the wall's turned by the rotation.
    uint32_t width() const { return grid_of(cfg_).canvas_width(); }
    uint32_t height() const { return grid_of(cfg_).canvas_height(); }
    const Config &config() const { return cfg_; }

    // Encodes pixels (width() x height() in `format`) and presents them at the next refresh
    // boundary; waits first if the previous frame is not on the panel yet (see wait_shown()).
    Status show(const uint8_t *pixels, uint32_t bytes, core::PixelFormat format);
    Status set_brightness(uint32_t brightness);
    uint32_t brightness() const { return cfg_.brightness; }
    // Waits until the last show() is on the panel: for at most kWaitRefreshes refresh periods
    // (and an interrupt's latency), since the DMA takes the new frame at the end of the
    // refresh under way. Past that, the unit sends nothing (a gated clock, a stopped DMA): the
    // matrix shuts down, as a failed init() leaves it, and says kNoEndOfFrame.
    Status wait_shown();
    static constexpr uint32_t kWaitRefreshes = 3;
    Info info() const;
    // Bytes of DMA-capable RAM the matrix holds; after kNoDmaMemory, what it would have needed.
    uint32_t dma_needed() const { return dma_needed_; }
    uint32_t dma_available() const { return dma_available_; }
    uint32_t swaps() const { return swaps_; }
    // The shift-register layout a configuration asks for (defaults filled in).
    static core::Hub75Scan scan_of(const Config &c);
    static core::Hub75Grid grid_of(const Config &c);
    // The pin a kBadPin or kPinTwice refers to, and for kPinTwice the pin it clashes with.
    int error_pin() const { return error_pin_; }
    // The pad the last validate() was asked to use for a pin.
    int pending_pin(int pin) const { return pin < 0 ? -1 : pending_.pins[pin]; }
    // The I2S unit the last validate() was asked to use (config() is the running one's).
    uint32_t pending_i2s() const { return pending_.i2s; }
    int error_other_pin() const { return error_other_pin_; }

  private:
    // Blocks of descriptors a frame may have, and the fewest descriptors a later block holds.
    static constexpr uint32_t kMaxBlocks = 24, kMinBlockDescriptors = 32;
    struct Frame {
        uint16_t *data = nullptr;
        core::Hub75DescBlock blocks[kMaxBlocks] = {};
        uint32_t block_count = 0;
        uint32_t capacity = 0;    // descriptors in the blocks
        uint32_t count = 0;       // descriptors in use
        uint32_t brightness = 0;  // brightness the chain was built for
    };
    bool allocate();
    void release();
    Status make_room(Frame &f);
    void build_chain(Frame &f);
    static core::LlDesc &descriptor(Frame &f, uint32_t i);
    core::Hub75ChainLayout layout(const Frame &f) const;
    uint32_t capacity_for(const Frame &f, uint32_t count) const;
    void light(uint32_t brightness);
    Status no_memory();
    uint32_t dma_for(const core::BcmPlan &lit) const;
    uint32_t dma_held() const;
    uint32_t fixed_dma_bytes() const;
    uint32_t frame_count() const;
    uint32_t frame_data_bytes() const;
    bool allocate_startup();
    void start_hardware();
    void stop_hardware();
    void present_back();
    uint32_t refresh_us() const;
    static void on_interrupt(void *self);

    Config cfg_, pending_;
    core::BcmPlan plan_;  // at full brightness
    core::BcmPlan lit_;   // at the current brightness
    core::Hub75Encoder encoder_;
    Frame frames_[2];
    uint16_t *pad_ = nullptr;
    uint16_t *dither_ = nullptr;        // per row address: the dither slots, dark and lit
    uint16_t *gap_ = nullptr;           // dark words for the gap after each refresh
    core::LlDesc *prologue_ = nullptr;  // followed by its data words
    core::LlDesc *startup_ = nullptr;   // the chips' register writes: two descriptors, words
    uint32_t pad_chunk_ = 0, gap_chunk_ = 0, block_descriptors_ = 0;
    uint32_t dma_needed_ = 0, dma_available_ = 0;
    ll::I2sClock clock_;
    volatile uint8_t front_ = 0;
    volatile bool swap_pending_ = false;
    uint32_t swaps_ = 0;
    bool active_ = false, intr_attached_ = false;
    int8_t error_pin_ = -1, error_other_pin_ = -1;
};

}  // namespace upanel::hub75
