// Virtual time: the peripherals run to a deadline, stopping where an interrupt is raised or an
// SPI transaction ends, and calls scheduled for a moment run when it comes.
#include "upanel/emu/board.h"

#include <algorithm>

namespace upanel::emu {

namespace {
constexpr Picos kIdleQuantum = 20 * kPicosPerUs;
}  // namespace

// Runs the peripherals to t, stopping early when one raises an interrupt or ends an SPI
// transaction, and serves the interrupts. Returns whether a handler ran or a transaction
// ended (what a polling driver waits for). The CPU may have written DMA memory since time
// last ran, which check_shown_data() looks for before and after.
bool Board::step(Picos t, bool cpu_may_write) {
    if (cpu_may_write) check_shown_data();
    // An interrupt the CPU raised meanwhile (enabling one whose condition holds) is served
    // now, before time moves on.
    if (dispatch_interrupts()) {
        check_shown_data();
        return true;
    }
    if (!calls_at_.empty()) t = std::min(t, std::max(calls_at_.begin()->first, now_));
    // Stop early where a unit raised an interrupt or ended a transfer during this step; an
    // old, unserved condition (no handler attached) must not hold time still.
    const Picos start = now_;
    Picos reached = t;
    for (I2s *unit : {&i2s0_, &i2s1_}) {
        Picos u = unit->run(t, *this);
        if (unit->irq() && u > start && u < reached) reached = u;
    }
    bool ended = false;
    for (Spi *unit : {&spi2_, &spi3_}) {
        Picos u = unit->run(t, *this);
        if (u <= start) continue;
        if (unit->finished()) ended = true;
        if ((unit->finished() || unit->irq() || unit->dma_irq()) && u < reached) reached = u;
    }
    // The timer groups stop at their alarms: each alarm's interrupt is served at its time.
    for (Timg *unit : {&timg0_, &timg1_}) {
        if (!dport_.usable(unit->dport_bit())) continue;
        Picos u = unit->run(reached);
        if (u < reached) reached = u;
    }
    now_ = reached > now_ ? reached : now_;
    if (hub75_) hub75_->hold_until(now_);
    call_due();
    bool served = dispatch_interrupts();
    if (served || cpu_may_write) check_shown_data();  // handlers write DMA memory too
    return served || ended;
}

void Board::call_at(Picos t, std::function<void()> fn) { calls_at_.emplace(t, std::move(fn)); }

Picos Board::next_timer_alarm() const {
    Picos next = Timg::kNever;
    for (const Timg *unit : {&timg0_, &timg1_})
        if (dport_.usable(unit->dport_bit())) next = std::min(next, unit->next_alarm());
    return next;
}

// Each call leaves the list before it runs, so it may schedule another.
void Board::call_due() {
    while (!calls_at_.empty() && calls_at_.begin()->first <= now_) {
        std::function<void()> fn = std::move(calls_at_.begin()->second);
        calls_at_.erase(calls_at_.begin());
        fn();
    }
}

void Board::run_until(Picos t) {
    while (now_ < t) step(t);
}

// A waiting CPU writes no DMA memory: DMA data is checked once, not at every step.
void Board::idle() {
    Picos end = now_ + kIdleQuantum;
    check_shown_data();
    while (now_ < end)
        if (step(end, false)) break;
}

}  // namespace upanel::emu
