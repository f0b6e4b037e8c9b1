// The one place the emulator thread and the live view's server thread share: the emulator
// publishes whole snapshots, the server takes the latest. Neither waits on the other for
// longer than a pointer swap.
#pragma once
#include <memory>
#include <mutex>

#include "upanel/live/snapshot.h"

namespace upanel::live {

class SnapshotStore {
  public:
    void publish(Snapshot s) {
        std::lock_guard<std::mutex> lock(mutex_);
        s.seq = ++seq_;
        latest_ = std::make_shared<const Snapshot>(std::move(s));  // moves buffers, copies none
    }
    std::shared_ptr<const Snapshot> latest() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return latest_;
    }

  private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Snapshot> latest_;
    uint64_t seq_ = 0;
};

}  // namespace upanel::live
