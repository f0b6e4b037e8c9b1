// Whether the shim's interrupt handler is running (xPortInIsrContext), and a guard that
// says so for the length of a handler.
#pragma once

namespace upanel::idf {

extern int isr_depth;

struct InIsr {
    InIsr() { isr_depth++; }
    ~InIsr() { isr_depth--; }
    InIsr(const InIsr &) = delete;
    InIsr &operator=(const InIsr &) = delete;
};

inline bool in_isr() { return isr_depth > 0; }

}  // namespace upanel::idf
