// The core digest on the host: the reference the emulated Xtensa CPU's report is compared with.
#include <stdio.h>

#include "core_digest.h"

void digest_write(const char *s, size_t n) { fwrite(s, 1, n, stdout); }

int main() {
    core_digest_run();
    return 0;
}
