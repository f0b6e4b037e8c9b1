#include "upanel/live/live_server.h"

#include <civetweb.h>

#include <cstdio>
#include <cstring>

#include "upanel/live/frame_wire.h"

namespace upanel::live {

namespace {

// CivetWeb would print errors to stderr, in the middle of the script's output; the server
// keeps the first one instead: it says why a start failed (mg_start2's text does not).
int keep_log(const struct mg_connection *c, const char *message) {
    const mg_context *ctx = c ? mg_get_context(c) : nullptr;
    if (auto *s = static_cast<LiveServer *>(ctx ? mg_get_user_data(ctx) : nullptr)) s->note(message);
    return 1;
}

void reply(struct mg_connection *c, const char *type, const std::string &body) {
    mg_printf(c,
              "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
              "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
              type, body.size());
    mg_write(c, body.data(), body.size());
}

std::string latest_frame(const SnapshotStore &store) {
    std::shared_ptr<const Snapshot> s = store.latest();
    return encode_frame(s ? *s : Snapshot{});
}

}  // namespace

std::unique_ptr<LiveServer> LiveServer::start(int port, const SnapshotStore &store, Error &err,
                                              TouchInput *input) {
    if (port < 0 || port > 65535) {
        err.text = "port must be from 0 to 65535";
        return nullptr;
    }
    std::unique_ptr<LiveServer> s(new LiveServer(store, input));
    mg_init_library(0);
    const std::string ports = "127.0.0.1:" + std::to_string(port);
    const char *options[] = {"listening_ports", ports.c_str(), "num_threads", "4", nullptr};
    mg_callbacks callbacks{};
    callbacks.log_message = keep_log;
    mg_init_data init{&callbacks, s.get(), options};
    char text[256] = "";
    unsigned code = 0;
    mg_error_data error{&code, text, sizeof text};
    s->ctx_ = mg_start2(&init, &error);
    if (!s->ctx_) {
        std::string log = s->first_log();
        err.text = !log.empty() ? log : text[0] ? text : "the web server did not start";
        err.port_in_use = err.text.find("in use") != std::string::npos;
        mg_exit_library();
        return nullptr;
    }
    mg_server_port sp[1]{};
    if (mg_get_server_ports(s->ctx_, 1, sp) == 1) s->port_ = sp[0].port;
    mg_set_request_handler(s->ctx_, "/$", page, s.get());
    mg_set_request_handler(s->ctx_, "/frame$", frame, s.get());
    mg_set_websocket_handler(s->ctx_, "/ws$", nullptr, nullptr, ws_data, nullptr, s.get());
    return s;
}

LiveServer::~LiveServer() {
    if (!ctx_) return;
    mg_stop(ctx_);  // joins CivetWeb's threads: no handler runs after this
    mg_exit_library();
}

int LiveServer::page(struct mg_connection *c, void *) {
    reply(c, "text/html; charset=utf-8", kLivePage);
    return 200;
}

// The same bytes as a WebSocket frame, for tools without a WebSocket client.
int LiveServer::frame(struct mg_connection *c, void *self) {
    reply(c, "application/octet-stream", latest_frame(static_cast<LiveServer *>(self)->store_));
    return 200;
}

// The page asks for a frame when it has drawn the last one, so a slow page is never flooded.
// "touch X Y" and "release" are the page's touches on the TFT picture; they get no reply.
int LiveServer::ws_data(struct mg_connection *c, int bits, char *data, size_t len, void *self) {
    const int opcode = bits & 0xF;
    if (opcode == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE) return 0;
    if (opcode != MG_WEBSOCKET_OPCODE_TEXT) return 1;
    auto *server = static_cast<LiveServer *>(self);
    const std::string text(data, len);
    if (text.rfind("touch ", 0) == 0 || text == "release") {
        TouchInput::Event e;
        int x = -1, y = -1;
        e.down = text != "release";
        if (e.down &&
            (std::sscanf(text.c_str() + 6, "%d %d", &x, &y) != 2 || x < 0 || y < 0 || x >= 240 || y >= 320))
            return 1;  // not a point on the glass: ignored
        e.x = x, e.y = y;
        if (server->input_) server->input_->post(e);
        return 1;
    }
    std::string msg = latest_frame(server->store_);
    return mg_websocket_write(c, MG_WEBSOCKET_OPCODE_BINARY, msg.data(), msg.size()) > 0 ? 1 : 0;
}

}  // namespace upanel::live
