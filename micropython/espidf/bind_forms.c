// The fixed-arity forms espidf.h declares for the binding: heap_caps_*_prefer with their
// capability sets from a buffer, passed on to ESP-IDF's variadic functions, and
// _esp_error_check_failed raising where ESP-IDF aborts.
#include <stdio.h>

#include "mpb.h"
#include "espidf.h"

#define PREFER_MAX 4

static void check_prefer_count(size_t num) {
    if (num > PREFER_MAX) {
        mp_raise_ValueError(MP_ERROR_TEXT("heap_caps_*_prefer takes at most 4 capability sets"));
    }
}

void *espidf_bind_heap_caps_malloc_prefer(size_t size, const uint32_t *caps, size_t num) {
    check_prefer_count(num);
    switch (num) {
        case 0:
            return heap_caps_malloc_prefer(size, 0);
        case 1:
            return heap_caps_malloc_prefer(size, 1, caps[0]);
        case 2:
            return heap_caps_malloc_prefer(size, 2, caps[0], caps[1]);
        case 3:
            return heap_caps_malloc_prefer(size, 3, caps[0], caps[1], caps[2]);
        default:
            return heap_caps_malloc_prefer(size, 4, caps[0], caps[1], caps[2], caps[3]);
    }
}

void *espidf_bind_heap_caps_realloc_prefer(void *ptr, size_t size, const uint32_t *caps, size_t num) {
    check_prefer_count(num);
    switch (num) {
        case 0:
            return heap_caps_realloc_prefer(ptr, size, 0);
        case 1:
            return heap_caps_realloc_prefer(ptr, size, 1, caps[0]);
        case 2:
            return heap_caps_realloc_prefer(ptr, size, 2, caps[0], caps[1]);
        case 3:
            return heap_caps_realloc_prefer(ptr, size, 3, caps[0], caps[1], caps[2]);
        default:
            return heap_caps_realloc_prefer(ptr, size, 4, caps[0], caps[1], caps[2], caps[3]);
    }
}

void *espidf_bind_heap_caps_calloc_prefer(size_t n, size_t size, const uint32_t *caps, size_t num) {
    check_prefer_count(num);
    switch (num) {
        case 0:
            return heap_caps_calloc_prefer(n, size, 0);
        case 1:
            return heap_caps_calloc_prefer(n, size, 1, caps[0]);
        case 2:
            return heap_caps_calloc_prefer(n, size, 2, caps[0], caps[1]);
        case 3:
            return heap_caps_calloc_prefer(n, size, 3, caps[0], caps[1], caps[2]);
        default:
            return heap_caps_calloc_prefer(n, size, 4, caps[0], caps[1], caps[2], caps[3]);
    }
}

void espidf_bind__esp_error_check_failed(esp_err_t rc, const char *file, int line, const char *function,
                                         const char *expression) {
    // The report the idf shim's _esp_error_check_failed prints; then its abort, as an exception.
    fprintf(stderr, "ESP_ERROR_CHECK failed: esp_err_t 0x%x (%s) at %s:%d in %s(): %s\n", (unsigned)rc,
            esp_err_to_name(rc), file ? file : "?", line, function ? function : "?",
            expression ? expression : "?");
    mp_raise_msg_varg(&mp_type_RuntimeError,
                      MP_ERROR_TEXT("ESP_ERROR_CHECK failed: %s (0x%x): abort() was called"),
                      esp_err_to_name(rc), (unsigned)rc);
}
