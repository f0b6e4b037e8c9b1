// The emulated pads, GPIO interrupts and interrupt matrix at register level. Every address
// and bit below is written out from the ESP32 TRM (chapters 2 and 4: GPIO_*_REG at
// 0x3FF44000, IO_MUX_x_REG at 0x3FF49000, RTC_IO at 0x3FF48400, RTC_CNTL at 0x3FF48000,
// DPORT_PRO_*_MAP_REG at 0x3FF00104 + 4 * source), not taken from the register layer, so a
// wrong fact on either side fails here.
#include <gtest/gtest.h>

#include "upanel/emu/board.h"

using namespace upanel::emu;

namespace {

constexpr uint32_t GPIO_OUT_W1TS = 0x3FF44008, GPIO_OUT_W1TC = 0x3FF4400C;
constexpr uint32_t GPIO_ENABLE_W1TS = 0x3FF44024, GPIO_ENABLE_W1TC = 0x3FF44028;
constexpr uint32_t GPIO_IN = 0x3FF4403C, GPIO_IN1 = 0x3FF44040;
constexpr uint32_t GPIO_STATUS = 0x3FF44044, GPIO_STATUS_W1TC = 0x3FF4404C;
constexpr uint32_t GPIO_STATUS1 = 0x3FF44050, GPIO_STATUS1_W1TC = 0x3FF44058;
constexpr uint32_t GPIO_ACPU_INT = 0x3FF44060, GPIO_PCPU_INT = 0x3FF44068;
constexpr uint32_t GPIO_PCPU_NMI_INT = 0x3FF4406C, GPIO_PCPU_INT1 = 0x3FF4407C;
constexpr uint32_t GPIO_PIN0 = 0x3FF44088, GPIO_FUNC0_OUT_SEL = 0x3FF44530;
constexpr uint32_t GPIO_FUNC0_IN_SEL = 0x3FF44130;
constexpr uint32_t IO_MUX_GPIO21 = 0x3FF4907C, IO_MUX_GPIO22 = 0x3FF49080, IO_MUX_GPIO4 = 0x3FF49048;
constexpr uint32_t IO_MUX_GPIO25 = 0x3FF49024, IO_MUX_GPIO34 = 0x3FF49014;
constexpr uint32_t RTC_IO_DIG_PAD_HOLD = 0x3FF48474, RTC_IO_PAD_DAC1 = 0x3FF48484;
constexpr uint32_t RTC_IO_TOUCH_PAD0 = 0x3FF48494;  // GPIO4
constexpr uint32_t RTC_CNTL_HOLD_FORCE = 0x3FF480C8;
constexpr uint32_t DPORT_PRO_GPIO_MAP = 0x3FF0015C, DPORT_PRO_INTR_STATUS_0 = 0x3FF000EC;

// IO_MUX_x_REG fields.
constexpr uint32_t MCU_SEL_GPIO = 2u << 12, FUN_IE = 1u << 9, FUN_WPU = 1u << 8, FUN_WPD = 1u << 7;
// GPIO_PINn_REG fields.
constexpr uint32_t PAD_DRIVER = 1u << 2;
constexpr uint32_t int_type(uint32_t t) { return t << 7; }
constexpr uint32_t PRO_CPU_INT_ENA = 1u << 15, PRO_CPU_NMI_ENA = 1u << 16, APP_CPU_INT_ENA = 1u << 13;

uint32_t pin_reg(int pad) { return GPIO_PIN0 + 4u * uint32_t(pad); }
bool in(Board &b, int pad) {
    return pad < 32 ? (b.read32(GPIO_IN) >> pad) & 1u : (b.read32(GPIO_IN1) >> (pad - 32)) & 1u;
}

struct Counter {
    Board *board;
    int calls = 0;
    bool clear = true;
    static void isr(void *arg) {
        auto *c = static_cast<Counter *>(arg);
        c->calls++;
        if (c->clear) c->board->write32(GPIO_STATUS_W1TC, c->board->read32(GPIO_PCPU_INT));
    }
};

class Pads : public ::testing::Test {
  protected:
    Board board;
};

TEST_F(Pads, AnUndrivenPadShowsItsPullAndReadsOnlyWithItsInputEnabled) {
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE);
    EXPECT_FALSE(in(board, 22)) << "no pull: it floats and reads 0";
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE | FUN_WPU);
    EXPECT_TRUE(in(board, 22));
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE | FUN_WPD);
    EXPECT_FALSE(in(board, 22));
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE | FUN_WPU | FUN_WPD);
    EXPECT_FALSE(in(board, 22)) << "both pulls: it floats";
    board.set_pad(22, 1);
    EXPECT_TRUE(in(board, 22)) << "the outside drives it";
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_WPD);
    EXPECT_FALSE(in(board, 22)) << "input disabled: GPIO_IN shows 0";
    board.set_pad(22, -1);
    EXPECT_EQ(board.gpio().undriven_level(22), 0) << "released: the pull-down";
}

TEST_F(Pads, RtcPadsTakeTheirPullsFromRtcIoNotIoMux) {
    board.write32(IO_MUX_GPIO4, MCU_SEL_GPIO | FUN_IE | FUN_WPU);
    EXPECT_FALSE(in(board, 4)) << "FUN_WPU does nothing on an RTC pad";
    board.write32(RTC_IO_TOUCH_PAD0, 1u << 27);  // RTC_IO_TOUCH_PAD0_RUE
    EXPECT_TRUE(in(board, 4));
    board.write32(RTC_IO_TOUCH_PAD0, 1u << 28);  // RTC_IO_TOUCH_PAD0_RDE
    EXPECT_FALSE(in(board, 4));
    EXPECT_EQ(board.gpio().undriven_level(4), 0);
    board.write32(IO_MUX_GPIO25, MCU_SEL_GPIO | FUN_IE);
    board.write32(RTC_IO_PAD_DAC1, 1u << 27);  // RTC_IO_PDAC1_RUE: GPIO25
    EXPECT_TRUE(in(board, 25));
    // 34..39 have no pulls at all, and no output.
    board.write32(IO_MUX_GPIO34, MCU_SEL_GPIO | FUN_IE | FUN_WPU);
    EXPECT_FALSE(in(board, 34));
    board.set_pad(34, 1);
    EXPECT_TRUE(in(board, 34));
}

TEST_F(Pads, TheChipsOutputWinsAndOpenDrainLetsGoForAOne) {
    board.write32(IO_MUX_GPIO21, MCU_SEL_GPIO | FUN_IE | FUN_WPD);
    board.write32(GPIO_FUNC0_OUT_SEL + 4 * 21, 256);  // GPIO_OUT
    board.write32(GPIO_ENABLE_W1TS, 1u << 21);
    board.write32(GPIO_OUT_W1TS, 1u << 21);
    board.set_pad(21, 0);
    EXPECT_TRUE(in(board, 21)) << "the chip drives 1 against the outside's 0";
    board.set_pad(21, -1);
    board.write32(pin_reg(21), PAD_DRIVER);
    EXPECT_FALSE(in(board, 21)) << "open drain, a 1: let go, the pull-down shows";
    board.write32(IO_MUX_GPIO21, MCU_SEL_GPIO | FUN_IE | FUN_WPU);
    EXPECT_TRUE(in(board, 21));
    board.write32(GPIO_OUT_W1TC, 1u << 21);
    EXPECT_FALSE(in(board, 21)) << "open drain, a 0: driven low";
}

TEST_F(Pads, EdgesAndLevelsSetGpioStatusAndTheCpusSeeItThroughIntEna) {
    board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE | FUN_WPD);
    board.write32(pin_reg(22), int_type(1));  // rising edge, no CPU enabled
    board.set_pad(22, 1);
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22);
    EXPECT_EQ(board.read32(GPIO_PCPU_INT), 0u) << "INT_ENA off: no CPU sees it";
    board.write32(pin_reg(22), int_type(1) | PRO_CPU_INT_ENA);
    EXPECT_EQ(board.read32(GPIO_PCPU_INT), 1u << 22);
    EXPECT_EQ(board.read32(GPIO_ACPU_INT), 0u);
    EXPECT_EQ(board.read32(DPORT_PRO_INTR_STATUS_0), 1u << 22) << "source 22 (GPIO) raised";
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    EXPECT_EQ(board.read32(GPIO_STATUS), 0u);
    board.set_pad(22, 0);
    EXPECT_EQ(board.read32(GPIO_STATUS), 0u) << "a falling edge is not a rising one";
    board.write32(pin_reg(22), int_type(2) | APP_CPU_INT_ENA);  // falling
    board.set_pad(22, 1);
    EXPECT_EQ(board.read32(GPIO_STATUS), 0u);
    board.set_pad(22, 0);
    EXPECT_EQ(board.read32(GPIO_ACPU_INT), 1u << 22);
    EXPECT_EQ(board.read32(GPIO_PCPU_INT), 0u);
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    board.write32(pin_reg(22), int_type(3) | PRO_CPU_NMI_ENA);  // any edge
    board.set_pad(22, 1);
    EXPECT_EQ(board.read32(GPIO_PCPU_NMI_INT), 1u << 22);
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    board.set_pad(22, 0);
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22);
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    // A level keeps setting the bit while it holds; cleared after it went, it stays clear.
    board.write32(pin_reg(22), int_type(4));  // low level
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22);
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22) << "still low";
    board.set_pad(22, 1);
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22) << "latched until cleared";
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    EXPECT_EQ(board.read32(GPIO_STATUS), 0u);
    board.write32(pin_reg(22), int_type(5));  // high level
    EXPECT_EQ(board.read32(GPIO_STATUS), 1u << 22);
    // Pads 32..39: GPIO_STATUS1 and the INT1 registers, bit 0 for pad 32.
    board.write32(0x3FF4901C, MCU_SEL_GPIO | FUN_IE);  // IO_MUX_GPIO32_REG
    board.write32(pin_reg(32), int_type(1) | PRO_CPU_INT_ENA);
    board.set_pad(32, 1);
    EXPECT_EQ(board.read32(GPIO_STATUS1), 1u);
    EXPECT_EQ(board.read32(GPIO_PCPU_INT1), 1u);
    board.write32(GPIO_STATUS1_W1TC, 1u);
    EXPECT_EQ(board.read32(GPIO_STATUS1), 0u);
}

TEST_F(Pads, HoldFreezesWhatThePadDrives) {
    board.write32(IO_MUX_GPIO21, MCU_SEL_GPIO | FUN_IE);
    board.write32(GPIO_FUNC0_OUT_SEL + 4 * 21, 256);
    board.write32(GPIO_ENABLE_W1TS, 1u << 21);
    board.write32(GPIO_OUT_W1TS, 1u << 21);
    board.write32(RTC_IO_DIG_PAD_HOLD, 1u << 14);  // GPIO21's bit
    board.write32(GPIO_OUT_W1TC, 1u << 21);
    board.write32(GPIO_ENABLE_W1TC, 1u << 21);
    EXPECT_TRUE(in(board, 21)) << "held at 1";
    board.write32(RTC_IO_DIG_PAD_HOLD, 0);
    EXPECT_FALSE(in(board, 21)) << "let go: output off, no pull";
    // An RTC pad: its RTC_IO hold bit, or RTC_CNTL_HOLD_FORCE.
    board.write32(IO_MUX_GPIO25, MCU_SEL_GPIO | FUN_IE);
    board.write32(GPIO_FUNC0_OUT_SEL + 4 * 25, 256);
    board.write32(GPIO_ENABLE_W1TS, 1u << 25);
    board.write32(GPIO_OUT_W1TS, 1u << 25);
    board.write32(RTC_CNTL_HOLD_FORCE, 1u << 2);  // PDAC1 (GPIO25)
    board.write32(GPIO_OUT_W1TC, 1u << 25);
    EXPECT_TRUE(in(board, 25));
    board.write32(RTC_CNTL_HOLD_FORCE, 0);
    EXPECT_FALSE(in(board, 25));
    board.write32(RTC_IO_PAD_DAC1, 1u << 29);  // RTC_IO_PDAC1_HOLD, held at 0 now
    board.write32(GPIO_OUT_W1TS, 1u << 25);
    EXPECT_FALSE(in(board, 25));
    EXPECT_TRUE(board.gpio().held(25));
}

TEST_F(Pads, TheInputMatrixKeepsItsSettings) {
    board.write32(GPIO_FUNC0_IN_SEL + 4 * 64, 22 | (1u << 6) | (1u << 7));
    EXPECT_EQ(board.read32(GPIO_FUNC0_IN_SEL + 4 * 64), 22u | (1u << 6) | (1u << 7));
    EXPECT_EQ(board.gpio().in_sel(64), 22u | (1u << 6) | (1u << 7));
}

// The interrupt matrix and the CPU's interrupts.
class Matrix : public Pads {
  protected:
    void SetUp() override {
        board.write32(IO_MUX_GPIO22, MCU_SEL_GPIO | FUN_IE | FUN_WPD);
        board.write32(pin_reg(22), int_type(1) | PRO_CPU_INT_ENA);
        counter.board = &board;
    }
    void edge() {
        board.set_pad(22, 1);
        board.set_pad(22, 0);
        board.run_for(kPicosPerUs);
    }
    Counter counter;
};

TEST_F(Matrix, ASourceReachesTheCpuInterruptItsMapRegisterNames) {
    board.cpu_intr_handler(9, Counter::isr, &counter);
    board.cpu_intr_enable(1u << 9, 0);
    edge();
    EXPECT_EQ(counter.calls, 0) << "source 22 still maps to 16 (reset): not connected";
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 16u);
    board.write32(DPORT_PRO_GPIO_MAP, 9);
    board.run_for(kPicosPerUs);
    EXPECT_EQ(counter.calls, 1) << "the pending edge is served once connected";
    edge();
    EXPECT_EQ(counter.calls, 2);
    board.cpu_intr_enable(0, 1u << 9);
    edge();
    EXPECT_EQ(counter.calls, 2) << "INTENABLE bit off";
    board.cpu_intr_enable(1u << 9, 0);
    board.run_for(kPicosPerUs);
    EXPECT_EQ(counter.calls, 3);
    board.write32(DPORT_PRO_GPIO_MAP, 6);  // an internal interrupt: disconnected
    board.cpu_intr_handler(6, Counter::isr, &counter);
    board.cpu_intr_enable(1u << 6, 0);
    edge();
    EXPECT_EQ(counter.calls, 3);
    board.write32(GPIO_STATUS_W1TC, ~0u);
    EXPECT_TRUE(board.faults().empty());
}

TEST_F(Matrix, IntLevelHoldsOffInterruptsAtOrBelowIt) {
    board.write32(DPORT_PRO_GPIO_MAP, 19);  // a level-2 interrupt
    board.cpu_intr_handler(19, Counter::isr, &counter);
    board.cpu_intr_enable(1u << 19, 0);
    EXPECT_EQ(board.cpu_intr_level(2), 0);
    edge();
    EXPECT_EQ(counter.calls, 0);
    board.cpu_intr_level(1);
    board.run_for(kPicosPerUs);
    EXPECT_EQ(counter.calls, 1);
}

TEST_F(Matrix, AnEdgeTriggeredCpuInterruptRunsOncePerRisingEdgeOfItsLine) {
    board.write32(DPORT_PRO_GPIO_MAP, 10);  // edge-triggered, level 1
    counter.clear = false;                  // the GPIO status (the line) stays up
    board.cpu_intr_handler(10, Counter::isr, &counter);
    board.cpu_intr_enable(1u << 10, 0);
    edge();
    board.run_for(10 * kPicosPerUs);
    EXPECT_EQ(counter.calls, 1);
    board.write32(GPIO_STATUS_W1TC, 1u << 22);
    edge();
    EXPECT_EQ(counter.calls, 2);
    EXPECT_TRUE(board.faults().empty());
}

TEST_F(Matrix, AHandlerThatDoesNotClearItsLevelInterruptIsAStorm) {
    board.write32(DPORT_PRO_GPIO_MAP, 12);
    counter.clear = false;
    board.cpu_intr_handler(12, Counter::isr, &counter);
    board.cpu_intr_enable(1u << 12, 0);
    edge();
    EXPECT_EQ(counter.calls, 1000);
    ASSERT_EQ(board.faults().size(), 1u);
    EXPECT_NE(board.faults()[0].find("storm on CPU interrupt 12"), std::string::npos);
    EXPECT_EQ(board.cpu_intr_enable(0, 0) & (1u << 12), 0u) << "disabled";
}

TEST_F(Matrix, AnEnabledRaisedInterruptWithoutHandlerIsReported) {
    board.write32(DPORT_PRO_GPIO_MAP, 13);
    board.cpu_intr_enable(1u << 13, 0);
    edge();
    ASSERT_EQ(board.faults().size(), 1u);
    EXPECT_NE(board.faults()[0].find("no handler"), std::string::npos);
}

TEST_F(Pads, DevicesOnThePadsSeePullsAndTheOutside) {
    Ili9341Pins pins;
    pins.pad = {23, 19, 22, 21, 18, 5, 25};
    board.attach_ili9341(pins);
    EXPECT_FALSE(board.ili9341()->backlight()) << "backlight pad 5 floats: off";
    board.write32(0x3FF4906C, MCU_SEL_GPIO | FUN_WPU);  // IO_MUX_GPIO5_REG, pulled up
    EXPECT_TRUE(board.ili9341()->backlight());
    board.set_pad(5, 0);
    EXPECT_FALSE(board.ili9341()->backlight());
}

}  // namespace
