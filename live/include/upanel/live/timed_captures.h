// PNG pictures of a display taken when virtual time reaches a chosen moment while the script
// goes on (esp32sim.save_png(..., at_ms=)). Each one is a call the board makes at that time,
// so it is taken then exactly, even inside a driver's wait; its file is written then.
#pragma once
#include <deque>
#include <functional>
#include <string>

#include "upanel/emu/board.h"
#include "upanel/emu/display_picture.h"

namespace upanel::live {

class TimedCaptures {
  public:
    enum class State { kPending, kSaved, kFailed };
    struct Capture {
        emu::Display display = emu::Display::kHub75;
        std::string path;
        emu::Picos at = 0;
        int scale = 1;
        bool leds = false;
        State state = State::kPending;
        emu::Picos taken = 0;  // virtual time it was taken at
        std::string error;     // what went wrong writing it
    };

    // Takes c at once when c.at is not after b.now(), else when time gets there. Returns the
    // capture as it stands (taken, failed or pending).
    const Capture &schedule(emu::Board &b, Capture c);
    // Every capture scheduled, in the order given.
    const std::deque<Capture> &captures() const { return captures_; }
    // Called each time a capture is taken and none is left pending (empty: nothing).
    std::function<void()> when_all_taken;

  private:
    void take(emu::Board &b, Capture &c);

    std::deque<Capture> captures_;  // a deque: the board's calls keep pointers into it
};

// The host firmware's, like default_session().
TimedCaptures &default_timed_captures();

}  // namespace upanel::live
