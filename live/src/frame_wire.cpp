#include "upanel/live/frame_wire.h"

#include <cmath>
#include <cstdio>

namespace upanel::live {

namespace {

// Names are ours (no quotes or backslashes); numbers must stay valid JSON.
void put_number(std::string &out, double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", std::isfinite(v) ? v : 0.0);
    out += buf;
}

}  // namespace

std::string encode_frame(const Snapshot &s) {
    std::string json = "{\"seq\":";
    put_number(json, double(s.seq));
    json += ",\"time_us\":";
    put_number(json, s.time_us);
    json += ",\"speed\":";
    put_number(json, s.speed);
    json += ",\"displays\":[";
    size_t pixels = 0;
    for (size_t i = 0; i < s.displays.size(); i++) {
        const DisplayView &d = s.displays[i];
        json += i ? ",{\"name\":\"" : "{\"name\":\"";
        json += d.name + "\",\"width\":" + std::to_string(d.width) +
                ",\"height\":" + std::to_string(d.height) + ",\"leds\":" + (d.leds ? "true" : "false") +
                ",\"figures\":{";
        for (size_t f = 0; f < d.figures.size(); f++) {
            json += (f ? ",\"" : "\"") + d.figures[f].first + "\":";
            put_number(json, d.figures[f].second);
        }
        json += "}}";
        pixels += d.rgb.size();
    }
    json += "]}";
    std::string out;
    out.reserve(4 + json.size() + pixels);
    const uint32_t n = uint32_t(json.size());
    for (int b = 0; b < 4; b++) out += char((n >> (8 * b)) & 0xFF);
    out += json;
    for (const DisplayView &d : s.displays)
        out.append(reinterpret_cast<const char *>(d.rgb.data()), d.rgb.size());
    return out;
}

}  // namespace upanel::live
