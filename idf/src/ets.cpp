// The ROM's system functions: the CPU frequency the ROM's busy wait counts with, printing
// through putc1/putc2, software timers on a timer group's alarm, and the ROM functions that
// have no meaning once an application runs.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "esp_intr_alloc.h"
#include "esp_log.h"
#include "rom/ets_sys.h"

#include "emulated_time.h"
#include "isr_context.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/rtc_cntl_ll.h"
#include "upanel/ll/timg_ll.h"

using namespace upanel;

namespace {

const char *const kTag = "ets";
constexpr uint32_t kCpuMhz = 240;  // what the emulated CPU runs at (esp_clk_cpu_freq)

uint32_t g_ticks_per_us = kCpuMhz;

}  // namespace

// ---- The CPU frequency and the busy wait -------------------------------------------------

// The ROM counts us * ticks_per_us CPU cycles; the CPU makes kCpuMhz of them a microsecond.
extern "C" void ets_delay_us(uint32_t us) {
    if (idf::in_isr() || !ll::bus_ready()) return;
    idf::wait_us((uint64_t(us) * g_ticks_per_us + kCpuMhz - 1) / kCpuMhz);
}

extern "C" void ets_update_cpu_frequency(uint32_t ticks_per_us) { g_ticks_per_us = ticks_per_us; }
extern "C" void ets_update_cpu_frequency_rom(uint32_t ticks_per_us) { g_ticks_per_us = ticks_per_us; }
extern "C" uint32_t ets_get_cpu_frequency(void) { return g_ticks_per_us; }
extern "C" uint32_t ets_get_xtal_scale(void) {
    return uint32_t(uint64_t(ll::kXtalHz) * 256 / ll::kRtcFast8mHz);
}
extern "C" uint32_t ets_get_detected_xtal_freq(void) { return ll::kXtalHz; }

// ---- Printing ------------------------------------------------------------------------------

namespace {
void (*g_putc1)(char) = ets_write_char_uart;
void (*g_putc2)(char) = nullptr;
}  // namespace

extern "C" void ets_write_char_uart(char c) {
    std::fputc(static_cast<unsigned char>(c), stdout);
    if (c == '\n') std::fflush(stdout);
}

extern "C" void ets_install_putc1(void (*p)(char c)) { g_putc1 = p; }
extern "C" void ets_install_putc2(void (*p)(char c)) { g_putc2 = p; }
extern "C" void ets_install_uart_printf(void) { g_putc1 = ets_write_char_uart; }

extern "C" int ets_printf(const char *fmt, ...) {
    if (!fmt) return 0;
    va_list ap;
    va_start(ap, fmt);
    va_list again;
    va_copy(again, ap);
    // Into a buffer first (the firmware's own vsnprintf does not take a NULL one), a bigger
    // one when the text does not fit.
    std::vector<char> text(256);
    const int n = std::vsnprintf(text.data(), text.size(), fmt, ap);
    va_end(ap);
    if (n >= 0 && size_t(n) >= text.size()) {
        text.resize(size_t(n) + 1);
        std::vsnprintf(text.data(), text.size(), fmt, again);
    }
    va_end(again);
    if (n < 0) return n;
    for (int i = 0; i < n; i++) {
        if (g_putc1) g_putc1(text[size_t(i)]);
        if (g_putc2) g_putc2(text[size_t(i)]);
    }
    std::fflush(stdout);
    return n;
}

// ---- What the ROM does before an application runs -------------------------------------------

namespace {
void not_for_applications(const char *what) {
    ESP_LOGE(kTag, "%s: the ROM's own, before FreeRTOS and the application run; not done", what);
}
}  // namespace

extern "C" void ets_run(void) { not_for_applications("ets_run"); }
extern "C" void ets_set_idle_cb(ets_idle_cb_t, void *) { not_for_applications("ets_set_idle_cb"); }
extern "C" void ets_task(ETSTask, uint8_t, ETSEvent *, uint8_t) { not_for_applications("ets_task"); }
extern "C" ETS_STATUS ets_post(uint8_t, ETSSignal, ETSParam) { return ETS_FAILED; }
extern "C" void ets_set_user_start(uint32_t) { not_for_applications("ets_set_user_start"); }
extern "C" void ets_set_startup_callback(void (*)(void)) { not_for_applications("ets_set_startup_callback"); }
extern "C" void ets_set_appcpu_boot_addr(uint32_t) { not_for_applications("ets_set_appcpu_boot_addr"); }
extern "C" ETS_STATUS ets_unpack_flash_code_legacy(uint32_t, uint32_t *, bool, bool) { return ETS_FAILED; }
extern "C" ETS_STATUS ets_unpack_flash_code(uint32_t, uint32_t *, bool, bool, bool) { return ETS_FAILED; }

// ---- Software timers -----------------------------------------------------------------------
//
// The armed timers, soonest first, on TIMG0's timer 0 counting microseconds (APB / 80) from
// the board's time; its alarm is the soonest expiry and its interrupt runs what expired.

namespace {

constexpr int kGroup = 0, kTimer = 0;
constexpr uint32_t kDivider = ll::kApbHz / 1'000'000;

struct Armed {
    ETSTimer *timer;
    uint64_t expire, period;  // microseconds of the timer's count
};

std::vector<Armed> g_armed;
intr_handle_t g_intr = nullptr;
const void *g_board = nullptr;  // the board the service was started on

bool started() {
    // A new board (tests make one each; it may sit where the last one was): its timer is
    // not counting. Start again.
    if (g_board && (g_board != &ll::host() || !ll::timg_running(kGroup, kTimer))) {
        g_armed.clear();
        g_intr = nullptr;
        g_board = nullptr;
    }
    return g_board != nullptr;
}

uint64_t now_us() { return ll::timg_count(kGroup, kTimer); }

// The ROM's view of the list: timer_next links the armed timers soonest first.
void relink() {
    for (size_t i = 0; i < g_armed.size(); i++) {
        ETSTimer *t = g_armed[i].timer;
        t->timer_next = i + 1 < g_armed.size() ? g_armed[i + 1].timer : nullptr;
        t->timer_expire = uint32_t(g_armed[i].expire);
        t->timer_period = uint32_t(g_armed[i].period);
    }
}

void program_alarm() {
    relink();
    if (g_armed.empty()) {
        ll::timg_clear_alarm(kGroup, kTimer);
        return;
    }
    // An alarm behind the count would only come after the counter wraps: set it just ahead.
    ll::timg_set_alarm(kGroup, kTimer, std::max(g_armed.front().expire, now_us() + 2));
}

void insert(const Armed &a) {
    auto at = std::upper_bound(g_armed.begin(), g_armed.end(), a.expire,
                               [](uint64_t e, const Armed &x) { return e < x.expire; });
    g_armed.insert(at, a);
}

bool remove(ETSTimer *t) {
    for (size_t i = 0; i < g_armed.size(); i++) {
        if (g_armed[i].timer != t) continue;
        g_armed.erase(g_armed.begin() + long(i));
        t->timer_next = nullptr;
        return true;
    }
    return false;
}

// The timer's interrupt: each timer that has expired runs once (a periodic one is armed for
// its next period first, and if that has passed too, runs again at the next interrupt).
void timer_isr(void *) {
    ll::timg_intr_clear(kGroup, kTimer);
    const uint64_t now = now_us();
    std::vector<ETSTimer *> due;
    for (const Armed &a : g_armed)
        if (a.expire <= now) due.push_back(a.timer);
    for (ETSTimer *t : due) {
        auto it = std::find_if(g_armed.begin(), g_armed.end(), [&](const Armed &a) { return a.timer == t; });
        if (it == g_armed.end() || it->expire > now) continue;  // disarmed or re-armed meanwhile
        Armed a = *it;
        remove(t);
        if (a.period) {
            a.expire += a.period;
            insert(a);
        }
        relink();
        if (t->timer_func) t->timer_func(t->timer_arg);
    }
    program_alarm();
}

bool start() {
    if (started()) return true;
    if (!ll::bus_ready()) return false;
    ll::dport_periph_enable(ll::kTimgDportBit[kGroup]);
    ll::timg_start(kGroup, kTimer, kDivider, ll::time_us());
    if (esp_intr_alloc(ll::kIrqTimgLevel[kGroup][kTimer], 0, timer_isr, nullptr, &g_intr) != ESP_OK) {
        ESP_LOGE(kTag, "ETS timers: no CPU interrupt left for TIMG0's timer 0");
        ll::timg_stop(kGroup, kTimer);
        return false;
    }
    g_board = &ll::host();
    return true;
}

void arm(ETSTimer *t, uint64_t us, bool repeat) {
    if (!t) return;
    if (!t->timer_func) {
        ESP_LOGE(kTag, "ets_timer_arm: the timer has no function (ets_timer_setfn first)");
        return;
    }
    if (repeat && us == 0) {
        ESP_LOGE(kTag, "ets_timer_arm: a period of 0 would run for ever");
        return;
    }
    if (!start()) return;
    remove(t);
    insert({t, now_us() + us, repeat ? us : 0});
    program_alarm();
}

}  // namespace

extern "C" void ets_timer_init(void) {}
extern "C" void ets_timer_deinit(void) {}

extern "C" void ets_timer_arm(ETSTimer *timer, uint32_t tmout, bool repeat) {
    arm(timer, uint64_t(tmout) * 1000, repeat);
}

extern "C" void ets_timer_arm_us(ETSTimer *ptimer, uint32_t us, bool repeat) { arm(ptimer, us, repeat); }

extern "C" void ets_timer_disarm(ETSTimer *timer) {
    if (!timer || !started()) return;
    if (remove(timer)) program_alarm();
}

extern "C" void ets_timer_setfn(ETSTimer *ptimer, ETSTimerFunc *pfunction, void *parg) {
    if (!ptimer) return;
    ets_timer_disarm(ptimer);
    ptimer->timer_func = pfunction;
    ptimer->timer_arg = parg;
}

extern "C" void ets_timer_done(ETSTimer *ptimer) {
    if (!ptimer) return;
    ets_timer_disarm(ptimer);
    ptimer->timer_func = nullptr;
    ptimer->timer_arg = nullptr;
    ptimer->timer_next = nullptr;
    ptimer->timer_expire = ptimer->timer_period = 0;
}
