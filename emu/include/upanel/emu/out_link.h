// The out-link half of the ESP32's peripheral DMA, as I2S and SPI both have it: walks lldesc_t
// chains in DMA-capable RAM, reading each descriptor (header, buf, next) when it starts it,
// and tells its peripheral what happened so that it can set its own interrupt bits.
#pragma once
#include <cstdint>
#include <string>

#include "upanel/emu/dram.h"

namespace upanel::emu {

class OutLink {
  public:
    struct Rules {
        bool check_owner;  // refuse descriptors whose owner bit says CPU
        bool whole_words;  // lengths must be multiples of 4 bytes
    };
    struct Finished {
        bool eof;        // the descriptor had eof set
        bool chain_end;  // next was 0: the engine stopped
    };

    explicit OutLink(Dram &dram) : dram_(dram) {}

    // The OUT_LINK register, the same in I2S and SPI: bits 19..0 the first descriptor's
    // address (DMA RAM lies in 0x3FFxxxxx), bit 28 STOP, 29 START, 30 RESTART.
    static constexpr uint32_t kAddrMask = 0xFFFFF;
    enum class Command { kNone, kStop, kStart };
    // What a write of `value` to OUT_LINK asks of the engine (STOP wins).
    static constexpr Command command(uint32_t value) {
        if (value & (1u << 28)) return Command::kStop;
        if (value & (3u << 29)) return Command::kStart;
        return Command::kNone;
    }

    // Starts at the descriptor OUT_LINK's address field (link_field) names.
    void start(uint32_t link_field);
    void stop() { running_ = loaded_ = false; }
    // Peripheral reset: as after power-up.
    void reset() {
        stop();
        first_ = desc_ = w0_ = buf_ = next_ = eof_desc_ = eof_buf_ = consumed = 0;
    }
    bool running() const { return running_; }
    bool loaded() const { return loaded_; }

    // Loads the descriptor the engine is at. On a broken rule it stops and returns why.
    std::string load(const Rules &rules);
    // The loaded descriptor: its buffer, valid bytes, and how many of them were consumed.
    uint32_t desc() const { return desc_; }
    uint32_t buf() const { return buf_; }
    uint32_t next() const { return next_; }
    uint32_t length() const;
    uint32_t consumed = 0;
    // Ends the loaded descriptor (owner handed back with auto write-back) and moves on.
    Finished finish(bool auto_writeback);

    uint32_t first() const { return first_; }        // where the last start() pointed
    uint32_t eof_desc() const { return eof_desc_; }  // OUT_EOF_DES_ADDR
    uint32_t eof_buf() const { return eof_buf_; }    // OUT_EOF_BFR_DES_ADDR

  private:
    Dram &dram_;
    bool running_ = false, loaded_ = false;
    uint32_t first_ = 0, desc_ = 0, w0_ = 0, buf_ = 0, next_ = 0;
    uint32_t eof_desc_ = 0, eof_buf_ = 0;
};

}  // namespace upanel::emu
