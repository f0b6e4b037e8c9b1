// ESP-IDF's GPIO inputs, pulls, drive, hold and interrupts, the interrupt allocator and the
// ROM's GPIO and interrupt functions, through the idf shim on the emulated board. Expected
// register values are written out from the ESP32 TRM (addresses, bits) and ESP-IDF's
// documented behaviour and tables (its interrupt descriptor table: which CPU interrupt the
// allocator picks), not read back from the shim's own constants.
#include <string>
#include <vector>

#include "driver/gpio.h"
#include "esp_intr_alloc.h"
#include "freertos/FreeRTOS.h"
#include "idf_board_fixture.h"
#include "rom/ets_sys.h"
#include "rom/gpio.h"

using namespace idf_test;
using upanel::emu::kPicosPerUs;

namespace upanel::idf {
void intr_alloc_reset();  // the shim's: a new board's CPU has no interrupts allocated
}

namespace {

constexpr uint32_t GPIO_STATUS = 0x3FF44044, GPIO_PCPU_INT = 0x3FF44068;
constexpr uint32_t GPIO_PIN0 = 0x3FF44088, GPIO_FUNC0_IN_SEL = 0x3FF44130;
constexpr uint32_t GPIO_FUNC0_OUT_SEL = 0x3FF44530;
constexpr uint32_t IO_MUX_GPIO16 = 0x3FF4904C, IO_MUX_GPIO27 = 0x3FF4902C;
constexpr uint32_t RTC_IO_TOUCH_PAD7 = 0x3FF484B0;  // GPIO27
constexpr uint32_t RTC_IO_DIG_PAD_HOLD = 0x3FF48474, RTC_IO_PAD_DAC2 = 0x3FF48488;
constexpr uint32_t RTC_CNTL_HOLD_FORCE = 0x3FF480C8, RTC_CNTL_DIG_ISO = 0x3FF48088;
constexpr uint32_t RTC_GPIO_PIN0 = 0x3FF48428;
constexpr uint32_t DPORT_PRO_GPIO_MAP = 0x3FF0015C;
constexpr uint32_t FUN_WPU = 1u << 8, FUN_WPD = 1u << 7, FUN_IE = 1u << 9;
constexpr uint32_t PRO_CPU_INT_ENA = 1u << 15, WAKEUP_ENABLE = 1u << 10;

uint32_t pin_reg(int pad) { return GPIO_PIN0 + 4u * uint32_t(pad); }

struct Calls {
    std::vector<std::string> log;
    bool in_isr = true;
};

// A pad handler for gpio_isr_handler_add: notes its argument (and that it ran as an ISR).
Calls *g_calls = nullptr;
void note(void *arg) {
    g_calls->log.push_back(static_cast<const char *>(arg));
    if (xPortInIsrContext() != pdTRUE) g_calls->in_isr = false;
}

class IdfGpio : public IdfBoard {
  protected:
    void SetUp() override {
        IdfBoard::SetUp();
        g_calls = &calls;
    }
    void TearDown() override {
        gpio_uninstall_isr_service();
        for (intr_handle_t h : handles) esp_intr_free(h);
        EXPECT_EQ(esp_intr_free(nullptr), ESP_ERR_INVALID_ARG);
        upanel::idf::intr_alloc_reset();  // esp_intr_reserve and _mark_shared stay otherwise
        g_calls = nullptr;
        IdfBoard::TearDown();
    }
    void run_us(uint64_t us) { board.run_for(us * kPicosPerUs); }
    void input(int pad, gpio_int_type_t type, bool pull_up) {
        gpio_config_t c = {};
        c.pin_bit_mask = 1ull << pad;
        c.mode = GPIO_MODE_INPUT;
        c.pull_up_en = pull_up ? GPIO_PULLUP_ENABLE : GPIO_PULLUP_DISABLE;
        c.pull_down_en = pull_up ? GPIO_PULLDOWN_DISABLE : GPIO_PULLDOWN_ENABLE;
        c.intr_type = type;
        ASSERT_EQ(gpio_config(&c), ESP_OK);
    }
    intr_handle_t alloc(int source, int flags, intr_handler_t fn, void *arg) {
        intr_handle_t h = nullptr;
        EXPECT_EQ(esp_intr_alloc(source, flags, fn, arg, &h), ESP_OK);
        handles.push_back(h);
        return h;
    }
    void free_handle(intr_handle_t h) {
        EXPECT_EQ(esp_intr_free(h), ESP_OK);
        for (auto &x : handles)
            if (x == h) x = nullptr;
    }

    Calls calls;
    std::vector<intr_handle_t> handles;
};

TEST_F(IdfGpio, AnInputShowsItsPullTheOutsideAndNothingWhenDisabled) {
    input(27, GPIO_INTR_DISABLE, true);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_27), 1);
    // GPIO27 is an RTC pad: its pull-up is RTC_IO_TOUCH_PAD7_REG's RUE (bit 27), not IO_MUX's.
    EXPECT_TRUE(board.read32(RTC_IO_TOUCH_PAD7) & (1u << 27));
    EXPECT_FALSE(board.read32(IO_MUX_GPIO27) & FUN_WPU);
    EXPECT_TRUE(board.read32(IO_MUX_GPIO27) & FUN_IE);
    board.set_pad(27, 0);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_27), 0) << "pressed";
    board.set_pad(27, -1);
    EXPECT_EQ(gpio_set_pull_mode(GPIO_NUM_27, GPIO_PULLDOWN_ONLY), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_27), 0);
    EXPECT_EQ(board.read32(RTC_IO_TOUCH_PAD7) & (3u << 27), 1u << 28);
    EXPECT_EQ(gpio_set_pull_mode(GPIO_NUM_27, GPIO_PULLUP_PULLDOWN), ESP_OK);
    EXPECT_EQ(board.gpio().undriven_level(27), -1) << "both: floats";
    EXPECT_EQ(gpio_set_pull_mode(GPIO_NUM_27, GPIO_FLOATING), ESP_OK);
    EXPECT_EQ(board.read32(RTC_IO_TOUCH_PAD7) & (3u << 27), 0u);

    // A digital pad: IO_MUX FUN_WPU/FUN_WPD.
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_pullup_en(GPIO_NUM_16), ESP_OK);
    EXPECT_EQ(board.read32(IO_MUX_GPIO16) & (FUN_WPU | FUN_WPD), FUN_WPU);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 1);
    EXPECT_EQ(gpio_pulldown_en(GPIO_NUM_16), ESP_OK);
    EXPECT_EQ(gpio_pullup_dis(GPIO_NUM_16), ESP_OK);
    EXPECT_EQ(board.read32(IO_MUX_GPIO16) & (FUN_WPU | FUN_WPD), FUN_WPD);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 0);
    EXPECT_EQ(gpio_pulldown_dis(GPIO_NUM_16), ESP_OK);
    EXPECT_EQ(board.read32(IO_MUX_GPIO16) & (FUN_WPU | FUN_WPD), 0u);

    // An output-only pad reads 0 whatever it drives (input disabled), as ESP-IDF warns.
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_OUTPUT), ESP_OK);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_16, 1), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 0);
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_INPUT_OUTPUT), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 1);
    // Open drain: a 1 lets go, and the pad shows its pull or the outside.
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_INPUT_OUTPUT_OD), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 0) << "let go, no pull";
    board.set_pad(16, 1);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 1);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_16, 0), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_16), 0) << "driven low against the outside";
    board.set_pad(16, -1);

    // 34..39: inputs without pulls.
    EXPECT_EQ(gpio_pullup_en(GPIO_NUM_34), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_pulldown_en(GPIO_NUM_39), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_pullup_dis(GPIO_NUM_34), ESP_OK);
    EXPECT_EQ(gpio_pullup_en(gpio_num_t(24)), ESP_ERR_INVALID_ARG);
    gpio_config_t c = {};
    c.pin_bit_mask = 1ull << 35;
    c.mode = GPIO_MODE_INPUT;
    c.pull_up_en = GPIO_PULLUP_ENABLE;
    EXPECT_EQ(gpio_config(&c), ESP_ERR_INVALID_ARG);
    c.pull_up_en = GPIO_PULLUP_DISABLE;
    EXPECT_EQ(gpio_config(&c), ESP_OK);
    board.set_pad(35, 1);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_35), 1);
}

// Every pad that has pulls, the RTC ones and the digital ones: the register layer's table of
// where each pad's pull bits are agrees with the emulator's own (TRM) table.
TEST_F(IdfGpio, EveryPadsPullsAndHoldReachThePad) {
    for (int pad = 0; pad < 40; pad++) {
        if (pad == 20 || pad == 24 || (pad >= 28 && pad <= 31)) continue;
        ASSERT_EQ(gpio_set_direction(gpio_num_t(pad), GPIO_MODE_INPUT), ESP_OK) << pad;
        if (pad >= 34) {
            EXPECT_EQ(gpio_set_pull_mode(gpio_num_t(pad), GPIO_PULLUP_ONLY), ESP_ERR_INVALID_ARG) << pad;
            continue;
        }
        EXPECT_EQ(gpio_set_pull_mode(gpio_num_t(pad), GPIO_PULLUP_ONLY), ESP_OK) << pad;
        EXPECT_EQ(gpio_get_level(gpio_num_t(pad)), 1) << pad;
        EXPECT_EQ(gpio_set_pull_mode(gpio_num_t(pad), GPIO_PULLDOWN_ONLY), ESP_OK) << pad;
        EXPECT_EQ(board.gpio().undriven_level(pad), 0) << pad;
        EXPECT_EQ(gpio_set_pull_mode(gpio_num_t(pad), GPIO_FLOATING), ESP_OK) << pad;
        EXPECT_EQ(board.gpio().undriven_level(pad), -1) << pad;
        EXPECT_EQ(gpio_hold_en(gpio_num_t(pad)), ESP_OK) << pad;
        EXPECT_TRUE(board.gpio().held(pad)) << pad;
        EXPECT_EQ(gpio_hold_dis(gpio_num_t(pad)), ESP_OK) << pad;
        EXPECT_FALSE(board.gpio().held(pad)) << pad;
        EXPECT_EQ(gpio_reset_pin(gpio_num_t(pad)), ESP_OK) << pad;
    }
}

TEST_F(IdfGpio, GpioConfigSetsTheInterruptTypeAndEnableOfEachPad) {
    input(26, GPIO_INTR_NEGEDGE, true);
    EXPECT_EQ(board.read32(pin_reg(26)), (2u << 7) | PRO_CPU_INT_ENA);
    EXPECT_EQ(gpio_set_intr_type(GPIO_NUM_26, GPIO_INTR_HIGH_LEVEL), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), (5u << 7) | PRO_CPU_INT_ENA);
    EXPECT_EQ(gpio_intr_disable(GPIO_NUM_26), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), 5u << 7);
    EXPECT_EQ(gpio_intr_enable(GPIO_NUM_26), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), (5u << 7) | PRO_CPU_INT_ENA);
    EXPECT_EQ(gpio_set_intr_type(GPIO_NUM_26, GPIO_INTR_MAX), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_intr_enable(gpio_num_t(20)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_reset_pin(GPIO_NUM_26), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), 0u);
    EXPECT_EQ(board.read32(RTC_IO_PAD_DAC2) & (3u << 27), 1u << 27) << "reset: pull-up only";
    // Light-sleep wake-up: a level type and WAKEUP_ENABLE, on the RTC side too for RTC pads
    // (GPIO26 is RTC GPIO 7: RTC_GPIO_PIN7_REG).
    EXPECT_EQ(gpio_wakeup_enable(GPIO_NUM_26, GPIO_INTR_POSEDGE), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_wakeup_enable(GPIO_NUM_26, GPIO_INTR_LOW_LEVEL), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), (4u << 7) | WAKEUP_ENABLE);
    EXPECT_EQ(board.read32(RTC_GPIO_PIN0 + 4 * 7), (4u << 7) | WAKEUP_ENABLE);
    EXPECT_EQ(gpio_wakeup_disable(GPIO_NUM_26), ESP_OK);
    EXPECT_EQ(board.read32(pin_reg(26)), 4u << 7);
    EXPECT_EQ(board.read32(RTC_GPIO_PIN0 + 4 * 7), 0u);
}

TEST_F(IdfGpio, TheIsrServiceRunsEachPadsHandlerFromTheGpioInterrupt) {
    EXPECT_EQ(gpio_isr_handler_add(GPIO_NUM_4, note, nullptr), ESP_ERR_INVALID_STATE) << "no service";
    ASSERT_EQ(gpio_install_isr_service(0), ESP_OK);
    EXPECT_EQ(gpio_install_isr_service(0), ESP_ERR_INVALID_STATE);
    // ESP-IDF's allocator gives a level-1, level-triggered interrupt the PRO CPU may use: the
    // lowest such number in its table is 2.
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 2u);
    input(4, GPIO_INTR_POSEDGE, false);
    input(32, GPIO_INTR_NEGEDGE, true);
    char four[] = "four", thirty_two[] = "thirty-two";
    ASSERT_EQ(gpio_isr_handler_add(GPIO_NUM_4, note, four), ESP_OK);
    ASSERT_EQ(gpio_isr_handler_add(GPIO_NUM_32, note, thirty_two), ESP_OK);
    board.set_pad(4, 1);  // rising
    run_us(5);
    EXPECT_EQ(calls.log, std::vector<std::string>({"four"}));
    board.set_pad(4, 0);  // falling: not this pad's edge
    board.set_pad(32, 0);
    run_us(5);
    EXPECT_EQ(calls.log, std::vector<std::string>({"four", "thirty-two"}));
    EXPECT_TRUE(calls.in_isr) << "handlers run in interrupt context";
    EXPECT_EQ(board.read32(GPIO_STATUS), 0u) << "the service clears what it served";
    // Both pads at once, in pad order.
    board.set_pad(32, 1);
    board.set_pad(4, 1);
    board.set_pad(32, 0);
    run_us(5);
    EXPECT_EQ(calls.log.size(), 4u);
    EXPECT_EQ(calls.log[2], "four");
    EXPECT_EQ(calls.log[3], "thirty-two");
    // A disabled pad interrupt is not served; enabled again, its pending edge is.
    EXPECT_EQ(gpio_intr_disable(GPIO_NUM_4), ESP_OK);
    board.set_pad(4, 0);
    board.set_pad(4, 1);
    run_us(5);
    EXPECT_EQ(calls.log.size(), 4u);
    EXPECT_EQ(gpio_intr_enable(GPIO_NUM_4), ESP_OK);
    run_us(5);
    EXPECT_EQ(calls.log.size(), 5u);
    EXPECT_EQ(gpio_isr_handler_remove(GPIO_NUM_4), ESP_OK);
    board.set_pad(4, 0);
    board.set_pad(4, 1);
    run_us(5);
    EXPECT_EQ(calls.log.size(), 5u) << "removed";
    gpio_uninstall_isr_service();
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 6u) << "freed: the source mapped to interrupt 6, off";
    board.set_pad(32, 1);
    board.set_pad(32, 0);
    run_us(5);
    EXPECT_EQ(calls.log.size(), 5u);
    EXPECT_TRUE(board.faults().empty());
}

// A level interrupt's handler must stop its cause: here it disables its pad's interrupt.
void disable_pad_33(void *arg) {
    ++*static_cast<int *>(arg);
    gpio_intr_disable(GPIO_NUM_33);
}

TEST_F(IdfGpio, ALevelInterruptRunsWhileTheLevelHolds) {
    ASSERT_EQ(gpio_install_isr_service(ESP_INTR_FLAG_LEVEL2), ESP_OK);
    // Level 2, level-triggered, usable on the PRO CPU: 19 is the lowest.
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 19u);
    input(33, GPIO_INTR_LOW_LEVEL, true);
    int n = 0;
    ASSERT_EQ(gpio_isr_handler_add(GPIO_NUM_33, disable_pad_33, &n), ESP_OK);
    run_us(5);
    EXPECT_EQ(n, 0) << "pulled up: high";
    board.set_pad(33, 0);
    run_us(50);
    EXPECT_EQ(n, 1);
    board.set_pad(33, 1);
    EXPECT_EQ(gpio_intr_enable(GPIO_NUM_33), ESP_OK);
    run_us(50);
    EXPECT_EQ(n, 2) << "the level was still there when the service cleared the status: latched again";
    EXPECT_EQ(gpio_intr_enable(GPIO_NUM_33), ESP_OK);
    run_us(50);
    EXPECT_EQ(n, 2) << "cleared while high: for good";
    EXPECT_TRUE(board.faults().empty());
}

// gpio_isr_register: one handler for the whole GPIO interrupt, which finds and clears the pads.
void raw_gpio(void *arg) {
    auto *mask = static_cast<uint32_t *>(arg);
    uint32_t pending = gpio_intr_pending();
    *mask |= pending;
    gpio_intr_ack(pending);
}

TEST_F(IdfGpio, GpioIsrRegisterGivesTheWholeInterruptToOneHandler) {
    EXPECT_EQ(gpio_isr_register(nullptr, nullptr, 0, nullptr), ESP_ERR_INVALID_ARG);
    uint32_t seen = 0;
    gpio_isr_handle_t h = nullptr;
    ASSERT_EQ(gpio_isr_register(raw_gpio, &seen, ESP_INTR_FLAG_LEVEL3, &h), ESP_OK);
    handles.push_back(h);
    EXPECT_EQ(esp_intr_get_intno(h), 23)
        << "the lowest level-3 level-triggered interrupt the PRO CPU may use";
    EXPECT_EQ(esp_intr_get_cpu(h), 0);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 23u);
    input(13, GPIO_INTR_ANYEDGE, false);
    board.set_pad(13, 1);
    run_us(5);
    EXPECT_EQ(seen, 1u << 13);
    // A second non-shared allocation of the same source finds no interrupt (ESP-IDF's rule).
    gpio_isr_handle_t h2 = nullptr;
    EXPECT_EQ(gpio_isr_register(raw_gpio, &seen, 0, &h2), ESP_ERR_NOT_FOUND);
    EXPECT_EQ(gpio_install_isr_service(0), ESP_ERR_NOT_FOUND);
    EXPECT_EQ(gpio_install_isr_service(0), ESP_ERR_NOT_FOUND) << "nothing kept by the failure";
}

struct Shared {
    int calls = 0;
    static void isr(void *arg) {
        static_cast<Shared *>(arg)->calls++;
        gpio_intr_ack(gpio_intr_pending());
    }
};

TEST_F(IdfGpio, TheAllocatorSharesFreesEnablesAndDisables) {
    Shared a, b, c;
    intr_handle_t ha = alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_SHARED, Shared::isr, &a);
    const int shared_int = esp_intr_get_intno(ha);
    EXPECT_EQ(shared_int, 2) << "shared: level 1 by default";
    // A second shared handler of the same source joins it; one with a status register runs
    // only when the register shows its bit (GPIO_PCPU_INT, pad 14).
    intr_handle_t hb = nullptr;
    ASSERT_EQ(esp_intr_alloc_intrstatus(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_SHARED, GPIO_PCPU_INT, 1u << 14,
                                        Shared::isr, &b, &hb),
              ESP_OK);
    handles.push_back(hb);
    EXPECT_EQ(esp_intr_get_intno(hb), shared_int);
    input(12, GPIO_INTR_POSEDGE, false);
    input(14, GPIO_INTR_POSEDGE, false);
    board.set_pad(12, 1);
    run_us(5);
    EXPECT_EQ(a.calls, 1);
    EXPECT_EQ(b.calls, 0) << "its status bit was not set";
    board.set_pad(14, 1);
    run_us(5);
    EXPECT_EQ(b.calls, 1) << "newest first: b saw pad 14 before a cleared it";
    EXPECT_EQ(a.calls, 2);
    // Disabling one of two handlers of a source leaves the source connected for the other.
    EXPECT_EQ(esp_intr_disable(hb), ESP_OK);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), uint32_t(shared_int));
    board.set_pad(14, 0);
    board.set_pad(14, 1);
    run_us(5);
    EXPECT_EQ(b.calls, 1);
    EXPECT_EQ(a.calls, 3);
    EXPECT_EQ(esp_intr_disable(ha), ESP_OK);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 6u) << "all off: disconnected";
    EXPECT_EQ(esp_intr_enable(hb), ESP_OK);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), uint32_t(shared_int));
    free_handle(ha);
    free_handle(hb);
    EXPECT_EQ(esp_intr_get_intno(ha), -1) << "freed";
    EXPECT_EQ(esp_intr_enable(ha), ESP_ERR_INVALID_ARG);

    // Non-shared: the lowest level among those asked for; edge-triggered when asked.
    intr_handle_t hc = alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_EDGE, Shared::isr, &c);
    EXPECT_EQ(esp_intr_get_intno(hc), 10) << "the only low/medium edge-triggered one the PRO CPU may use";
    board.set_pad(12, 0);
    board.set_pad(12, 1);
    run_us(5);
    EXPECT_EQ(c.calls, 1);
    free_handle(hc);
    intr_handle_t hd =
        alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_INTRDISABLED | ESP_INTR_FLAG_LEVEL2, Shared::isr, &c);
    EXPECT_EQ(esp_intr_get_intno(hd), 19);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 6u) << "allocated disabled";
    free_handle(hd);

    // Reserved and shared-marked interrupts are passed over.
    EXPECT_EQ(esp_intr_reserve(2, 0), ESP_OK);
    EXPECT_EQ(esp_intr_mark_shared(3, 0, false), ESP_OK);
    intr_handle_t he = alloc(ETS_GPIO_INTR_SOURCE, 0, Shared::isr, &c);
    EXPECT_EQ(esp_intr_get_intno(he), 9);
    free_handle(he);
    intr_handle_t hf = alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_SHARED, Shared::isr, &c);
    EXPECT_EQ(esp_intr_get_intno(hf), 3) << "the interrupt marked shared";
    free_handle(hf);
    EXPECT_EQ(esp_intr_mark_shared(32, 0, false), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_reserve(0, 2), ESP_ERR_INVALID_ARG);

    // What ESP-IDF refuses, and what the emulated CPU does not have.
    intr_handle_t h = nullptr;
    EXPECT_EQ(esp_intr_alloc(69, 0, Shared::isr, &c, &h), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(
        esp_intr_alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_SHARED | ESP_INTR_FLAG_EDGE, Shared::isr, &c, &h),
        ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_LEVEL4, Shared::isr, &c, &h),
              ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_SHARED, nullptr, nullptr, &h),
              ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_alloc_intrstatus(ETS_GPIO_INTR_SOURCE, 0, GPIO_PCPU_INT, 0, Shared::isr, &c, &h),
              ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_alloc(ETS_INTERNAL_TIMER1_INTR_SOURCE, 0, Shared::isr, &c, &h), ESP_ERR_NOT_SUPPORTED);
    EXPECT_EQ(esp_intr_alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_LEVEL6, nullptr, nullptr, &h),
              ESP_ERR_NOT_FOUND)
        << "no level-6 interrupt";
    EXPECT_EQ(esp_intr_get_cpu(nullptr), -1);
    EXPECT_EQ(esp_intr_disable(reinterpret_cast<intr_handle_t>(&c)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_intr_set_in_iram(nullptr, true), ESP_ERR_INVALID_ARG);
}

TEST_F(IdfGpio, NonIramInterruptsAreOffWhileTheFlashCacheWouldBe) {
    Shared a;
    intr_handle_t h = alloc(ETS_GPIO_INTR_SOURCE, ESP_INTR_FLAG_LEVEL1, Shared::isr, &a);
    input(15, GPIO_INTR_POSEDGE, false);
    esp_intr_noniram_disable();
    board.set_pad(15, 1);
    run_us(5);
    EXPECT_EQ(a.calls, 0);
    esp_intr_noniram_enable();
    run_us(5);
    EXPECT_EQ(a.calls, 1);
    EXPECT_EQ(esp_intr_set_in_iram(h, true), ESP_OK);
    esp_intr_noniram_disable();
    board.set_pad(15, 0);
    board.set_pad(15, 1);
    run_us(5);
    EXPECT_EQ(a.calls, 2) << "in IRAM: stays on";
    esp_intr_noniram_enable();
}

// The ROM's way: the matrix by hand, a CPU interrupt's handler, INTENABLE, PS.INTLEVEL.
void rom_isr(void *arg) {
    ++*static_cast<int *>(arg);
    gpio_intr_ack(gpio_intr_pending());
}

TEST_F(IdfGpio, RomInterruptFunctionsDriveTheMatrixAndTheCpu) {
    int n = 0;
    intr_matrix_set(0, ETS_GPIO_INTR_SOURCE, 17);
    EXPECT_EQ(board.read32(DPORT_PRO_GPIO_MAP), 17u);
    ets_isr_attach(17, rom_isr, &n);
    input(2, GPIO_INTR_POSEDGE, false);
    board.set_pad(2, 1);
    run_us(5);
    EXPECT_EQ(n, 0) << "interrupt 17 not unmasked";
    ets_isr_unmask(1u << 17);
    run_us(5);
    EXPECT_EQ(n, 1);
    ets_intr_lock();
    board.set_pad(2, 0);
    board.set_pad(2, 1);
    run_us(5);
    EXPECT_EQ(n, 1) << "locked out";
    ets_intr_unlock();
    run_us(5);
    EXPECT_EQ(n, 2);
    ets_isr_mask(1u << 17);
    board.set_pad(2, 0);
    board.set_pad(2, 1);
    run_us(5);
    EXPECT_EQ(n, 2);
    ets_isr_unmask(1u << 17);
    const auto t0 = board.now();
    ets_waiti0();  // served the pending edge
    EXPECT_EQ(n, 3);
    EXPECT_LE(board.now() - t0, 20 * kPicosPerUs);
    ets_isr_mask(1u << 17);
    ets_isr_attach(17, nullptr, nullptr);
    intr_matrix_set(0, ETS_GPIO_INTR_SOURCE, 6);
}

TEST_F(IdfGpio, DriveStrengthLivesInIoMuxOrRtcIo) {
    gpio_drive_cap_t cap = GPIO_DRIVE_CAP_0;
    EXPECT_EQ(gpio_get_drive_capability(GPIO_NUM_16, &cap), ESP_OK);
    EXPECT_EQ(cap, GPIO_DRIVE_CAP_2) << "the reset value";
    for (gpio_drive_cap_t s : {GPIO_DRIVE_CAP_0, GPIO_DRIVE_CAP_1, GPIO_DRIVE_CAP_3}) {
        EXPECT_EQ(gpio_set_drive_capability(GPIO_NUM_16, s), ESP_OK);
        EXPECT_EQ((board.read32(IO_MUX_GPIO16) >> 10) & 3u, uint32_t(s));
        EXPECT_EQ(gpio_set_drive_capability(GPIO_NUM_27, s), ESP_OK);
        EXPECT_EQ((board.read32(RTC_IO_TOUCH_PAD7) >> 29) & 3u, uint32_t(s));
        EXPECT_EQ(gpio_get_drive_capability(GPIO_NUM_27, &cap), ESP_OK);
        EXPECT_EQ(cap, s);
    }
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_OUTPUT), ESP_OK);
    EXPECT_EQ((board.read32(IO_MUX_GPIO16) >> 10) & 3u, 3u) << "kept across a direction change";
    EXPECT_EQ(gpio_set_drive_capability(GPIO_NUM_34, GPIO_DRIVE_CAP_1), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_set_drive_capability(GPIO_NUM_16, GPIO_DRIVE_CAP_MAX), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(gpio_get_drive_capability(GPIO_NUM_16, nullptr), ESP_ERR_INVALID_ARG);
    gpio_pad_set_drv(16, 1);
    EXPECT_EQ((board.read32(IO_MUX_GPIO16) >> 10) & 3u, 1u);
}

TEST_F(IdfGpio, HoldKeepsTheOutputLevel) {
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_17, GPIO_MODE_INPUT_OUTPUT), ESP_OK);
    ASSERT_EQ(gpio_set_level(GPIO_NUM_17, 1), ESP_OK);
    ASSERT_EQ(gpio_hold_en(GPIO_NUM_17), ESP_OK);
    EXPECT_EQ(board.read32(RTC_IO_DIG_PAD_HOLD), 1u << 10) << "GPIO17's bit in ESP-IDF's GPIO_HOLD_MASK";
    EXPECT_EQ(gpio_set_level(GPIO_NUM_17, 0), ESP_OK);
    EXPECT_EQ(gpio_set_direction(GPIO_NUM_17, GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_17), 1) << "held high";
    EXPECT_EQ(gpio_hold_dis(GPIO_NUM_17), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_17), 0) << "let go: an input without pull";
    // An RTC pad: its RTC_IO hold bit and RTC_CNTL's force-hold bit (GPIO26: PDAC2, bit 3).
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_26, GPIO_MODE_INPUT_OUTPUT), ESP_OK);
    ASSERT_EQ(gpio_set_level(GPIO_NUM_26, 0), ESP_OK);
    ASSERT_EQ(gpio_hold_en(GPIO_NUM_26), ESP_OK);
    EXPECT_TRUE(board.read32(RTC_IO_PAD_DAC2) & (1u << 29));
    EXPECT_EQ(board.read32(RTC_CNTL_HOLD_FORCE), 1u << 3);
    EXPECT_EQ(gpio_set_level(GPIO_NUM_26, 1), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_26), 0);
    EXPECT_EQ(gpio_hold_dis(GPIO_NUM_26), ESP_OK);
    EXPECT_EQ(gpio_get_level(GPIO_NUM_26), 1);
    EXPECT_EQ(board.read32(RTC_CNTL_HOLD_FORCE), 0u);
    EXPECT_EQ(gpio_hold_en(GPIO_NUM_36), ESP_ERR_NOT_SUPPORTED) << "no output";
    gpio_pad_hold(17);
    EXPECT_EQ(board.read32(RTC_IO_DIG_PAD_HOLD), 1u << 10);
    gpio_pad_unhold(17);
    EXPECT_EQ(board.read32(RTC_IO_DIG_PAD_HOLD), 0u);
    gpio_deep_sleep_hold_en();
    EXPECT_TRUE(board.read32(RTC_CNTL_DIG_ISO) & (1u << 11));
    gpio_deep_sleep_hold_dis();
    EXPECT_FALSE(board.read32(RTC_CNTL_DIG_ISO) & (1u << 11));
}

TEST_F(IdfGpio, RomMatrixAndPadFunctions) {
    // Output signal 256 (GPIO_OUT) inverted on pad 16: the pad shows the opposite of its bit.
    gpio_pad_select_gpio(16);
    gpio_matrix_out(16, 256, true, false);
    EXPECT_EQ(board.read32(GPIO_FUNC0_OUT_SEL + 4 * 16), 256u | (1u << 9));
    gpio_output_set(0, 1u << 16, 0, 0);
    auto r = board.gpio().route(16);
    EXPECT_EQ(r.kind, upanel::emu::PadRoute::kLevel);
    EXPECT_TRUE(r.level) << "a 0 inverted";
    gpio_matrix_out(16, 256, false, false);
    EXPECT_EQ(board.gpio().route(16).kind, upanel::emu::PadRoute::kLevel);
    EXPECT_FALSE(board.gpio().route(16).level);
    gpio_output_set(1u << 16, 0, 0, 0);
    EXPECT_TRUE(board.gpio().route(16).level);
    gpio_output_set(0, 0, 0, 1u << 16);
    EXPECT_EQ(board.gpio().route(16).kind, upanel::emu::PadRoute::kFloating) << "output disabled";
    gpio_output_set_high(0, 0, 1u << 1, 0);  // enable pad 33
    gpio_pad_select_gpio(33);
    gpio_output_set_high(1u << 1, 0, 0, 0);
    EXPECT_TRUE(board.gpio().route(33).level);
    // Input signal 64 from pad 15, inverted, through the matrix (SIG_IN_SEL).
    gpio_matrix_in(15, 64, true);
    EXPECT_EQ(board.read32(GPIO_FUNC0_IN_SEL + 4 * 64), 15u | (1u << 6) | (1u << 7));
    gpio_matrix_in(0x38, 65, false);  // a constant 1
    EXPECT_EQ(board.read32(GPIO_FUNC0_IN_SEL + 4 * 65), 0x38u | (1u << 7));
    gpio_iomux_in(15, 64);
    EXPECT_EQ(board.read32(GPIO_FUNC0_IN_SEL + 4 * 64), 15u | (1u << 6)) << "straight from the IO_MUX";
    // Pulls, both kinds of pad; input levels and pending interrupts through the ROM.
    gpio_pad_pullup(15);  // RTC pad (TOUCH_PAD3)
    EXPECT_EQ(board.read32(0x3FF484A0) & (3u << 27), 1u << 27);
    gpio_pad_pulldown(15);
    EXPECT_EQ(board.read32(0x3FF484A0) & (3u << 27), 1u << 28);
    gpio_pad_pullup(16);
    EXPECT_EQ(board.read32(IO_MUX_GPIO16) & (FUN_WPU | FUN_WPD), FUN_WPU);
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_16, GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_input_get() & (1u << 16), 1u << 16);
    board.set_pad(39, 1);
    ASSERT_EQ(gpio_set_direction(GPIO_NUM_39, GPIO_MODE_INPUT), ESP_OK);
    EXPECT_EQ(gpio_input_get_high(), 1u << 7);
    ASSERT_EQ(gpio_set_intr_type(GPIO_NUM_39, GPIO_INTR_NEGEDGE), ESP_OK);
    board.set_pad(39, 0);
    EXPECT_EQ(gpio_intr_pending_high(), 1u << 7);
    gpio_intr_ack_high(1u << 7);
    EXPECT_EQ(gpio_intr_pending_high(), 0u);
    gpio_pin_wakeup_enable(16, GPIO_PIN_INTR_HILEVEL);
    EXPECT_EQ(board.read32(pin_reg(16)), (5u << 7) | WAKEUP_ENABLE);
    gpio_pin_wakeup_disable();
    EXPECT_EQ(board.read32(pin_reg(16)), 5u << 7);
    EXPECT_EQ(gpio_intr_pending() & (1u << 16), 1u << 16) << "the high level set its status";
    gpio_intr_ack(1u << 16);
    gpio_set_intr_type(GPIO_NUM_16, GPIO_INTR_DISABLE);
    gpio_intr_ack(1u << 16);
    EXPECT_EQ(gpio_intr_pending(), 0u);
    // Pads that do not exist: logged, nothing written.
    gpio_matrix_out(24, 256, false, false);
    gpio_matrix_out(34, 256, false, false);  // input only
    EXPECT_EQ(board.read32(GPIO_FUNC0_OUT_SEL + 4 * 34), 256u);
    gpio_pad_pullup(36);
    EXPECT_TRUE(board.faults().empty());
}

}  // namespace
