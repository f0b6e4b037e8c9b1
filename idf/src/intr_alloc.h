// The interrupt allocator's own way to give a CPU interrupt a handler that runs in interrupt
// context (xPortInIsrContext() true while it runs); NULL removes it.
#pragma once

namespace upanel::idf {

void cpu_isr_attach(int intno, void (*fn)(void *), void *arg);

// Forgets every allocation, reservation and shared mark (a new board, in tests).
void intr_alloc_reset();

}  // namespace upanel::idf
