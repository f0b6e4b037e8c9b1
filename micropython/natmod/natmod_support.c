// What compilers expect from the C library, for native modules, which have none: the
// runtime's own memset and memmove through mp_fun_table, and strlen.
#include "py/dynruntime.h"

void *memset(void *s, int c, size_t n) { return mp_fun_table.memset_(s, c, n); }

void *memmove(void *dst, const void *src, size_t n) { return mp_fun_table.memmove_(dst, src, n); }

void *memcpy(void *dst, const void *src, size_t n) { return mp_fun_table.memmove_(dst, src, n); }

// Without the attribute the compiler could turn the loop into a call to strlen: itself.
#if defined(__clang__)
#define UPANEL_NO_LIBCALL_IDIOMS __attribute__((no_builtin))
#else
#define UPANEL_NO_LIBCALL_IDIOMS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif
UPANEL_NO_LIBCALL_IDIOMS size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}
