// SPI2 (HSPI) and SPI3 (VSPI) master register operations: transfers from the W0..W15 data
// buffer or by DMA from lldesc chains, a command phase, and reception into the data buffer
// (MISO, half or full duplex); one function per register operation, taking the SPI number
// (2 or 3). Offsets and bits: ESP32 TRM ch. 7, ESP-IDF spi_struct.h.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/dport_ll.h"

namespace upanel::ll {

constexpr uint32_t kSpiDataBufBytes = 64;           // W0..W15: a transfer without DMA
constexpr uint32_t kSpiMaxTransferBits = 1u << 24;  // MOSI_DLEN is 24 bits of "bits - 1"
constexpr uint32_t kSpiMaxCommandBits = 16;         // USER2's command phase
constexpr uint32_t kSpiClockRegApb = 1u << 31;      // CLOCK: clk_equ_sysclk, the APB clock undivided

// The raw registers: for this layer's operations (and register-level tests) only.
namespace detail::spi_reg {
constexpr uint32_t kCmd = 0x00, kAddr = 0x04, kCtrl = 0x08, kCtrl2 = 0x14, kClock = 0x18, kUser = 0x1C;
constexpr uint32_t kUser1 = 0x20, kUser2 = 0x24, kMosiDlen = 0x28, kMisoDlen = 0x2C;
constexpr uint32_t kPin = 0x34, kSlave = 0x38, kW0 = 0x80;
constexpr uint32_t kDmaConf = 0x100, kDmaOutLink = 0x104, kDmaInLink = 0x108;
constexpr uint32_t kDmaIntEna = 0x110, kDmaIntRaw = 0x114, kDmaIntSt = 0x118, kDmaIntClr = 0x11C;

constexpr uint32_t kCmdUsr = 1u << 18;
constexpr uint32_t kUserCsHold = 1u << 4, kUserCsSetup = 1u << 5, kUserMosi = 1u << 27;
constexpr uint32_t kUserDoutdin = 1u << 0;  // full duplex
constexpr uint32_t kUserMiso = 1u << 28, kUserCommand = 1u << 31;
constexpr uint32_t kUser2CommandBitlenShift = 28;  // 4 bits of "bits - 1"
constexpr uint32_t kSlaveTransDone = 1u << 4, kSlaveTransInten = 1u << 9;
constexpr uint32_t kPinCkIdleEdge = 1u << 29;
constexpr uint32_t kDmaInRst = 1u << 2, kDmaOutRst = 1u << 3, kDmaAhbmFifoRst = 1u << 4;
constexpr uint32_t kDmaAhbmRst = 1u << 5;
constexpr uint32_t kOutLinkStop = 1u << 28, kOutLinkStart = 1u << 29;
constexpr uint32_t kCtrlWrBitOrder = 1u << 26;  // LSB first on MOSI
constexpr uint32_t kCtrlRdBitOrder = 1u << 25;  // LSB first on MISO
constexpr uint32_t kUserCkOutEdge = 1u << 7;
constexpr uint32_t kPinCsDisShift = 0, kPinCsPolShift = 6;  // one bit per CS line, 3 lines
}  // namespace detail::spi_reg

constexpr uint32_t kDportSpiDmaChanSel = kDportBase + 0x5A8;
constexpr uint32_t kSpiApbHz = 80'000'000;

// Per SPI number 2 (HSPI) and 3 (VSPI); bases, interrupt sources and DPORT bits in soc.h.
// GPIO matrix output signals: clock, MOSI (SPID) and CS0.
inline uint16_t spi_sig_clk(int spi) { return spi == 2 ? 8 : 63; }
inline uint16_t spi_sig_mosi(int spi) { return spi == 2 ? 10 : 65; }
inline uint16_t spi_sig_cs0(int spi) { return spi == 2 ? 11 : 68; }
// GPIO matrix input signal of MISO (SPIQ): HSPIQ_in 9, VSPIQ_in 64.
inline uint16_t spi_sig_miso(int spi) { return spi == 2 ? 9 : 64; }
// Quad-mode data lines, in and out signals alike: HSPIHD 12, HSPIWP 13; VSPIHD 66, VSPIWP 67.
inline uint16_t spi_sig_hd(int spi) { return spi == 2 ? 12 : 66; }
inline uint16_t spi_sig_wp(int spi) { return spi == 2 ? 13 : 67; }
// The pads IO_MUX function 1 gives the unit (its native pins): MOSI, MISO, CLK, CS0, WP, HD.
struct SpiNativePins {
    int mosi, miso, clk, cs0, wp, hd;
};
inline SpiNativePins spi_native_pins(int spi) {
    return spi == 2 ? SpiNativePins{13, 12, 14, 15, 2, 4} : SpiNativePins{23, 19, 18, 5, 22, 21};
}
constexpr uint32_t kIoMuxFuncSpi = 1;
// CS line 0..2: HSPICS0 11, HSPICS1 61, HSPICS2 62; VSPICS0..2 68..70.
inline uint16_t spi_sig_cs(int spi, int line) {
    return spi == 2 ? uint16_t(line == 0 ? 11 : 60 + line) : uint16_t(68 + line);
}

// CLOCK register fields: a clock of APB / (pre * n), high for h and low after l of the n
// (all counted from 1), or the APB clock itself.
constexpr uint32_t spi_ll_clock_fields(uint32_t pre, uint32_t n, uint32_t h, uint32_t l) {
    return ((pre - 1) << 18) | ((n - 1) << 12) | ((h - 1) << 6) | (l - 1);
}

inline void spi_ll_write(int spi, uint32_t offset, uint32_t v) { reg_write(spi_base(spi) + offset, v); }
inline uint32_t spi_ll_read(int spi, uint32_t offset) { return reg_read(spi_base(spi) + offset); }

// CLOCK register value for the fastest clock not above hz: 80 MHz / ((pre + 1) * (n + 1)),
// with the high phase half of the period (clkcnt_h), as the TRM asks of a master.
constexpr uint32_t spi_ll_clock_reg(uint32_t hz) {
    if (hz >= kSpiApbHz) return kSpiClockRegApb;
    uint32_t div = (kSpiApbHz + hz - 1) / hz;  // at least 2
    uint32_t pre = (div + 63) / 64;            // clkcnt_n has 6 bits
    uint32_t n = (div + pre - 1) / pre;
    if (pre > 8192) pre = 8192, n = 64;
    uint32_t cnt_n = n - 1, cnt_h = (n + 1) / 2 - 1;
    return ((pre - 1) << 18) | (cnt_n << 12) | (cnt_h << 6) | cnt_n;
}

// The clock: a CLOCK register value (spi_ll_clock_reg, spi_ll_clock_fields).
inline void spi_ll_set_clock(int spi, uint32_t clock_reg) {
    spi_ll_write(spi, detail::spi_reg::kClock, clock_reg);
}

// Master, mode 0 (clock idles low, data sampled on the rising edge), MSB first, CS0 active
// low and held one clock before and after the data; no command, address or dummy phase.
inline void spi_ll_master_init(int spi, uint32_t clock_reg) {
    using namespace detail::spi_reg;
    spi_ll_write(spi, kSlave, 0);
    spi_ll_write(spi, kPin, 0);
    spi_ll_write(spi, kCtrl, 0);
    spi_ll_write(spi, kCtrl2, 0);
    spi_ll_write(spi, kClock, clock_reg);
    spi_ll_write(spi, kUser, kUserCsSetup | kUserCsHold | kUserMosi);
    spi_ll_write(spi, kUser1, 0);
    spi_ll_write(spi, kUser2, 0);
    spi_ll_write(spi, kMisoDlen, 0);
    spi_ll_write(spi, kDmaIntEna, 0);
    spi_ll_write(spi, kDmaIntClr, 0x1FF);
}

// Connects DMA channel 1 or 2 (0 = none) to the SPI in DPORT's SPI_DMA_CHAN_SEL.
inline void spi_ll_select_dma(int spi, uint32_t chan) {
    const uint32_t shift = uint32_t(spi - 1) * 2;
    uint32_t v = dport_read(kDportSpiDmaChanSel) & ~(3u << shift);
    reg_write(kDportSpiDmaChanSel, v | (chan << shift));
}
inline uint32_t spi_ll_selected_dma(int spi) {
    return (dport_read(kDportSpiDmaChanSel) >> (uint32_t(spi - 1) * 2)) & 3u;
}

// The SPI DMA channel (1 or 2) for unit spi: `asked`, or with kSpiDmaAnyChannel the first one
// no other SPI unit has selected in DPORT nor `claimed` has (bit n: channel n, taken by
// software's books); 0 when it is taken (or none is free).
constexpr uint32_t kSpiDmaAnyChannel = 3;
inline uint32_t spi_ll_pick_dma_channel(int spi, uint32_t asked, uint32_t claimed = 0) {
    uint32_t taken = claimed;
    for (int other = 1; other <= 3; other++)
        if (other != spi) taken |= 1u << spi_ll_selected_dma(other);
    if (asked == kSpiDmaAnyChannel) return !(taken & 2u) ? 1 : !(taken & 4u) ? 2 : 0;
    return (taken >> asked) & 1u ? 0 : asked;
}

inline void spi_ll_dma_reset(int spi) {
    using namespace detail::spi_reg;
    const uint32_t rst = kDmaInRst | kDmaOutRst | kDmaAhbmFifoRst | kDmaAhbmRst;
    spi_ll_write(spi, kDmaConf, rst);
    spi_ll_write(spi, kDmaConf, 0);
}

inline bool spi_ll_busy(int spi) {
    return spi_ll_read(spi, detail::spi_reg::kCmd) & detail::spi_reg::kCmdUsr;
}

// Up to 64 bytes into the data buffer (W0's lowest byte first), without starting.
inline void spi_ll_write_buffer(int spi, const uint8_t *data, uint32_t n) {
    using namespace detail::spi_reg;
    for (uint32_t w = 0; w < (n + 3) / 4; w++) {
        uint32_t v = 0;
        for (uint32_t b = 0; b < 4 && w * 4 + b < n; b++) v |= uint32_t(data[w * 4 + b]) << (8 * b);
        spi_ll_write(spi, kW0 + 4 * w, v);
    }
}

// Up to 64 bytes from the data buffer; W0's lowest byte leaves first.
inline void spi_ll_start_bytes(int spi, const uint8_t *data, uint32_t n) {
    using namespace detail::spi_reg;
    spi_ll_write_buffer(spi, data, n);
    spi_ll_write(spi, kMosiDlen, n * 8 - 1);
    spi_ll_write(spi, kCmd, kCmdUsr);
}

// `bytes` from the descriptor chain at first_desc (a chip address in DMA-capable RAM).
inline void spi_ll_start_dma(int spi, uint32_t first_desc, uint32_t bytes) {
    using namespace detail::spi_reg;
    spi_ll_dma_reset(spi);
    spi_ll_write(spi, kDmaOutLink, (first_desc & 0xFFFFF) | kOutLinkStart);
    spi_ll_write(spi, kMosiDlen, bytes * 8 - 1);
    spi_ll_write(spi, kCmd, kCmdUsr);
}

inline void spi_ll_stop(int spi) {
    spi_ll_write(spi, detail::spi_reg::kDmaOutLink, detail::spi_reg::kOutLinkStop);
    spi_ll_dma_reset(spi);
}

// The transfer-done interrupt (SLAVE.trans_done, enabled by trans_inten).
inline void spi_ll_enable_trans_intr(int spi, bool on) {
    spi_ll_write(spi, detail::spi_reg::kSlave, on ? detail::spi_reg::kSlaveTransInten : 0);
}
// Sets or clears trans_inten only; trans_done keeps its state.
inline void spi_ll_set_trans_intr_enabled(int spi, bool on) {
    using namespace detail::spi_reg;
    const uint32_t v = spi_ll_read(spi, kSlave) & ~kSlaveTransInten;
    spi_ll_write(spi, kSlave, on ? v | kSlaveTransInten : v);
}
// Sets trans_done by software: with trans_inten set the interrupt is then raised at once,
// which is how a queue gets its first transfer started from the interrupt handler.
inline void spi_ll_raise_trans_done(int spi) {
    spi_ll_write(spi, detail::spi_reg::kSlave,
                 spi_ll_read(spi, detail::spi_reg::kSlave) | detail::spi_reg::kSlaveTransDone);
}
inline bool spi_ll_trans_done(int spi) {
    return spi_ll_read(spi, detail::spi_reg::kSlave) & detail::spi_reg::kSlaveTransDone;
}
inline void spi_ll_clear_trans_done(int spi) {
    spi_ll_write(spi, detail::spi_reg::kSlave,
                 spi_ll_read(spi, detail::spi_reg::kSlave) & ~detail::spi_reg::kSlaveTransDone);
}

// SPI mode 0..3. CPOL is the clock's idle level (PIN.ck_idle_edge); the ESP32 master then
// needs USER.ck_out_edge set in modes 1 and 2 for the data to change on the right edge.
inline void spi_ll_set_mode(int spi, uint32_t mode) {
    using namespace detail::spi_reg;
    const bool cpol = mode & 2, cpha = mode & 1;
    const uint32_t pin = spi_ll_read(spi, kPin) & ~kPinCkIdleEdge;
    spi_ll_write(spi, kPin, cpol ? pin | kPinCkIdleEdge : pin);
    const uint32_t user = spi_ll_read(spi, kUser) & ~kUserCkOutEdge;
    spi_ll_write(spi, kUser, cpol != cpha ? user | kUserCkOutEdge : user);
}

// The CS line (0..2, or -1 for none) the next transfers assert, active low or high; the
// other lines stay disabled.
inline void spi_ll_select_cs(int spi, int line, bool active_high) {
    using namespace detail::spi_reg;
    uint32_t pin = spi_ll_read(spi, kPin) & ~((7u << kPinCsDisShift) | (7u << kPinCsPolShift));
    for (int i = 0; i < 3; i++)
        if (i != line) pin |= 1u << (kPinCsDisShift + uint32_t(i));
    if (line >= 0 && active_high) pin |= 1u << (kPinCsPolShift + uint32_t(line));
    spi_ll_write(spi, kPin, pin);
}

inline void spi_ll_set_lsb_first(int spi, bool lsb_first) {
    using namespace detail::spi_reg;
    const uint32_t v = spi_ll_read(spi, kCtrl) & ~kCtrlWrBitOrder;
    spi_ll_write(spi, kCtrl, lsb_first ? v | kCtrlWrBitOrder : v);
}

// Bits received LSB first (CTRL.rd_bit_order) or MSB first.
inline void spi_ll_set_rx_lsb_first(int spi, bool lsb_first) {
    using namespace detail::spi_reg;
    const uint32_t v = spi_ll_read(spi, kCtrl) & ~kCtrlRdBitOrder;
    spi_ll_write(spi, kCtrl, lsb_first ? v | kCtrlRdBitOrder : v);
}

// USER2.usr_command_value for `bits` (1..16) of cmd: the unit sends the value's bits 7..0,
// then 15..8, so MSB first the command is aligned to the top and its bytes swapped; LSB first
// it goes from bit 0 up as it is.
constexpr uint32_t spi_ll_command_value(uint32_t cmd, uint32_t bits, bool lsb_first) {
    if (lsb_first) return cmd & 0xFFFF;
    const uint32_t top = (cmd << (16 - bits)) & 0xFFFF;
    return (top >> 8) | ((top & 0xFF) << 8);
}

// The command phase: `bits` (0: none, else 1..16) of cmd before the data.
inline void spi_ll_set_command(int spi, uint32_t cmd, uint32_t bits, bool lsb_first) {
    using namespace detail::spi_reg;
    const uint32_t user = spi_ll_read(spi, kUser) & ~kUserCommand;
    if (!bits) {
        spi_ll_write(spi, kUser, user);
        return;
    }
    spi_ll_write(spi, kUser2,
                 ((bits - 1) << kUser2CommandBitlenShift) | spi_ll_command_value(cmd, bits, lsb_first));
    spi_ll_write(spi, kUser, user | kUserCommand);
}

// The data phases: mosi_bits out (0: no MOSI phase), miso_bits in (0: no MISO phase), one
// after the other (half duplex) or at once (full duplex: the MOSI length governs).
inline void spi_ll_set_data_phases(int spi, uint32_t mosi_bits, uint32_t miso_bits, bool full_duplex) {
    using namespace detail::spi_reg;
    uint32_t user = spi_ll_read(spi, kUser) & ~(kUserMosi | kUserMiso | kUserDoutdin);
    if (mosi_bits) user |= kUserMosi, spi_ll_write(spi, kMosiDlen, mosi_bits - 1);
    if (miso_bits) user |= kUserMiso, spi_ll_write(spi, kMisoDlen, miso_bits - 1);
    if (full_duplex) user |= kUserDoutdin;
    spi_ll_write(spi, kUser, user);
}

// Up to 64 received bytes from the data buffer.
inline void spi_ll_read_buffer(int spi, uint8_t *out, uint32_t n) {
    using namespace detail::spi_reg;
    for (uint32_t w = 0; w < (n + 3) / 4; w++) {
        const uint32_t v = spi_ll_read(spi, kW0 + 4 * w);
        for (uint32_t b = 0; b < 4 && w * 4 + b < n; b++) out[w * 4 + b] = uint8_t(v >> (8 * b));
    }
}

// Starts the transaction the registers describe.
inline void spi_ll_user_start(int spi) { spi_ll_write(spi, detail::spi_reg::kCmd, detail::spi_reg::kCmdUsr); }

// The out link from the descriptor chain at first_desc (a chip address), without starting.
inline void spi_ll_load_dma(int spi, uint32_t first_desc) {
    using namespace detail::spi_reg;
    spi_ll_dma_reset(spi);
    spi_ll_write(spi, kDmaOutLink, (first_desc & 0xFFFFF) | kOutLinkStart);
}

}  // namespace upanel::ll
