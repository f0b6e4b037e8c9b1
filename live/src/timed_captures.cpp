#include "upanel/live/timed_captures.h"

namespace upanel::live {

const TimedCaptures::Capture &TimedCaptures::schedule(emu::Board &b, Capture c) {
    captures_.push_back(std::move(c));
    Capture &mine = captures_.back();
    if (mine.at <= b.now()) take(b, mine);
    else b.call_at(mine.at, [this, &b, &mine] { take(b, mine); });
    return mine;
}

void TimedCaptures::take(emu::Board &b, Capture &c) {
    c.taken = b.now();
    c.error = emu::write_png(c.path, emu::display_picture(b, c.display, c.scale, c.leds));
    c.state = c.error.empty() ? State::kSaved : State::kFailed;
    for (const Capture &other : captures_)
        if (other.state == State::kPending) return;
    if (when_all_taken) when_all_taken();
}

TimedCaptures &default_timed_captures() {
    static TimedCaptures captures;
    return captures;
}

}  // namespace upanel::live
