// The register layer's chip facts (ll/soc.h and the *_ll.h tables) against the emulated
// board's own map: a base address, interrupt source, DPORT bit or GPIO matrix signal written
// differently in the two would let a driver pass its tests on a board that is not the chip.
#include <gtest/gtest.h>

#include "upanel/emu/board.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/soc.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;

TEST(SocMap, BlockBasesAreTheEmulatorsOwn) {
    EXPECT_EQ(ll::kDportBase, emu::Dport::kBase);
    EXPECT_EQ(ll::kGpioBase, emu::Gpio::kBase);
    EXPECT_EQ(ll::kIoMuxBase, emu::Gpio::kIoMuxBase);
    EXPECT_EQ(ll::kRtcIoBase, emu::Gpio::kRtcIoBase);
    EXPECT_EQ(ll::kRtcCntlBase, emu::RtcCntl::kBase);
    EXPECT_EQ(ll::kPadCount, emu::kPadCount);
    EXPECT_EQ(ll::kSigGpioOut, emu::Gpio::kSigGpioOut);
}

TEST(SocMap, I2sUnitsMatch) {
    emu::Board board;
    for (int u = 0; u < 2; u++) {
        const emu::I2s &i2s = board.i2s(u);
        EXPECT_EQ(ll::kI2sBase[u], i2s.base()) << u;
        EXPECT_EQ(ll::kIrqI2s[u], i2s.irq_source()) << u;
        EXPECT_EQ(ll::kDportBitI2s[u], i2s.dport_bit()) << u;
        EXPECT_EQ(ll::kSigI2sWsOut[u], i2s.ws_signal()) << u;
        // 16-bit LCD mode: sample bit b leaves on I2SnO_DATA_OUT(8 + b).
        for (int b = 0; b < 16; b++)
            EXPECT_EQ(ll::kSigI2sDataOut0[u] + 8 + b, i2s.data_signal(b)) << u << " " << b;
    }
}

TEST(SocMap, SpiUnitsMatch) {
    emu::Board board;
    for (int n : {2, 3}) {
        const emu::Spi &spi = board.spi(n);
        EXPECT_EQ(ll::spi_base(n), spi.base()) << n;
        EXPECT_EQ(ll::spi_irq(n), spi.irq_source()) << n;
        EXPECT_EQ(ll::spi_dma_irq(n), spi.dma_irq_source()) << n;
        EXPECT_EQ(ll::spi_dport_bit(n), spi.dport_bit()) << n;
        EXPECT_EQ(ll::spi_sig_clk(n), spi.clk_signal()) << n;
        EXPECT_EQ(ll::spi_sig_mosi(n), spi.mosi_signal()) << n;
        EXPECT_EQ(ll::spi_sig_miso(n), spi.miso_signal()) << n;
        for (int line = 0; line < 3; line++)
            EXPECT_EQ(ll::spi_sig_cs(n, line), spi.cs_signal(line)) << n << " cs" << line;
    }
}
