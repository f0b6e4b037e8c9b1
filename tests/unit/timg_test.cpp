// The timer groups at register level. Addresses and bits written out from the ESP32 TRM
// (chapter 18, "Timer Group"): TIMG0 at 0x3FF5F000, TIMG1 at 0x3FF60000; timer 0's CONFIG,
// LO, HI, UPDATE, ALARMLO, ALARMHI, LOADLO, LOADHI, LOAD at 0x00..0x20, timer 1's 0x24 on;
// INT_ENA/RAW/ST/CLR at 0x98..0xA4; the clock is the 80 MHz APB clock.
#include <gtest/gtest.h>

#include "upanel/emu/board.h"

using namespace upanel::emu;

namespace {

constexpr uint32_t TIMG0 = 0x3FF5F000, TIMG1 = 0x3FF60000;
constexpr uint32_t CONFIG = 0x00, LO = 0x04, HI = 0x08, UPDATE = 0x0C, ALARMLO = 0x10, ALARMHI = 0x14;
constexpr uint32_t LOADLO = 0x18, LOADHI = 0x1C, LOAD = 0x20, T1 = 0x24;
constexpr uint32_t INT_ENA = 0x98, INT_RAW = 0x9C, INT_ST = 0xA0, INT_CLR = 0xA4;
constexpr uint32_t EN = 1u << 31, INCREASE = 1u << 30, AUTORELOAD = 1u << 29, LEVEL_INT_EN = 1u << 11;
constexpr uint32_t ALARM_EN = 1u << 10;
constexpr uint32_t divider(uint32_t d) { return d << 13; }

uint64_t count(Board &b, uint32_t timer) {
    b.write32(timer + UPDATE, 1);
    return (uint64_t(b.read32(timer + HI)) << 32) | b.read32(timer + LO);
}

TEST(Timg, CountsTheApbClockThroughItsPrescaler) {
    Board b;
    EXPECT_EQ(b.read32(TIMG0 + CONFIG), INCREASE | AUTORELOAD | divider(1)) << "reset value";
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80));  // 1 MHz
    b.run_for(1000 * kPicosPerUs);
    EXPECT_EQ(count(b, TIMG0), 1000u);
    EXPECT_EQ(b.read32(TIMG0 + LO), 1000u) << "latched until the next UPDATE";
    b.run_for(5 * kPicosPerUs);
    EXPECT_EQ(b.read32(TIMG0 + LO), 1000u);
    EXPECT_EQ(count(b, TIMG0), 1005u);
    // Divider 0 is 65536, 1 is 2 (TRM).
    b.write32(TIMG0 + T1 + CONFIG, EN | INCREASE);
    b.run_for(65536 * 125 * kPicosPerUs / 10000);  // 65536 * 12.5 ns
    EXPECT_EQ(count(b, TIMG0 + T1), 1u);
    b.write32(TIMG1 + CONFIG, EN | INCREASE | divider(1));
    b.run_for(kPicosPerUs);
    EXPECT_EQ(count(b, TIMG1), 40u);
    // Counting down from a loaded value; stopped, it keeps its count.
    b.write32(TIMG1 + LOADLO, 0);
    b.write32(TIMG1 + LOADHI, 1);
    b.write32(TIMG1 + LOAD, 1);
    b.write32(TIMG1 + CONFIG, EN | divider(80));
    b.run_for(3 * kPicosPerUs);
    EXPECT_EQ(count(b, TIMG1), (1ull << 32) - 3);
    b.write32(TIMG1 + CONFIG, divider(80));
    b.run_for(3 * kPicosPerUs);
    EXPECT_EQ(count(b, TIMG1), (1ull << 32) - 3);
}

struct Hits {
    Board *b;
    std::vector<Picos> at;
    static void isr(void *arg) {
        auto *h = static_cast<Hits *>(arg);
        h->at.push_back(h->b->now());
        h->b->write32(TIMG0 + INT_CLR, 1);
    }
};

TEST(Timg, AnAlarmRaisesTheLevelInterruptAtItsTime) {
    Board b;
    Hits hits{&b, {}};
    b.write32(0x3FF00104 + 4 * 14, 17);  // DPORT_PRO_TG_T0_LEVEL_INT_MAP_REG: source 14 -> 17
    b.cpu_intr_handler(17, Hits::isr, &hits);
    b.cpu_intr_enable(1u << 17, 0);
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80) | LEVEL_INT_EN);
    b.write32(TIMG0 + INT_ENA, 1);
    b.write32(TIMG0 + ALARMLO, 250);
    b.write32(TIMG0 + ALARMHI, 0);
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80) | LEVEL_INT_EN | ALARM_EN);
    b.run_for(1000 * kPicosPerUs);
    ASSERT_EQ(hits.at.size(), 1u);
    EXPECT_EQ(hits.at[0], 250 * kPicosPerUs);
    EXPECT_FALSE(b.read32(TIMG0 + CONFIG) & ALARM_EN) << "cleared by the alarm";
    EXPECT_EQ(count(b, TIMG0), 1000u) << "no auto-reload asked for";
    // Auto-reload: back to LOAD at the alarm; an alarm behind the count never comes.
    b.write32(TIMG0 + LOADLO, 0);
    b.write32(TIMG0 + ALARMLO, 1100);
    b.write32(TIMG0 + CONFIG, EN | INCREASE | AUTORELOAD | divider(80) | LEVEL_INT_EN | ALARM_EN);
    b.run_for(200 * kPicosPerUs);
    ASSERT_EQ(hits.at.size(), 2u);
    EXPECT_EQ(hits.at[1], 1100 * kPicosPerUs);
    EXPECT_EQ(count(b, TIMG0), 100u);
    b.write32(TIMG0 + ALARMLO, 50);
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80) | LEVEL_INT_EN | ALARM_EN);
    b.run_for(1000 * kPicosPerUs);
    EXPECT_EQ(hits.at.size(), 2u) << "50 is behind 100";
    // RAW is set whatever INT_ENA says; ST and the interrupt line need it.
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80) | LEVEL_INT_EN);
    b.write32(TIMG0 + INT_ENA, 0);
    b.write32(TIMG0 + ALARMLO, uint32_t(count(b, TIMG0) + 10));
    b.write32(TIMG0 + CONFIG, EN | INCREASE | divider(80) | LEVEL_INT_EN | ALARM_EN);
    b.run_for(20 * kPicosPerUs);
    EXPECT_EQ(b.read32(TIMG0 + INT_RAW), 1u);
    EXPECT_EQ(b.read32(TIMG0 + INT_ST), 0u);
    EXPECT_EQ(hits.at.size(), 2u);
    b.write32(TIMG0 + INT_CLR, 1);
    EXPECT_EQ(b.read32(TIMG0 + INT_RAW), 0u);
    EXPECT_TRUE(b.faults().empty());
}

TEST(Timg, TheBoardSaysWhenTheNextAlarmComes) {
    Board b;
    EXPECT_EQ(b.next_timer_alarm(), Timg::kNever);
    b.write32(TIMG1 + T1 + ALARMLO, 40);
    b.write32(TIMG1 + T1 + CONFIG, EN | INCREASE | divider(80) | ALARM_EN);
    EXPECT_EQ(b.next_timer_alarm(), 40 * kPicosPerUs);
}

}  // namespace
