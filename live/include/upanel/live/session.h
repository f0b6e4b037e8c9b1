// How the host firmware watches its board while a script runs: the live view's server, the
// real-time pace and an animated recording. All of it hooks into one place, running virtual
// time: with any of them on, time runs in short slices, and between slices the session
// publishes a snapshot (at most kPublishPeriod apart in wall time), captures a recording
// frame when its virtual time has come, sleeps to keep pace with the wall clock, and applies
// the touches the page sent (mouse on the TFT picture) to the board's touch panel.
// Everything here runs on the emulator's thread except the server's handlers.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "upanel/emu/board.h"
#include "upanel/live/gif_recorder.h"
#include "upanel/live/live_server.h"
#include "upanel/live/realtime_pacer.h"
#include "upanel/live/snapshot_store.h"

namespace upanel::live {

class Session {
  public:
    static constexpr emu::Picos kSlice = 2 * emu::kPicosPerMs;
    static constexpr auto kPublishPeriod = std::chrono::milliseconds(15);

    // Runs the board for d; stops early (returning false) when interrupted() says so.
    bool run_for(emu::Board &b, emu::Picos d, const std::function<bool()> &interrupted = {});

    // The URL, or "" with err filled.
    std::string serve(emu::Board &b, int port, LiveServer::Error &err);
    void stop_serving() { server_.reset(); }
    bool serving() const { return server_ != nullptr; }
    const SnapshotStore &store() const { return store_; }

    void set_realtime(emu::Board &b, bool on);
    bool realtime() const { return realtime_; }

    // Starts recording device to an animated GIF for `seconds` of virtual time; "" or an error.
    std::string record(emu::Board &b, const std::string &device, const std::string &path, double seconds,
                       int fps, int scale, bool leds);
    // Ends a recording early (it also ends by itself); "" or an error. frames: how many.
    std::string stop_recording(size_t &frames);
    bool recording() const { return gif_.is_open(); }
    // The outcome of the last recording that ended by itself ("" when it went well).
    const std::string &record_error() const { return record_error_; }

  private:
    void between_slices(emu::Board &b, bool force_publish);
    void publish(emu::Board &b);
    void capture(emu::Board &b);

    SnapshotStore store_;
    TouchInput touches_;
    std::unique_ptr<LiveServer> server_;
    std::chrono::steady_clock::time_point last_publish_{};
    std::chrono::steady_clock::time_point speed_wall_{};
    emu::Picos speed_virt_ = 0;
    double speed_ = 0;

    bool realtime_ = false;
    RealtimePacer pacer_;

    GifRecorder gif_;
    std::string record_device_, record_error_;
    int record_scale_ = 1;
    bool record_leds_ = false;
    emu::Picos record_start_ = 0, record_period_ = 0;
    size_t record_total_ = 0;
};

// The session of the host firmware, like emu::default_board().
Session &default_session();

}  // namespace upanel::live
