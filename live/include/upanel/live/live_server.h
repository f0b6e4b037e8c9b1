// The live view's web server (CivetWeb, on its own threads): serves the page and, over a
// WebSocket, the latest snapshot each time the page asks for one ("f"), and takes the page's
// touches ("touch X Y", "release") into a TouchInput. It only ever reads the SnapshotStore and
// posts to the TouchInput; it never touches the emulated board.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "upanel/live/snapshot_store.h"
#include "upanel/live/touch_input.h"

struct mg_context;
struct mg_connection;

namespace upanel::live {

class LiveServer {
  public:
    struct Error {
        std::string text;
        bool port_in_use = false;
    };
    // Listens on 127.0.0.1:port (0: a free port); nullptr and err filled when it cannot.
    // Touches from the page go to input (none: they are dropped).
    static std::unique_ptr<LiveServer> start(int port, const SnapshotStore &store, Error &err,
                                             TouchInput *input = nullptr);
    ~LiveServer();
    LiveServer(const LiveServer &) = delete;
    LiveServer &operator=(const LiveServer &) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    // CivetWeb's first log message: the cause when starting fails (its threads log too,
    // hence the lock).
    void note(const char *message) {
        std::lock_guard<std::mutex> lock(log_mutex_);
        if (log_.empty()) log_ = message;
    }
    std::string first_log() {
        std::lock_guard<std::mutex> lock(log_mutex_);
        return log_;
    }

  private:
    LiveServer(const SnapshotStore &store, TouchInput *input) : store_(store), input_(input) {}
    static int page(struct mg_connection *c, void *self);
    static int frame(struct mg_connection *c, void *self);
    static int ws_data(struct mg_connection *c, int bits, char *data, size_t len, void *self);

    const SnapshotStore &store_;
    TouchInput *input_;
    std::mutex log_mutex_;
    std::string log_;
    mg_context *ctx_ = nullptr;
    int port_ = 0;
};

// The page (live/web/index.html), built into the library.
extern const char *const kLivePage;

}  // namespace upanel::live
