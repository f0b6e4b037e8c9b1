// Names of error codes.
#include "esp_err.h"

#include <cstdio>
#include <cstdlib>

namespace {
struct ErrName {
    esp_err_t code;
    const char *name;
};
constexpr ErrName kNames[] = {
    {ESP_OK, "ESP_OK"},
    {ESP_FAIL, "ESP_FAIL"},
    {ESP_ERR_NO_MEM, "ESP_ERR_NO_MEM"},
    {ESP_ERR_INVALID_ARG, "ESP_ERR_INVALID_ARG"},
    {ESP_ERR_INVALID_STATE, "ESP_ERR_INVALID_STATE"},
    {ESP_ERR_INVALID_SIZE, "ESP_ERR_INVALID_SIZE"},
    {ESP_ERR_NOT_FOUND, "ESP_ERR_NOT_FOUND"},
    {ESP_ERR_NOT_SUPPORTED, "ESP_ERR_NOT_SUPPORTED"},
    {ESP_ERR_TIMEOUT, "ESP_ERR_TIMEOUT"},
    {ESP_ERR_INVALID_RESPONSE, "ESP_ERR_INVALID_RESPONSE"},
    {ESP_ERR_INVALID_CRC, "ESP_ERR_INVALID_CRC"},
    {ESP_ERR_INVALID_VERSION, "ESP_ERR_INVALID_VERSION"},
    {ESP_ERR_INVALID_MAC, "ESP_ERR_INVALID_MAC"},
};

const char *find_name(esp_err_t code) {
    for (const ErrName &e : kNames)
        if (e.code == code) return e.name;
    return nullptr;
}
}  // namespace

extern "C" const char *esp_err_to_name(esp_err_t code) {
    const char *name = find_name(code);
    return name ? name : "UNKNOWN ERROR";
}

extern "C" const char *esp_err_to_name_r(esp_err_t code, char *buf, size_t buflen) {
    if (!buf || !buflen) return buf;
    const char *name = find_name(code);
    if (name) std::snprintf(buf, buflen, "%s", name);
    else std::snprintf(buf, buflen, "UNKNOWN ERROR 0x%x(%d)", unsigned(code), code);
    return buf;
}

extern "C" void _esp_error_check_failed_without_abort(esp_err_t rc, const char *file, int line,
                                                      const char *function, const char *expression) {
    std::fprintf(stderr, "ESP_ERROR_CHECK_WITHOUT_ABORT failed: esp_err_t 0x%x (%s) at %s:%d in %s(): %s\n",
                 unsigned(rc), esp_err_to_name(rc), file ? file : "?", line, function ? function : "?",
                 expression ? expression : "?");
}

extern "C" void _esp_error_check_failed(esp_err_t rc, const char *file, int line, const char *function,
                                        const char *expression) {
    std::fprintf(stderr, "ESP_ERROR_CHECK failed: esp_err_t 0x%x (%s) at %s:%d in %s(): %s\n", unsigned(rc),
                 esp_err_to_name(rc), file, line, function, expression);
    std::abort();
}
