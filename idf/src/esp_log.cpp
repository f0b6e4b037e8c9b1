// Log levels per tag and the line writer.
#include "esp_log.h"

#include <cctype>
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

extern "C" uint32_t esp_log_timestamp(void) { return ll::bus_ready() ? uint32_t(ll::time_us() / 1000) : 0; }

extern "C" void esp_log_writev(esp_log_level_t level, const char *tag, const char *format, va_list args) {
    if (!format || level > esp_log_level_get(tag)) return;
    state().writer(format, args);
}

extern "C" void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...) {
    va_list args;
    va_start(args, format);
    esp_log_writev(level, tag, format, args);
    va_end(args);
}

extern "C" uint32_t esp_log_early_timestamp(void) { return esp_log_timestamp(); }

namespace {

constexpr uint16_t kBytesPerLine = 16;

// One log line as ESP_LOG_LEVEL writes it: letter, time, tag, text.
void log_line(esp_log_level_t level, const char *tag, const std::string &text) {
    static const char kLetter[] = "NEWIDV";
    const char letter = kLetter[clamp(level)];
    esp_log_write(level, tag, "%c (%u) %s: %s\n", letter, unsigned(esp_log_timestamp()), tag ? tag : "",
                  text.c_str());
}

template <class Line>
void each_line(const char *tag, const void *buffer, uint16_t len, esp_log_level_t level, Line line) {
    if (!buffer || len == 0 || level > esp_log_level_get(tag)) return;
    const auto *p = static_cast<const uint8_t *>(buffer);
    for (uint16_t off = 0; off < len; off += kBytesPerLine) {
        const uint16_t n = len - off < kBytesPerLine ? uint16_t(len - off) : kBytesPerLine;
        log_line(level, tag, line(p + off, n));
    }
}

}  // namespace

extern "C" void esp_log_buffer_hex_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                            esp_log_level_t level) {
    each_line(tag, buffer, buff_len, level, [](const uint8_t *p, uint16_t n) {
        std::string s;
        char hex[4];
        for (uint16_t i = 0; i < n; i++) {
            std::snprintf(hex, sizeof hex, "%02x ", p[i]);
            s += hex;
        }
        return s;
    });
}

extern "C" void esp_log_buffer_char_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                             esp_log_level_t level) {
    each_line(tag, buffer, buff_len, level, [](const uint8_t *p, uint16_t n) {
        std::string s;
        for (uint16_t i = 0; i < n && p[i]; i++) s += char(p[i]);  // "%c" stops a C string at NUL
        return s;
    });
}

extern "C" void esp_log_buffer_hexdump_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                                esp_log_level_t level) {
    each_line(tag, buffer, buff_len, level, [](const uint8_t *p, uint16_t n) {
        char field[24];
        const uint32_t chip = ll::bus_ready() ? ll::dma_addr(p) : 0;
        if (chip) std::snprintf(field, sizeof field, "0x%08x ", unsigned(chip));
        else std::snprintf(field, sizeof field, "%p ", static_cast<const void *>(p));
        std::string s = field;
        for (uint16_t i = 0; i < kBytesPerLine; i++) {
            if (i % 8 == 0) s += ' ';
            if (i < n) {
                std::snprintf(field, sizeof field, " %02x", p[i]);
                s += field;
            } else {
                s += "   ";
            }
        }
        s += "  |";
        for (uint16_t i = 0; i < n; i++) s += std::isprint(p[i]) ? char(p[i]) : '.';
        s += '|';
        return s;
    });
}
