/* Error codes of the ESP-IDF C API (the subset upanel's idf shim returns). On the chip the
 * real ESP-IDF header takes this one's place; the values are ESP-IDF's. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int esp_err_t;

#define ESP_OK 0
#define ESP_FAIL -1

#define ESP_ERR_NO_MEM 0x101
#define ESP_ERR_INVALID_ARG 0x102
#define ESP_ERR_INVALID_STATE 0x103
#define ESP_ERR_INVALID_SIZE 0x104
#define ESP_ERR_NOT_FOUND 0x105
#define ESP_ERR_NOT_SUPPORTED 0x106
#define ESP_ERR_TIMEOUT 0x107
#define ESP_ERR_INVALID_RESPONSE 0x108
#define ESP_ERR_INVALID_CRC 0x109
#define ESP_ERR_INVALID_VERSION 0x10A
#define ESP_ERR_INVALID_MAC 0x10B

/** The name of an error code ("ESP_ERR_NO_MEM"), or "UNKNOWN ERROR" for a code this API
 *  does not define. The string is static. */
const char *esp_err_to_name(esp_err_t code);

/** Writes the name of an error code into buf (at most buflen bytes, NUL terminated) and
 *  returns buf. Unknown codes give "UNKNOWN ERROR 0x...". */
const char *esp_err_to_name_r(esp_err_t code, char *buf, size_t buflen);

/** Reports a failed ESP_ERROR_CHECK (code, where and what) on stderr and aborts. */
void _esp_error_check_failed(esp_err_t rc, const char *file, int line, const char *function,
                             const char *expression);

/** Reports a failed ESP_ERROR_CHECK_WITHOUT_ABORT (code, where and what) on stderr and
 *  returns: the program goes on. */
void _esp_error_check_failed_without_abort(esp_err_t rc, const char *file, int line, const char *function,
                                           const char *expression);

/** Reports x when it is not ESP_OK and gives it back; goes on either way. */
#define ESP_ERROR_CHECK_WITHOUT_ABORT(x)                                                      \
    ({                                                                                        \
        esp_err_t err_rc_ = (x);                                                              \
        if (err_rc_ != ESP_OK)                                                                \
            _esp_error_check_failed_without_abort(err_rc_, __FILE__, __LINE__, __func__, #x); \
        err_rc_;                                                                              \
    })

/** Aborts with a message when x is not ESP_OK. */
#define ESP_ERROR_CHECK(x)                                                                         \
    do {                                                                                           \
        esp_err_t err_rc_ = (x);                                                                   \
        if (err_rc_ != ESP_OK) _esp_error_check_failed(err_rc_, __FILE__, __LINE__, __func__, #x); \
    } while (0)

#ifdef __cplusplus
}
#endif
