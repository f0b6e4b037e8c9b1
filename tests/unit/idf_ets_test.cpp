// The ROM's ets_* functions through the idf shim on the emulated board: software timers on
// virtual time, the CPU frequency ets_delay_us counts with, printing through putc1/putc2, and
// the boot-time functions that fail. Expected times are the arm calls' own arithmetic
// (now + us, + period), not the shim's.
#include <string>
#include <vector>

#include "freertos/FreeRTOS.h"
#include "idf_board_fixture.h"
#include "rom/ets_sys.h"

using namespace idf_test;
using upanel::emu::kPicosPerMs;
using upanel::emu::kPicosPerUs;
using upanel::emu::Picos;

namespace upanel::idf {
void intr_alloc_reset();
}

namespace {

constexpr uint32_t TIMG0_T0_CONFIG = 0x3FF5F000, DPORT_PRO_TG_T0_LEVEL_MAP = 0x3FF00104 + 4 * 14;

struct Fired {
    upanel::emu::Board *board;
    std::vector<std::pair<char, Picos>> log;
    bool in_isr = true;
};
Fired *g_fired = nullptr;

void fired(void *arg) {
    g_fired->log.push_back({*static_cast<const char *>(arg), g_fired->board->now()});
    if (xPortInIsrContext() != pdTRUE) g_fired->in_isr = false;
}

class IdfEts : public IdfBoard {
  protected:
    void SetUp() override {
        IdfBoard::SetUp();
        f.board = &board;
        g_fired = &f;
    }
    void TearDown() override {
        for (ETSTimer *t : {&a, &b, &c}) ets_timer_done(t);
        upanel::idf::intr_alloc_reset();
        g_fired = nullptr;
        IdfBoard::TearDown();
    }
    Picos us(uint64_t n) const { return n * kPicosPerUs; }
    Fired f;
    ETSTimer a{}, b{}, c{};
    char na = 'a', nb = 'b', nc = 'c';
};

TEST_F(IdfEts, TimersRunAtTheirTimeOnceOrEveryPeriod) {
    ets_timer_init();
    ets_timer_setfn(&a, fired, &na);
    ets_timer_setfn(&b, fired, &nb);
    const Picos t0 = board.now();
    ets_timer_arm_us(&a, 250, false);
    ets_timer_arm_us(&b, 100, true);
    // TIMG0's timer 0 counts microseconds (enabled, up, APB / 80, level interrupt), and its
    // source (14) reaches the lowest free level-1 interrupt ESP-IDF's allocator gives: 2.
    EXPECT_EQ(board.read32(TIMG0_T0_CONFIG) & ((1u << 31) | (1u << 30) | (0xFFFFu << 13) | (1u << 11)),
              (1u << 31) | (1u << 30) | (80u << 13) | (1u << 11));
    EXPECT_EQ(board.read32(DPORT_PRO_TG_T0_LEVEL_MAP), 2u);
    // The ROM's view: b expires first and links to a.
    EXPECT_EQ(b.timer_next, &a);
    EXPECT_EQ(b.timer_period, 100u);
    EXPECT_EQ(a.timer_period, 0u);
    board.run_for(us(450));
    std::vector<std::pair<char, Picos>> want = {{'b', t0 + us(100)},
                                                {'b', t0 + us(200)},
                                                {'a', t0 + us(250)},
                                                {'b', t0 + us(300)},
                                                {'b', t0 + us(400)}};
    ASSERT_EQ(f.log.size(), want.size());
    for (size_t i = 0; i < want.size(); i++) {
        EXPECT_EQ(f.log[i].first, want[i].first) << i;
        EXPECT_GE(f.log[i].second, want[i].second) << i;
        EXPECT_LT(f.log[i].second, want[i].second + us(1)) << i;  // the counter's sub-microsecond phase
    }
    EXPECT_TRUE(f.in_isr) << "timer functions run in interrupt context";
    EXPECT_EQ(a.timer_next, nullptr);
    ets_timer_disarm(&b);
    board.run_for(us(500));
    EXPECT_EQ(f.log.size(), want.size()) << "disarmed";
    EXPECT_TRUE(board.faults().empty());
}

TEST_F(IdfEts, ArmInMillisecondsReArmSetfnAndDone) {
    ets_timer_setfn(&a, fired, &na);
    const Picos t0 = board.now();
    ets_timer_arm(&a, 3, false);
    board.run_for(kPicosPerMs);
    ets_timer_arm(&a, 1, false);  // re-armed: 1 ms from now, the 3 ms alarm gone
    board.run_for(5 * kPicosPerMs);
    ASSERT_EQ(f.log.size(), 1u);
    EXPECT_GE(f.log[0].second, t0 + 2 * kPicosPerMs);
    EXPECT_LT(f.log[0].second, t0 + 2 * kPicosPerMs + us(1));
    ets_timer_arm(&a, 1, true);
    ets_timer_setfn(&a, fired, &nc);  // disarms it
    board.run_for(3 * kPicosPerMs);
    EXPECT_EQ(f.log.size(), 1u);
    ets_timer_arm(&a, 1, false);
    board.run_for(2 * kPicosPerMs);
    ASSERT_EQ(f.log.size(), 2u);
    EXPECT_EQ(f.log[1].first, 'c');
    ets_timer_done(&a);
    EXPECT_EQ(a.timer_func, nullptr);
    ets_timer_arm(&a, 1, false);  // no function: logged, not armed
    ets_timer_setfn(&b, fired, &nb);
    ets_timer_arm_us(&b, 0, true);  // a period of 0: logged, not armed
    board.run_for(2 * kPicosPerMs);
    EXPECT_EQ(f.log.size(), 2u);
}

// A timer function that re-arms another and disarms itself.
ETSTimer *g_other = nullptr;
char g_x = 'x';
void rearm_other(void *self) {
    fired(&g_x);
    ets_timer_disarm(static_cast<ETSTimer *>(self));
    ets_timer_arm_us(g_other, 10, false);
}

TEST_F(IdfEts, AFunctionMayArmAndDisarmTimersAndInterruptsLockTimersOut) {
    g_other = &b;
    ets_timer_setfn(&a, rearm_other, &a);
    ets_timer_setfn(&b, fired, &nb);
    ets_timer_arm_us(&a, 20, true);
    board.run_for(us(100));
    ASSERT_EQ(f.log.size(), 2u);
    EXPECT_EQ(f.log[0].first, 'x');
    EXPECT_EQ(f.log[1].first, 'b');
    EXPECT_GE(f.log[1].second, f.log[0].second + us(10));
    // ets_intr_lock holds off the timer's interrupt; ets_intr_unlock lets it in.
    const Picos t0 = board.now();
    ets_timer_arm_us(&b, 30, false);
    ets_intr_lock();
    board.run_for(us(100));
    EXPECT_EQ(f.log.size(), 2u);
    ets_intr_unlock();
    board.run_for(us(1));
    ASSERT_EQ(f.log.size(), 3u);
    EXPECT_GE(f.log[2].second, t0 + us(100));
}

TEST_F(IdfEts, TheBusyWaitCountsWithTheFrequencyTheRomWasTold) {
    EXPECT_EQ(ets_get_cpu_frequency(), 240u);
    Picos t0 = board.now();
    ets_delay_us(300);
    EXPECT_GE(board.now() - t0, us(300));
    EXPECT_LT(board.now() - t0, us(330));
    ets_update_cpu_frequency(80);  // wrong: the CPU runs at 240 MHz
    EXPECT_EQ(ets_get_cpu_frequency(), 80u);
    t0 = board.now();
    ets_delay_us(300);  // 300 * 80 cycles = 100 us at 240 MHz
    EXPECT_GE(board.now() - t0, us(100));
    EXPECT_LT(board.now() - t0, us(130));
    ets_update_cpu_frequency_rom(240);
    EXPECT_EQ(ets_get_cpu_frequency(), 240u);
    EXPECT_EQ(ets_get_detected_xtal_freq(), 40'000'000u);
}

std::string g_one, g_two;
void to_one(char c) { g_one += c; }
void to_two(char c) { g_two += c; }

TEST_F(IdfEts, PrintfSendsItsCharactersToPutc1AndPutc2) {
    ets_install_putc1(to_one);
    ets_install_putc2(to_two);
    EXPECT_EQ(ets_printf("x=%d %s\n", 42, "ok"), 8);
    EXPECT_EQ(g_one, "x=42 ok\n");
    EXPECT_EQ(g_two, "x=42 ok\n");
    ets_install_putc2(nullptr);
    ets_install_uart_printf();  // putc1 back to the UART (stdout)
    testing::internal::CaptureStdout();
    ets_printf("uart %u\n", 7u);
    ets_write_char_uart('!');
    std::fflush(stdout);
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "uart 7\n!");
    EXPECT_EQ(g_two, "x=42 ok\n");
}

TEST_F(IdfEts, TheRomsBootAndTaskFunctionsFail) {
    EXPECT_EQ(ets_post(1, 2, 3), ETS_FAILED);
    uint32_t entry = 0;
    EXPECT_EQ(ets_unpack_flash_code(0x1000, &entry, false, false, false), ETS_FAILED);
    EXPECT_EQ(ets_unpack_flash_code_legacy(0x1000, &entry, false, false), ETS_FAILED);
    ets_run();  // logged; returns
    ets_set_user_start(0x40080000);
    ets_set_appcpu_boot_addr(0x40080000);
    EXPECT_TRUE(board.faults().empty());
}

}  // namespace
