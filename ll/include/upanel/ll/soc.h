// ESP32 facts the drivers need: register block bases, interrupt sources, DPORT clock and
// reset bits, GPIO matrix signals and which pads can drive an output (TRM chapters 4, 5, 7,
// 12, 18; ESP-IDF soc headers). tests/unit/soc_map_test.cpp checks them against the emulated
// board's own map.
#pragma once
#include <stdint.h>

namespace upanel::ll {

constexpr uint32_t kDportBase = 0x3FF00000;
constexpr uint32_t kGpioBase = 0x3FF44000;
constexpr uint32_t kIoMuxBase = 0x3FF49000;
constexpr uint32_t kRtcCntlBase = 0x3FF48000;
constexpr uint32_t kRtcIoBase = 0x3FF48400;
constexpr uint32_t kI2sBase[2] = {0x3FF4F000, 0x3FF6D000};
constexpr uint32_t kSpiBase1 = 0x3FF42000, kSpiBase2 = 0x3FF64000, kSpiBase3 = 0x3FF65000;
constexpr uint32_t kTimgBase[2] = {0x3FF5F000, 0x3FF60000};
// SPI number 1 (the flash's), 2 (HSPI) or 3 (VSPI).
constexpr uint32_t spi_base(int spi) { return spi == 1 ? kSpiBase1 : spi == 2 ? kSpiBase2 : kSpiBase3; }

// DPORT_PERIP_CLK_EN / _RST_EN bits.
constexpr uint32_t kDportBitI2s[2] = {4, 21};
constexpr uint32_t kDportBitSpiDma = 22;
constexpr uint32_t kTimgDportBit[2] = {13, 15};
constexpr uint32_t spi_dport_bit(int spi) { return spi == 2 ? 6 : 16; }

constexpr int kPadCount = 40;

// GPIO matrix output signals.
constexpr uint16_t kSigI2sWsOut[2] = {25, 26};
constexpr uint16_t kSigI2sDataOut0[2] = {140, 166};
constexpr uint16_t kSigGpioOut = 256;

// Peripheral interrupt sources (the interrupt matrix's inputs, ETS_*_INTR_SOURCE).
constexpr int kIrqI2s[2] = {32, 33};
constexpr int kIrqGpio = 22, kIrqGpioNmi = 23;
constexpr int kIrqSourceCount = 69;
constexpr int kIrqTimgLevel[2][2] = {{14, 15}, {18, 19}};  // [group][timer]
constexpr int spi_irq(int spi) { return spi == 1 ? 29 : spi == 2 ? 30 : 31; }
constexpr int spi_dma_irq(int spi) { return spi == 2 ? 53 : 54; }  // SPI2_DMA, SPI3_DMA

// Pads that exist and can drive an output: 20, 24 and 28..31 are not bonded out, 34..39 are
// input only, and 6..11 carry the SPI flash on every module.
constexpr bool pad_exists(int pad) {
    return pad >= 0 && pad < kPadCount && pad != 20 && pad != 24 && !(pad >= 28 && pad <= 31);
}
constexpr bool pad_is_input_only(int pad) { return pad >= 34 && pad <= 39; }
constexpr bool pad_is_flash(int pad) { return pad >= 6 && pad <= 11; }
constexpr bool pad_can_output(int pad) {
    return pad_exists(pad) && !pad_is_input_only(pad) && !pad_is_flash(pad);
}

}  // namespace upanel::ll
