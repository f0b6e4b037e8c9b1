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

// 64-bit multiply from 32-bit halves: without MUL32HIGH (see the Makefile) the compiler calls
// this, and no libgcc for the windowed ABI is at hand.
extern "C" uint64_t __muldi3(uint64_t a, uint64_t b) {
    uint32_t a0 = uint32_t(a), b0 = uint32_t(b);
    uint32_t al = a0 & 0xFFFF, ah = a0 >> 16, bl = b0 & 0xFFFF, bh = b0 >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = (ll >> 16) + (lh & 0xFFFF) + (hl & 0xFFFF);
    uint32_t lo = (ll & 0xFFFF) | (mid << 16);
    uint32_t hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
    hi += a0 * uint32_t(b >> 32) + uint32_t(a >> 32) * b0;
    return uint64_t(hi) << 32 | lo;
}

extern "C" void digest_main() {
    core_digest_run();
    sim_call(1, 0, 0, 0);
}
