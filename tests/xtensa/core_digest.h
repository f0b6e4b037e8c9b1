// The core digest harness (core_digest.cpp) and what each platform gives it.
#pragma once
#include <stddef.h>

void core_digest_run();
// Writes n bytes of the report: stdout on the host, semihosting on the emulated CPU.
void digest_write(const char *s, size_t n);
