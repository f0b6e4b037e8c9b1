#include "upanel/emu/spi.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "upanel/core/lldesc.h"
#include "upanel/emu/fnv.h"

namespace upanel::emu {

namespace {
constexpr uint32_t kCmd = 0x00, kAddr = 0x04, kCtrl = 0x08, kCtrl1 = 0x0C, kCtrl2 = 0x14;
constexpr uint32_t kClock = 0x18, kUser = 0x1C, kUser1 = 0x20, kUser2 = 0x24;
constexpr uint32_t kMosiDlen = 0x28, kMisoDlen = 0x2C, kPin = 0x34, kSlave = 0x38, kW0 = 0x80;
constexpr uint32_t kDmaConf = 0x100, kDmaOutLink = 0x104, kDmaInLink = 0x108;
constexpr uint32_t kDmaStatus = 0x10C, kDmaIntEna = 0x110, kDmaIntRaw = 0x114;
constexpr uint32_t kDmaIntSt = 0x118, kDmaIntClr = 0x11C;
constexpr uint32_t kDmaOutEofBfrDesAddr = 0x134, kDmaOutEofDesAddr = 0x138;
constexpr uint32_t kDmaOutlinkDscr = 0x13C, kDmaOutlinkDscrBf0 = 0x140, kDmaOutlinkDscrBf1 = 0x144;
constexpr uint32_t kDate = 0x3FC;

constexpr uint32_t kCmdUsr = 1u << 18;
constexpr uint32_t kCtrlRdBitOrder = 1u << 25, kCtrlWrBitOrder = 1u << 26;
constexpr uint32_t kUserDoutdin = 1u << 0;
constexpr uint32_t kUserCsHold = 1u << 4, kUserCsSetup = 1u << 5, kUserMosi = 1u << 27;
constexpr uint32_t kUserMisoHighpart = 1u << 24, kUserMosiHighpart = 1u << 25, kUserMiso = 1u << 28;
constexpr uint32_t kUserDummy = 1u << 29, kUserAddr = 1u << 30, kUserCommand = 1u << 31;
constexpr uint32_t kInLinkStart = 1u << 29;
constexpr uint32_t kSlaveTransDone = 1u << 4, kSlaveTransInten = 1u << 9, kSlaveMode = 1u << 30;
constexpr uint32_t kPinCkIdleEdge = 1u << 29;
constexpr uint32_t kUserCkOutEdge = 1u << 7;
constexpr uint32_t kDmaOutRst = 1u << 3, kDmaOutAutoWrback = 1u << 8;
constexpr uint32_t kClockEquSysclk = 1u << 31;
constexpr Picos kPicosPerApbCycle = 12'500;  // 80 MHz
constexpr size_t kChunk = 4096;

uint8_t reverse_bits(uint8_t b) {
    b = uint8_t((b & 0xF0) >> 4 | (b & 0x0F) << 4);
    b = uint8_t((b & 0xCC) >> 2 | (b & 0x33) << 2);
    return uint8_t((b & 0xAA) >> 1 | (b & 0x55) << 1);
}
}  // namespace

Spi::Spi(int number, Dram &dram, Dport &dport, const Picos &now)
    : number_(number), dram_(dram), dport_(dport), now_(now), link_(dram), scratch_(kChunk) {
    reset();
}

void Spi::reset() {
    cmd_ = addr_ = ctrl2_ = user1_ = mosi_dlen_ = miso_dlen_ = 0;
    ctrl_ = 0x208000;      // fastrd_mode and wp set, as after reset
    clock_ = 0x80003043;   // APB / 4, the reset divider
    user_ = 0x800000C0u;   // usr_command, ck_i_edge, ck_out_edge
    user2_ = 0x70000000u;  // 8-bit command
    pin_ = 0x6;            // cs1 and cs2 disabled
    slave_ = 0x200;
    dma_conf_ = out_link_ = in_link_ = dma_int_ena_ = dma_int_raw_ = 0;
    w_.fill(0);
    active_ = finished_ = pending_start_ = from_dma_ = by_bits_ = false;
    cs_lines_ = 0;
    link_.reset();
    time_ = now_;
}

bool Spi::irq() const { return (slave_ & kSlaveTransDone) && (slave_ & kSlaveTransInten); }

Picos Spi::bit_time() const {
    if (clock_ & kClockEquSysclk) return kPicosPerApbCycle;
    uint32_t pre = (clock_ >> 18) & 0x1FFF, n = (clock_ >> 12) & 0x3F;
    if (n == 0) return 0;  // clkcnt_n = 0 gives no master clock
    return Picos(pre + 1) * (n + 1) * kPicosPerApbCycle;
}

int Spi::clock_mode() const {
    const bool cpol = pin_ & kPinCkIdleEdge, out_edge = user_ & kUserCkOutEdge;
    return (cpol ? 2 : 0) | (cpol != out_edge ? 1 : 0);
}

bool Spi::dma_usable(std::string *why) const {
    if (!dport_.usable(Dport::kBitSpiDma)) {
        if (why) *why = "the SPI DMA clock (DPORT bit 22) is off";
        return false;
    }
    uint32_t sel = dport_.spi_dma_chan_sel();
    uint32_t mine = (sel >> ((number_ - 1) * 2)) & 3u;
    if (mine == 0 || mine == 3) {
        if (why) *why = "no DMA channel is selected for it in DPORT SPI_DMA_CHAN_SEL";
        return false;
    }
    for (int other = 1; other <= 3; other++)
        if (other != number_ && ((sel >> ((other - 1) * 2)) & 3u) == mine) {
            if (why) *why = "its DMA channel is also selected for SPI" + std::to_string(other);
            return false;
        }
    return true;
}

// Hash of the bytes the chain from the link's first descriptor would send, for telling whether the CPU
// changed them while they were on the bus.
uint64_t Spi::hash_chain(uint32_t bytes) const {
    uint64_t h = kFnvSeed;
    uint32_t addr = link_.first();
    for (int guard = 0; bytes && guard < 4096; guard++) {
        if ((addr & 3) || !dram_.contains(addr, 12)) break;
        uint32_t w0 = dram_.read32(addr), buf = dram_.read32(addr + 4);
        uint32_t len = core::lldesc_length(w0);
        if (len > bytes) len = bytes;
        if (len && !dram_.contains(buf, len)) break;
        h = fnv(h, dram_.host(buf), len);
        bytes -= len;
        addr = dram_.read32(addr + 8);
        if (!addr) break;
    }
    return h;
}

void Spi::start() {
    const Picos bit = bit_time();
    finished_ = false;
    if (bit == 0 || (slave_ & kSlaveMode)) {
        cmd_ &= ~kCmdUsr;  // no master clock: nothing happens
        return;
    }
    uint32_t pre_bits = 0;
    const bool command = user_ & kUserCommand, address = user_ & kUserAddr, dummy = user_ & kUserDummy;
    if (command) pre_bits += ((user2_ >> 28) & 0xF) + 1;
    if (address) pre_bits += ((user1_ >> 26) & 0x3F) + 1;
    if (dummy) pre_bits += (user1_ & 0xFF) + 1;
    const uint32_t mosi_bits = (user_ & kUserMosi) ? (mosi_dlen_ & 0xFFFFFF) + 1 : 0;
    const uint32_t miso_bits = (user_ & kUserMiso) ? (miso_dlen_ & 0xFFFFFF) + 1 : 0;
    const bool full_duplex = user_ & kUserDoutdin;
    // Full duplex: one data phase for both directions; half duplex: MOSI, then MISO.
    const uint32_t data_bits = full_duplex ? (mosi_bits ? mosi_bits : miso_bits) : mosi_bits + miso_bits;
    uint32_t setup = (user_ & kUserCsSetup) ? (ctrl2_ & 0xF) + 1 : 0;
    uint32_t hold = (user_ & kUserCsHold) ? ((ctrl2_ >> 4) & 0xF) + 1 : 0;
    time_ = t_start_ = now_;
    t_data0_ = now_ + Picos(setup + pre_bits) * bit;
    t_end_ = t_data0_ + Picos(data_bits + hold) * bit;
    // A stream of whole MOSI bytes goes out as bytes while it runs; anything else is handed
    // on bit by bit once clocked.
    by_bits_ = pre_bits || miso_bits || (mosi_bits % 8);
    pre_bits_ = pre_bits;
    mosi_bits_ = mosi_bits;
    miso_bits_ = full_duplex ? std::min(miso_bits, data_bits) : miso_bits;
    miso_from_ = pre_bits + (full_duplex ? 0 : mosi_bits);
    stream_bits_ = pre_bits + data_bits;
    total_bytes_ = by_bits_ ? (mosi_bits + 7) / 8 : mosi_bits / 8;
    sent_ = 0;
    from_dma_ = link_.running() && total_bytes_ > 0;
    hash_start_ = from_dma_ ? hash_chain(total_bytes_) : 0;
    hash_sent_ = kFnvSeed;
    if (miso_bits && (in_link_ & kInLinkStart))
        pending_fault_ =
            "SPI" + std::to_string(number_) +
            " DMA in link started: received data go to W0..W15 only (DMA reception is not modelled)";
    active_ = true;
    pending_start_ = true;
    stats_.transactions++;
}

bool Spi::load(SpiSink &sink) {
    std::string why = link_.load({true, false});
    if (why.empty()) return true;
    sink.fault("SPI" + std::to_string(number_) + " DMA: " + why);
    dma_int_raw_ |= kDmaIntOutDscrErr;
    return false;
}

void Spi::finish_descriptor() {
    dma_int_raw_ |= kDmaIntOutDone;
    OutLink::Finished f = link_.finish(dma_conf_ & kDmaOutAutoWrback);
    if (f.eof) dma_int_raw_ |= kDmaIntOutEof;
    if (f.chain_end) dma_int_raw_ |= kDmaIntOutTotalEof;
}

// Up to n next data bytes from DMA or W0..W15; fewer when the DMA chain ends or fails.
size_t Spi::pull(uint8_t *out, size_t n, SpiSink &sink) {
    size_t got = 0;
    if (!from_dma_) {
        for (; got < n; got++) {
            // The data buffer is 64 bytes; usr_mosi_highpart starts at W8.
            uint32_t k = ((user_ & kUserMosiHighpart ? 32 : 0) + sent_ + uint32_t(got)) % 64;
            out[got] = uint8_t(w_[k / 4] >> (8 * (k % 4)));
        }
        return got;
    }
    while (got < n && link_.running()) {
        if (!link_.loaded() && !load(sink)) break;
        uint32_t len = link_.length(), pos = link_.consumed;
        uint32_t take = uint32_t(n - got) < len - pos ? uint32_t(n - got) : len - pos;
        std::memcpy(out + got, dram_.host(link_.buf()) + pos, take);
        got += take;
        link_.consumed += take;
        if (link_.consumed == len) finish_descriptor();
    }
    return got;
}

void Spi::finish(SpiSink &sink) {
    for (int line = 0; line < 3; line++)
        if (cs_lines_ >> line & 1u) sink.spi_select(*this, line, false, t_end_);
    cs_lines_ = 0;
    stats_.busy += t_end_ - t_start_;
    time_ = t_end_;
    active_ = false;
    finished_ = true;
    cmd_ &= ~kCmdUsr;
    slave_ |= kSlaveTransDone;
    if (from_dma_) {
        uint64_t end = hash_chain(total_bytes_);
        if (hash_start_ != hash_sent_ || hash_sent_ != end) stats_.written_on_bus++;
    }
}

// The whole stream, clocked: command, address, dummy, MOSI and MISO bits as the phases have
// them, handed on with each bit's time; what came back on MISO is stored in the data buffer.
void Spi::exchange_bits(SpiSink &sink) {
    const bool lsb_first = ctrl_ & kCtrlWrBitOrder;
    std::vector<uint8_t> out((stream_bits_ + 7) / 8, 0), in(out.size(), 0);
    uint32_t pos = 0;
    auto put = [&](bool b) {
        if (b) out[pos / 8] |= uint8_t(0x80u >> (pos % 8));
        pos++;
    };
    if (user_ & kUserCommand) {
        const uint32_t n = ((user2_ >> 28) & 0xF) + 1, v = user2_ & 0xFFFF;
        // MSB first the unit sends bits 7..0, then 15..8; LSB first bits 0..15.
        const uint32_t swapped = (v & 0xFF) << 8 | v >> 8;
        for (uint32_t i = 0; i < n; i++) put(lsb_first ? (v >> i) & 1u : (swapped >> (15 - i)) & 1u);
    }
    if (user_ & kUserAddr) {
        const uint32_t n = ((user1_ >> 26) & 0x3F) + 1;
        for (uint32_t i = 0; i < n; i++) {
            if (i >= 32) put(false);
            else put(lsb_first ? (addr_ >> (8 * (3 - i / 8) + i % 8)) & 1u : (addr_ >> (31 - i)) & 1u);
        }
    }
    if (user_ & kUserDummy) pos += (user1_ & 0xFF) + 1;
    if (mosi_bits_) {
        std::vector<uint8_t> data(total_bytes_);
        size_t got = 0;
        while (got < data.size()) {
            size_t n = pull(data.data() + got, data.size() - got, sink);
            if (!n) break;
            got += n;
            sent_ += uint32_t(n);
        }
        if (from_dma_) hash_sent_ = fnv(hash_sent_, data.data(), got);
        for (uint32_t i = 0; i < mosi_bits_; i++) {
            const uint8_t byte = i / 8 < got ? data[i / 8] : 0;
            put(lsb_first ? (byte >> (i % 8)) & 1u : (byte >> (7 - i % 8)) & 1u);
        }
        stats_.bytes += mosi_bits_ / 8;
    }
    const Picos bit = bit_time();
    sink.spi_bits(*this, out.data(), in.data(), stream_bits_, t_data0_ - Picos(pre_bits_) * bit, bit);
    if (miso_bits_) store_miso(in, miso_from_, miso_bits_);
    time_ = t_end_;
}

// MISO bits from stream bit `from` into the data buffer: W0 (W8 with usr_miso_highpart) up,
// lowest byte first, each byte from bit 7 down (bit 0 up with rd_bit_order).
void Spi::store_miso(const std::vector<uint8_t> &in, uint32_t from, uint32_t bits) {
    const bool lsb_first = ctrl_ & kCtrlRdBitOrder;
    const uint32_t base = (user_ & kUserMisoHighpart) ? 32 : 0;
    for (uint32_t k = 0; k < bits; k++) {
        const uint32_t s = from + k;
        const bool b = (in[s / 8] >> (7 - s % 8)) & 1u;
        const uint32_t byte = (base + k / 8) % 64;
        const uint32_t bit = 8 * (byte % 4) + (lsb_first ? k % 8 : 7 - k % 8);
        uint32_t &w = w_[byte / 4];
        w = b ? w | (1u << bit) : w & ~(1u << bit);
    }
}

Picos Spi::run(Picos until, SpiSink &sink) {
    finished_ = false;
    if (!pending_fault_.empty()) {
        sink.fault(pending_fault_);
        pending_fault_.clear();
    }
    if (!active_ || !dport_.usable(dport_bit())) {
        if (time_ < until) time_ = until;
        return time_;
    }
    const Picos byte_time = 8 * bit_time();
    if (pending_start_) {
        pending_start_ = false;
        cs_lines_ = uint8_t(~pin_ & 7u);  // cs0_dis, cs1_dis, cs2_dis
        for (int line = 0; line < 3; line++)
            if (cs_lines_ >> line & 1u) sink.spi_select(*this, line, true, time_);
    }
    if (by_bits_) {
        if (until < t_end_) {
            if (time_ < until) time_ = until;
            return time_;
        }
        exchange_bits(sink);
        finish(sink);
        return time_;
    }
    while (active_) {
        if (sent_ < total_bytes_) {
            if (until < t_data0_ + byte_time) break;
            uint64_t due = (until - t_data0_) / byte_time;  // bytes complete by `until`
            if (due > total_bytes_) due = total_bytes_;
            if (due <= sent_) break;
            size_t n = size_t(due - sent_) < kChunk ? size_t(due - sent_) : kChunk;
            size_t got = pull(scratch_.data(), n, sink);
            if (got) {
                if (ctrl_ & kCtrlWrBitOrder)
                    for (size_t i = 0; i < got; i++) scratch_[i] = reverse_bits(scratch_[i]);
                if (from_dma_) hash_sent_ = fnv(hash_sent_, scratch_.data(), got);
                sink.spi_bytes(*this, scratch_.data(), got, t_data0_ + Picos(sent_) * byte_time, byte_time);
                sent_ += uint32_t(got);
                stats_.bytes += got;
            }
            if (got < n) {
                // The chain ran out: the unit stops the data phase where its data ended.
                if (link_.running() || !from_dma_) continue;
                sink.fault("SPI" + std::to_string(number_) + " DMA: chain ended after " +
                           std::to_string(sent_) + " of " + std::to_string(total_bytes_) +
                           " bytes of the transaction");
                t_end_ = t_data0_ + Picos(sent_) * byte_time;
                total_bytes_ = sent_;
            }
            time_ = t_data0_ + Picos(sent_) * byte_time;
            continue;
        }
        if (until < t_end_) break;
        finish(sink);
        return time_;
    }
    if (time_ < until) time_ = until;
    return time_;
}

uint32_t Spi::read(uint32_t offset) {
    if (offset >= kW0 && offset < kW0 + 64) return w_[(offset - kW0) / 4];
    switch (offset) {
        case kCmd:
            return cmd_;
        case kAddr:
            return addr_;
        case kCtrl:
            return ctrl_;
        case kCtrl2:
            return ctrl2_;
        case kClock:
            return clock_;
        case kUser:
            return user_;
        case kUser1:
            return user1_;
        case kUser2:
            return user2_;
        case kMosiDlen:
            return mosi_dlen_;
        case kMisoDlen:
            return miso_dlen_;
        case kPin:
            return pin_;
        case kSlave:
            return slave_;
        case kDmaConf:
            return dma_conf_;
        case kDmaOutLink:
            return out_link_ & OutLink::kAddrMask;
        case kDmaInLink:
            return in_link_ & OutLink::kAddrMask;  // laid out as OUT_LINK
        case kDmaStatus:
            return link_.running() ? 2u : 0u;
        case kDmaIntEna:
            return dma_int_ena_;
        case kDmaIntRaw:
            return dma_int_raw_;
        case kDmaIntSt:
            return dma_int_raw_ & dma_int_ena_;
        case kDmaOutEofBfrDesAddr:
            return link_.eof_buf();
        case kDmaOutEofDesAddr:
            return link_.eof_desc();
        case kDmaOutlinkDscr:
            return link_.running() ? link_.desc() : 0;
        case kDmaOutlinkDscrBf0:
            return link_.running() ? link_.next() : 0;
        case kDmaOutlinkDscrBf1:
            return link_.running() ? link_.buf() : 0;
        case kDate:
            return 0x1604270;
        default:
            return 0;
    }
}

void Spi::write(uint32_t offset, uint32_t value) {
    if (offset >= kW0 && offset < kW0 + 64) {
        w_[(offset - kW0) / 4] = value;
        return;
    }
    // The DMA registers belong to the DMA engine, which runs on the SPI_DMA clock.
    if (offset >= kDmaConf && offset < 0x200 && !dport_.usable(Dport::kBitSpiDma)) return;
    switch (offset) {
        case kCmd:
            if ((value & kCmdUsr) && !active_) {
                cmd_ = value;
                start();
            }
            break;
        case kAddr:
            addr_ = value;
            break;
        case kCtrl:
            ctrl_ = value;
            break;
        case kCtrl1:
            break;
        case kCtrl2:
            ctrl2_ = value;
            break;
        case kClock:
            clock_ = value;
            break;
        case kUser:
            user_ = value;
            break;
        case kUser1:
            user1_ = value;
            break;
        case kUser2:
            user2_ = value;
            break;
        case kMosiDlen:
            mosi_dlen_ = value & 0xFFFFFF;
            break;
        case kMisoDlen:
            miso_dlen_ = value & 0xFFFFFF;
            break;
        case kPin:
            pin_ = value;
            break;
        case kSlave:
            slave_ = value;
            break;
        case kDmaConf:
            dma_conf_ = value;
            if (value & kDmaOutRst) link_.stop();
            break;
        case kDmaOutLink:
            out_link_ = value;
            if (OutLink::command(value) == OutLink::Command::kStop) {
                link_.stop();
            } else if (OutLink::command(value) == OutLink::Command::kStart) {
                std::string why;
                if (!dma_usable(&why)) {
                    pending_fault_ = "SPI" + std::to_string(number_) + " out link started but " + why;
                    break;
                }
                link_.start(value);
            }
            break;
        case kDmaInLink:
            in_link_ = value;
            break;
        case kDmaIntEna:
            dma_int_ena_ = value & 0x1FF;
            break;
        case kDmaIntClr:
            dma_int_raw_ &= ~value;
            break;
        default:
            break;
    }
}

}  // namespace upanel::emu
