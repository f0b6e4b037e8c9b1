// The live view's server on its own threads: it serves the latest published snapshot and
// the page, refuses a port another server holds, and stops cleanly.
#include <civetweb.h>
#include <gtest/gtest.h>

#include <string>

#include "upanel/live/frame_wire.h"
#include "upanel/live/live_server.h"

using namespace upanel::live;

namespace {

// A GET through CivetWeb's own client: the body, or "" on failure.
std::string get(int port, const char *path) {
    char err[128] = "";
    std::string req = std::string("GET ") + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    mg_connection *c = mg_download("127.0.0.1", port, 0, err, sizeof err, "%s", req.c_str());
    if (!c) return "";
    std::string body;
    char buf[4096];
    for (int n; (n = mg_read(c, buf, sizeof buf)) > 0;) body.append(buf, size_t(n));
    mg_close_connection(c);
    return body;
}

Snapshot scene(uint8_t red) {
    Snapshot s;
    s.time_us = 1234;
    DisplayView v{"hub75", 2, 1, true, {red, 0, 0, 0, 0, 255}, {{"refresh_hz", 1600.5}}};
    s.displays.push_back(v);
    return s;
}

}  // namespace

TEST(LiveServer, ServesTheLatestSnapshotAndThePage) {
    SnapshotStore store;
    LiveServer::Error err;
    auto server = LiveServer::start(0, store, err);
    ASSERT_NE(server, nullptr) << err.text;
    ASSERT_GT(server->port(), 0);
    EXPECT_EQ(server->url(), "http://127.0.0.1:" + std::to_string(server->port()) + "/");
    store.publish(scene(10));
    store.publish(scene(200));
    std::string body = get(server->port(), "/frame");
    EXPECT_EQ(body, encode_frame(*store.latest()));
    ASSERT_GT(body.size(), 4u);
    const uint32_t n =
        uint8_t(body[0]) | uint8_t(body[1]) << 8 | uint8_t(body[2]) << 16 | uint32_t(uint8_t(body[3])) << 24;
    const std::string json = body.substr(4, n);
    EXPECT_NE(json.find("\"seq\":2"), std::string::npos) << json;
    EXPECT_NE(json.find("\"refresh_hz\":1600.5"), std::string::npos) << json;
    EXPECT_EQ(uint8_t(body[4 + n]), 200);  // the pixels follow the header
    EXPECT_EQ(body.size(), 4 + n + 6);
    EXPECT_NE(get(server->port(), "/").find("upanel live view"), std::string::npos);
}

TEST(LiveServer, RefusesAPortInUseAndSaysSo) {
    SnapshotStore store;
    LiveServer::Error err;
    auto first = LiveServer::start(0, store, err);
    ASSERT_NE(first, nullptr) << err.text;
    auto second = LiveServer::start(first->port(), store, err);
    EXPECT_EQ(second, nullptr);
    EXPECT_TRUE(err.port_in_use) << err.text;
    LiveServer::Error bad;
    EXPECT_EQ(LiveServer::start(70000, store, bad), nullptr);
    EXPECT_FALSE(bad.port_in_use);
}
