// I2S register operations for LCD (parallel) transmit mode with out-link DMA, one per
// register operation, taking the unit number (0 or 1). Offsets and bits: ESP32 TRM ch. 12.
#pragma once
#include <stdint.h>

#include "upanel/ll/bus.h"
#include "upanel/ll/soc.h"

namespace upanel::ll {

// Interrupt bits (INT_RAW, INT_ST, INT_ENA, INT_CLR). OUT_EOF: the DMA has sent a descriptor
// whose eof bit is set.
constexpr uint32_t kI2sIntOutEof = 1u << 12;

// The raw registers: for this layer's operations (and register-level tests) only.
namespace detail::i2s_reg {
constexpr uint32_t kConf = 0x08, kIntRaw = 0x0C, kIntSt = 0x10, kIntEna = 0x14, kIntClr = 0x18;
constexpr uint32_t kTiming = 0x1C, kFifoConf = 0x20, kConfChan = 0x2C, kOutLink = 0x30;
constexpr uint32_t kOutEofDesAddr = 0x38, kLcConf = 0x60, kConf1 = 0xA0, kPdConf = 0xA4;
constexpr uint32_t kConf2 = 0xA8, kClkmConf = 0xAC, kSampleRateConf = 0xB0;

constexpr uint32_t kConfTxReset = 1u << 0, kConfRxReset = 1u << 1;
constexpr uint32_t kConfTxFifoReset = 1u << 2, kConfRxFifoReset = 1u << 3;
constexpr uint32_t kConfTxStart = 1u << 4, kConfTxRightFirst = 1u << 8;
constexpr uint32_t kIntOutEof = kI2sIntOutEof;
constexpr uint32_t kLcInRst = 1u << 0, kLcOutRst = 1u << 1, kLcAhbmFifoRst = 1u << 2;
constexpr uint32_t kLcAhbmRst = 1u << 3, kLcOutEofMode = 1u << 8;
// check_owner: the DMA refuses (out_dscr_err, and stops) a descriptor whose owner bit says CPU.
constexpr uint32_t kLcCheckOwner = 1u << 12;
constexpr uint32_t kLcOutDataBurstEn = 1u << 11, kLcOutDscrBurstEn = 1u << 9;
constexpr uint32_t kFifoDscrEn = 1u << 12, kFifoTxModShift = 13, kFifoTxModForceEn = 1u << 19;
constexpr uint32_t kOutLinkStop = 1u << 28, kOutLinkStart = 1u << 29;
constexpr uint32_t kConf1TxPcmBypass = 1u << 3, kConf1TxStopEn = 1u << 8;
constexpr uint32_t kConf2LcdEn = 1u << 5;
constexpr uint32_t kClkmClkEn = 1u << 20;
}  // namespace detail::i2s_reg

// GPIO matrix output signals: bit `bit` (0..15) of a 16-bit LCD-mode sample, which the unit
// sends on I2SnO_DATA_OUT8..23, and the WS line (the pixel clock in LCD mode).
inline uint16_t i2s_ll_lcd16_data_signal(int unit, int bit) {
    return uint16_t(kSigI2sDataOut0[unit] + 8 + bit);
}
inline uint16_t i2s_ll_ws_signal(int unit) { return kSigI2sWsOut[unit]; }

inline uint32_t i2s_addr(int unit, uint32_t offset) { return kI2sBase[unit] + offset; }

inline void i2s_ll_write(int unit, uint32_t offset, uint32_t v) { reg_write(i2s_addr(unit, offset), v); }
inline uint32_t i2s_ll_read(int unit, uint32_t offset) { return reg_read(i2s_addr(unit, offset)); }

// Resets the transmitter, its FIFO and the DMA engine; leaves transmission stopped.
inline void i2s_ll_reset(int unit) {
    using namespace detail::i2s_reg;
    const uint32_t conf_rst = kConfTxReset | kConfRxReset | kConfTxFifoReset | kConfRxFifoReset;
    const uint32_t lc_rst = kLcInRst | kLcOutRst | kLcAhbmRst | kLcAhbmFifoRst;
    i2s_ll_write(unit, kConf, conf_rst);
    i2s_ll_write(unit, kConf, 0);
    i2s_ll_write(unit, kLcConf, lc_rst);
    i2s_ll_write(unit, kLcConf, 0);
}

// LCD mode, 16-bit samples, one channel, DMA from descriptors, no PCM compression; the DMA's
// owner check (kLcCheckOwner) and descriptor write-back stay off.
inline void i2s_ll_lcd_tx_16bit(int unit) {
    using namespace detail::i2s_reg;
    i2s_ll_write(unit, kConf2, kConf2LcdEn);
    i2s_ll_write(unit, kFifoConf,
                 kFifoDscrEn | (1u << kFifoTxModShift) | kFifoTxModForceEn | (32u << 6) | 32u);
    i2s_ll_write(unit, kConfChan, 1u);  // single channel
    i2s_ll_write(unit, kConf1, kConf1TxPcmBypass);
    i2s_ll_write(unit, kConf, kConfTxRightFirst);
    i2s_ll_write(unit, kTiming, 0);
    i2s_ll_write(unit, kLcConf, kLcOutEofMode | kLcOutDataBurstEn | kLcOutDscrBurstEn);
}

// Pixel clock = 160 MHz / (n + b/a) / m / 2, from the PLL_D2 clock.
inline void i2s_ll_set_clock(int unit, uint32_t n, uint32_t b, uint32_t a, uint32_t m) {
    using namespace detail::i2s_reg;
    i2s_ll_write(unit, kClkmConf, (n & 0xFF) | ((b & 0x3F) << 8) | ((a & 0x3F) << 14) | kClkmClkEn);
    i2s_ll_write(unit, kSampleRateConf, (m & 0x3F) | (m & 0x3F) << 6 | 16u << 12 | 16u << 18);
}

// The LCD-mode pixel clock: 160 MHz PLL_D2 / M (2) / 2 = 40 MHz, divided by N + b/a (TRM
// 12.4.1; N 2..255, b/a in 63ths here). 32-bit arithmetic: native modules for 32-bit chips
// have no 64-bit division.
constexpr uint32_t kI2sLcdBaseHz = 40'000'000;
struct I2sClock {
    uint32_t n = 0, b = 0, a = 1;
};
// The dividers nearest `hz`; n == 0 when no N in 2..255 gives it.
constexpr I2sClock i2s_ll_lcd_clock(uint32_t hz) {
    if (hz == 0) return {};
    I2sClock c;
    c.n = kI2sLcdBaseHz / hz;
    c.a = 63;
    c.b = ((kI2sLcdBaseHz - c.n * hz) * 63 + hz / 2) / hz;  // the rest < hz <= 20 MHz: fits
    if (c.b == 63) c.n++, c.b = 0;
    return c.n >= 2 && c.n <= 255 ? c : I2sClock{};
}
// The pixel clock the dividers give, rounded down.
constexpr uint32_t i2s_ll_lcd_clock_hz(I2sClock c) { return kI2sLcdBaseHz * c.a / (c.n * c.a + c.b); }
inline void i2s_ll_set_lcd_clock(int unit, I2sClock c) { i2s_ll_set_clock(unit, c.n, c.b, c.a, 2); }

inline void i2s_ll_start_out_link(int unit, uint32_t first_desc) {
    i2s_ll_write(unit, detail::i2s_reg::kOutLink, (first_desc & 0xFFFFF) | detail::i2s_reg::kOutLinkStart);
}
inline void i2s_ll_stop_out_link(int unit) {
    i2s_ll_write(unit, detail::i2s_reg::kOutLink, detail::i2s_reg::kOutLinkStop);
}
inline void i2s_ll_tx_start(int unit) {
    i2s_ll_write(unit, detail::i2s_reg::kConf,
                 detail::i2s_reg::kConfTxRightFirst | detail::i2s_reg::kConfTxStart);
}
inline void i2s_ll_tx_stop(int unit) {
    i2s_ll_write(unit, detail::i2s_reg::kConf, detail::i2s_reg::kConfTxRightFirst);
}

inline void i2s_ll_enable_intr(int unit, uint32_t mask) {
    i2s_ll_write(unit, detail::i2s_reg::kIntEna, mask);
}
inline void i2s_ll_clear_intr(int unit, uint32_t mask) { i2s_ll_write(unit, detail::i2s_reg::kIntClr, mask); }
inline uint32_t i2s_ll_intr_status(int unit) { return i2s_ll_read(unit, detail::i2s_reg::kIntSt); }
inline uint32_t i2s_ll_out_eof_desc(int unit) { return i2s_ll_read(unit, detail::i2s_reg::kOutEofDesAddr); }

}  // namespace upanel::ll
