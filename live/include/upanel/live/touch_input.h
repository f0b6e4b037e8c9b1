// Touches the live view's page sends (mouse pressed, dragged, released on the TFT picture):
// posted by the server's threads, taken by the emulator's thread between slices, which
// touches the board's glass with them. The only thing the server hands to the emulator.
#pragma once
#include <mutex>
#include <vector>

namespace upanel::live {

class TouchInput {
  public:
    struct Event {
        bool down = false;  // touched at (x, y), or let go
        int x = 0, y = 0;   // panel pixel
    };
    void post(const Event &e) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (events_.size() < kMaxPending) events_.push_back(e);
    }
    std::vector<Event> take() {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<Event> out;
        out.swap(events_);
        return out;
    }

  private:
    static constexpr size_t kMaxPending = 1024;  // a page flooding a stalled emulator
    std::mutex mutex_;
    std::vector<Event> events_;
};

}  // namespace upanel::live
