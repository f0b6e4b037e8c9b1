// Log levels per tag and the line writer.
#include "esp_log.h"

#include <cstdio>
#include <map>
#include <string>

#include "upanel/ll/bus.h"

using namespace upanel;

namespace {

struct LogState {
    esp_log_level_t default_level = ESP_LOG_INFO;
    std::map<std::string, esp_log_level_t> levels;
    vprintf_like_t writer = &std::vprintf;
};

LogState &state() {
    static LogState s;
    return s;
}

esp_log_level_t clamp(esp_log_level_t level) {
    return unsigned(level) > ESP_LOG_VERBOSE ? ESP_LOG_VERBOSE : level;
}

}  // namespace

extern "C" void esp_log_level_set(const char *tag, esp_log_level_t level) {
    if (!tag) return;
    LogState &s = state();
    if (std::string(tag) == "*") {
        s.default_level = clamp(level);
        s.levels.clear();
        return;
    }
    s.levels[tag] = clamp(level);
}

extern "C" esp_log_level_t esp_log_level_get(const char *tag) {
    LogState &s = state();
    if (!tag) return s.default_level;
    auto it = s.levels.find(tag);
    return it == s.levels.end() ? s.default_level : it->second;
}

extern "C" vprintf_like_t esp_log_set_vprintf(vprintf_like_t func) {
    vprintf_like_t old = state().writer;
    state().writer = func ? func : &std::vprintf;
    return old;
}

extern "C" uint32_t esp_log_timestamp(void) {
    return ll::bus_ready() ? uint32_t(ll::time_us() / 1000) : 0;
}

extern "C" void esp_log_writev(esp_log_level_t level, const char *tag, const char *format,
                               va_list args) {
    if (!format || level > esp_log_level_get(tag)) return;
    state().writer(format, args);
}

extern "C" void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...) {
    va_list args;
    va_start(args, format);
    esp_log_writev(level, tag, format, args);
    va_end(args);
}
