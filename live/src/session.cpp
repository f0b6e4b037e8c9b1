#include "upanel/live/session.h"

#include <algorithm>
#include <cmath>

#include "upanel/live/view_image.h"

namespace upanel::live {

using Clock = std::chrono::steady_clock;

bool Session::run_for(emu::Board &b, emu::Picos d, const std::function<bool()> &interrupted) {
    if (!serving() && !realtime_ && !recording()) {
        b.run_for(d);
        return true;
    }
    const emu::Picos end = b.now() + d;
    while (b.now() < end) {
        emu::Picos next = std::min(end, b.now() + kSlice);
        if (recording()) next = std::min(next, record_start_ + emu::Picos(gif_.frames()) * record_period_);
        b.run_until(std::max(next, b.now()));
        between_slices(b, false);
        if (interrupted && interrupted()) return false;
    }
    between_slices(b, false);
    return true;
}

void Session::between_slices(emu::Board &b, bool force_publish) {
    for (const TouchInput::Event &e : touches_.take()) {
        if (e.down) b.touch(e.x + 0.5, e.y + 0.5);  // the pixel's centre, as esp32sim.touch
        else b.release();
    }
    if (recording() && b.now() >= record_start_ + emu::Picos(gif_.frames()) * record_period_) capture(b);
    if (serving() && (force_publish || Clock::now() - last_publish_ >= kPublishPeriod)) publish(b);
    if (realtime_) pacer_.pace(b.now());
}

void Session::publish(emu::Board &b) {
    const auto now = Clock::now();
    // Virtual seconds per wall second since the last publication that was 1/4 s ago or more.
    const double wall = std::chrono::duration<double>(now - speed_wall_).count();
    if (wall >= 0.25) {
        speed_ = double(b.now() - speed_virt_) / emu::kPicosPerSecond / wall;
        speed_wall_ = now, speed_virt_ = b.now();
    }
    Snapshot s = take_snapshot(b);
    s.speed = speed_;
    store_.publish(std::move(s));
    last_publish_ = now;
}

std::string Session::serve(emu::Board &b, int port, LiveServer::Error &err) {
    if (server_) {
        err.text = "already serving at " + server_->url() + "; call stop_serving() first";
        return "";
    }
    server_ = LiveServer::start(port, store_, err, &touches_);
    if (!server_) return "";
    speed_wall_ = Clock::now(), speed_virt_ = b.now(), speed_ = 0;
    publish(b);
    return server_->url();
}

void Session::set_realtime(emu::Board &b, bool on) {
    if (on && !realtime_) pacer_.anchor(b.now());
    realtime_ = on;
}

std::string Session::record(emu::Board &b, const std::string &device, const std::string &path, double seconds,
                            int fps, int scale, bool leds) {
    if (recording()) return "a recording is under way; call stop_recording() first";
    DisplayView v;
    if (!view_of(b, device, v)) return "no device '" + device + "' is attached";
    emu::Image first = render_view(v, scale, leds);
    std::string err = gif_.open(path, first.width, first.height, fps);
    if (!err.empty()) return err;
    record_device_ = device, record_scale_ = scale, record_leds_ = leds, record_error_.clear();
    record_start_ = b.now();
    record_period_ = emu::kPicosPerSecond / fps;
    record_total_ = size_t(std::max(1L, std::lround(seconds * fps)));
    err = gif_.add(first);
    if (!err.empty() || gif_.frames() >= record_total_) {
        std::string closed = gif_.finish();
        if (err.empty()) err = closed;
    }
    return err;
}

void Session::capture(emu::Board &b) {
    DisplayView v;
    std::string err = view_of(b, record_device_, v) ? gif_.add(render_view(v, record_scale_, record_leds_))
                                                    : "the device went away while recording";
    if (err.empty() && gif_.frames() < record_total_) return;
    std::string closed = gif_.finish();
    record_error_ = err.empty() ? closed : err;
}

std::string Session::stop_recording(size_t &frames) {
    frames = gif_.frames();
    if (!recording()) return record_error_;
    return gif_.finish();
}

Session &default_session() {
    static Session s;
    return s;
}

}  // namespace upanel::live
