/* Logging as ESP-IDF does it: a level per tag, lines written through a vprintf-like function
 * (stdout unless esp_log_set_vprintf changes it). The default level is INFO, ESP-IDF's
 * CONFIG_LOG_DEFAULT_LEVEL. */
#pragma once
#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    ESP_LOG_NONE = 0,
    ESP_LOG_ERROR = 1,
    ESP_LOG_WARN = 2,
    ESP_LOG_INFO = 3,
    ESP_LOG_DEBUG = 4,
    ESP_LOG_VERBOSE = 5,
} esp_log_level_t;

typedef int (*vprintf_like_t)(const char *format, va_list args);

/** Sets the most detailed level written for tag; tag "*" sets it for every tag, forgetting
 *  the levels set for single tags. Levels above VERBOSE are taken as VERBOSE. */
void esp_log_level_set(const char *tag, esp_log_level_t level);

/** The level in force for tag. */
esp_log_level_t esp_log_level_get(const char *tag);

/** Makes func write log lines from now on and returns the function that wrote them before. */
vprintf_like_t esp_log_set_vprintf(vprintf_like_t func);

/** Milliseconds since boot (emulated time on the host), as log lines show them. */
uint32_t esp_log_timestamp(void);

/** Milliseconds since boot as logs before the scheduler starts show them (from the CPU's
 *  cycle counter on the chip): the same as esp_log_timestamp here. */
uint32_t esp_log_early_timestamp(void);

/** Logs buff_len bytes of buffer at level for tag, 16 a line: as hex ("%02x " each),
 *  as characters, or as a hex dump (address, two groups of 8 hex bytes, |printable chars|;
 *  the address is the chip's for DMA-capable memory). ESP-IDF's ESP_LOG_BUFFER_HEX_LEVEL,
 *  ESP_LOG_BUFFER_CHAR_LEVEL and ESP_LOG_BUFFER_HEXDUMP call these. */
void esp_log_buffer_hex_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                 esp_log_level_t level);
void esp_log_buffer_char_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                  esp_log_level_t level);
void esp_log_buffer_hexdump_internal(const char *tag, const void *buffer, uint16_t buff_len,
                                     esp_log_level_t level);

/** Writes a formatted log line when level is enabled for tag. The format is the whole line:
 *  the ESP_LOGx macros add the level letter, time, tag and newline. */
void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/** esp_log_write with a va_list. */
void esp_log_writev(esp_log_level_t level, const char *tag, const char *format, va_list args);

#define ESP_LOG_LINE_(letter, level, tag, format, ...)                                             \
    esp_log_write(level, tag, letter " (%u) %s: " format "\n", (unsigned)esp_log_timestamp(), tag, \
                  ##__VA_ARGS__)
#define ESP_LOGE(tag, format, ...) ESP_LOG_LINE_("E", ESP_LOG_ERROR, tag, format, ##__VA_ARGS__)
#define ESP_LOGW(tag, format, ...) ESP_LOG_LINE_("W", ESP_LOG_WARN, tag, format, ##__VA_ARGS__)
#define ESP_LOGI(tag, format, ...) ESP_LOG_LINE_("I", ESP_LOG_INFO, tag, format, ##__VA_ARGS__)
#define ESP_LOGD(tag, format, ...) ESP_LOG_LINE_("D", ESP_LOG_DEBUG, tag, format, ##__VA_ARGS__)
#define ESP_LOGV(tag, format, ...) ESP_LOG_LINE_("V", ESP_LOG_VERBOSE, tag, format, ##__VA_ARGS__)

#ifdef __cplusplus
}
#endif
