// The core digest on the emulated Xtensa CPU: output and exit through QEMU's semihosting
// (SYS_write 4, SYS_exit 1), and the C library routines the compiler may call.
#include <stddef.h>
#include <stdint.h>

#include "core_digest.h"

extern "C" int sim_call(int nr, int a, int b, int c);

void digest_write(const char *s, size_t n) { sim_call(4, 1, int(uintptr_t(s)), int(n)); }

// no_builtin: without it the loops could become calls to themselves.
extern "C" __attribute__((no_builtin)) void *memset(void *s, int c, size_t n) {
    uint8_t *p = static_cast<uint8_t *>(s);
    for (size_t i = 0; i < n; i++) p[i] = uint8_t(c);
    return s;
}

extern "C" __attribute__((no_builtin)) void *memcpy(void *d, const void *s, size_t n) {
    uint8_t *to = static_cast<uint8_t *>(d);
    const uint8_t *from = static_cast<const uint8_t *>(s);
    for (size_t i = 0; i < n; i++) to[i] = from[i];
    return d;
}

extern "C" __attribute__((no_builtin)) size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

extern "C" void digest_main() {
    core_digest_run();
    sim_call(1, 0, 0, 0);
}
