#include "upanel/emu/i2s.h"

#include <cstdio>
#include <cstring>

namespace upanel::emu {

namespace {
constexpr uint32_t kConf = 0x08, kIntRaw = 0x0C, kIntSt = 0x10, kIntEna = 0x14, kIntClr = 0x18;
constexpr uint32_t kTiming = 0x1C, kFifoConf = 0x20, kConfChan = 0x2C, kOutLink = 0x30;
constexpr uint32_t kOutEofDesAddr = 0x38, kOutEofBfrDesAddr = 0x40;
constexpr uint32_t kOutlinkDscr = 0x54, kOutlinkDscrBf0 = 0x58, kOutlinkDscrBf1 = 0x5C;
constexpr uint32_t kLcConf = 0x60, kConf1 = 0xA0, kConf2 = 0xA8, kClkmConf = 0xAC;
constexpr uint32_t kSampleRateConf = 0xB0, kState = 0xBC;

constexpr uint32_t kConfTxReset = 1u << 0, kConfTxFifoReset = 1u << 2, kConfTxStart = 1u << 4;
constexpr uint32_t kLcOutRst = 1u << 1, kLcOutAutoWrback = 1u << 6, kLcCheckOwner = 1u << 12;
constexpr uint32_t kConf2LcdEn = 1u << 5;
constexpr uint32_t kFifoForceEn = 1u << 19;
constexpr uint32_t kClkEn = 1u << 20, kClkaEna = 1u << 21;
constexpr Picos kPicosPerPllD2Cycle = 6250;  // 160 MHz
constexpr uint32_t kChunk = 4096;

}  // namespace

I2s::I2s(int index, Dram &dram, Dport &dport, const Picos &now)
    : index_(index), dram_(dram), dport_(dport), now_(now), link_(dram), scratch_(kChunk) {
    reset();
}

void I2s::reset() {
    conf_ = 0x00030300;
    int_raw_ = int_ena_ = 0;
    fifo_conf_ = 0x00001820;
    conf_chan_ = 0;
    out_link_ = 0;
    lc_conf_ = 0x100;
    conf1_ = 0x89;
    conf2_ = 0;
    clkm_conf_ = 4;
    sample_rate_conf_ = 0x00410186;
    timing_ = 0;
    tx_running_ = false;
    link_.reset();
}

int I2s::sample_bits() const {
    if (!(conf2_ & kConf2LcdEn) || !(fifo_conf_ & kFifoForceEn)) return 0;
    uint32_t bits = (sample_rate_conf_ >> 12) & 0x3F;
    uint32_t fifo_mod = (fifo_conf_ >> 13) & 7;
    if (fifo_mod > 1) return 0;  // 32-bit FIFO modes are not modelled
    return bits == 16 || bits == 8 ? int(bits) : 0;
}

uint16_t I2s::data_signal(int bit) const {
    uint16_t first = index_ == 0 ? 140 : 166;  // I2SnO_DATA_OUT0
    // The 16-bit bus sits on OUT8..OUT23; I2S1's 8-bit bus on OUT0..OUT7, I2S0's on OUT8..
    bool low = sample_bits() == 8 && index_ == 1;
    return uint16_t(first + (low ? 0 : 8) + bit);
}

Picos I2s::sample_period() const {
    if (!(clkm_conf_ & kClkEn) || (clkm_conf_ & kClkaEna)) return 0;
    uint32_t n = clkm_conf_ & 0xFF, b = (clkm_conf_ >> 8) & 0x3F, a = (clkm_conf_ >> 14) & 0x3F;
    uint32_t m = sample_rate_conf_ & 0x3F;
    if (n < 2 || m < 2) return 0;
    // (N + b/a) * M * 2 cycles of PLL_D2 per sample, kept exact in picoseconds.
    uint64_t num = uint64_t(n) * (a ? a : 1) + (a ? b : 0);
    return Picos(num * m * 2 * kPicosPerPllD2Cycle / (a ? a : 1));
}

bool I2s::load(I2sSink &sink) {
    std::string why = link_.load({(lc_conf_ & kLcCheckOwner) != 0, true});
    if (!why.empty()) {
        sink.fault(std::string("I2S") + char('0' + index_) + " DMA: " + why);
        int_raw_ |= kIntOutDscrErr;
        return false;
    }
    if (link_.length()) sink.buffer_read(*this, link_.buf(), link_.length());
    return true;
}

void I2s::finish_descriptor() {
    int_raw_ |= kIntOutDone;
    OutLink::Finished f = link_.finish(lc_conf_ & kLcOutAutoWrback);
    if (f.eof) int_raw_ |= kIntOutEof;
    if (f.chain_end) int_raw_ |= kIntOutTotalEof;
}

Picos I2s::run(Picos until, I2sSink &sink) {
    Picos dt = sample_period();
    int bits = sample_bits();
    if (!dport_.usable(dport_bit()) || !transmitting() || dt == 0) {
        if (time_ < until) time_ = until;
        return time_;
    }
    while (time_ < until && link_.running()) {
        if (!link_.loaded() && !load(sink)) break;
        // 16 bits a sample in both modes: in 8-bit mode the low byte of each half-word.
        uint32_t left = (link_.length() - link_.consumed) / 2;
        uint64_t fit = (until - time_ + dt - 1) / dt;
        uint32_t n = uint32_t(left < fit ? left : fit);
        if (n > kChunk) n = kChunk;
        const uint8_t *buf = dram_.host(link_.buf());
        const uint32_t first = link_.consumed / 2;
        for (uint32_t i = 0; i < n; i++) {
            // Each 32-bit word leaves upper half first: sample k is half-word k ^ 1.
            const uint8_t *h = buf + 2 * ((first + i) ^ 1u);
            uint16_t half = uint16_t(h[0] | (h[1] << 8));
            scratch_[i] = bits == 8 ? uint16_t(half & 0xFF) : half;
        }
        if (n) sink.samples(*this, scratch_.data(), n, time_, dt);
        time_ += Picos(n) * dt;
        link_.consumed += 2 * n;
        if (link_.consumed == link_.length()) {
            finish_descriptor();
            if (irq()) break;
        }
    }
    if (!link_.running() && time_ < until) time_ = until;
    return time_;
}

uint32_t I2s::read(uint32_t offset) {
    switch (offset) {
        case kConf:
            return conf_;
        case kIntRaw:
            return int_raw_;
        case kIntSt:
            return int_raw_ & int_ena_;
        case kIntEna:
            return int_ena_;
        case kTiming:
            return timing_;
        case kFifoConf:
            return fifo_conf_;
        case kConfChan:
            return conf_chan_;
        case kOutLink:
            return out_link_ & OutLink::kAddrMask;
        case kOutEofDesAddr:
            return link_.eof_desc();
        case kOutEofBfrDesAddr:
            return link_.eof_buf();
        case kOutlinkDscr:
            return link_.running() ? link_.desc() : 0;
        case kOutlinkDscrBf0:
            return link_.running() ? link_.next() : 0;
        case kOutlinkDscrBf1:
            return link_.running() ? link_.buf() : 0;
        case kLcConf:
            return lc_conf_;
        case kConf1:
            return conf1_;
        case kConf2:
            return conf2_;
        case kClkmConf:
            return clkm_conf_;
        case kSampleRateConf:
            return sample_rate_conf_;
        case kState:
            return transmitting() ? 0 : 1;
        default:
            return 0;
    }
}

void I2s::write(uint32_t offset, uint32_t value) {
    switch (offset) {
        case kConf: {
            bool was = tx_running_;
            conf_ = value;
            if (value & (kConfTxReset | kConfTxFifoReset)) tx_running_ = false;
            else tx_running_ = value & kConfTxStart;
            if (tx_running_ && !was) time_ = now_;
            break;
        }
        case kIntEna:
            int_ena_ = value & 0x1FFFF;
            break;
        case kIntClr:
            int_raw_ &= ~value;
            break;
        case kTiming:
            timing_ = value;
            break;
        case kFifoConf:
            fifo_conf_ = value;
            break;
        case kConfChan:
            conf_chan_ = value;
            break;
        case kOutLink:
            out_link_ = value;
            if (OutLink::command(value) == OutLink::Command::kStop) {
                link_.stop();
            } else if (OutLink::command(value) == OutLink::Command::kStart) {
                link_.start(value);
                if (tx_running_) time_ = now_;
            }
            break;
        case kLcConf:
            lc_conf_ = value;
            if (value & kLcOutRst) link_.stop();
            break;
        case kConf1:
            conf1_ = value;
            break;
        case kConf2:
            conf2_ = value;
            break;
        case kClkmConf:
            clkm_conf_ = value;
            break;
        case kSampleRateConf:
            sample_rate_conf_ = value;
            break;
        default:
            break;
    }
}

}  // namespace upanel::emu
