// The register layer's chip back end for native modules, which see only MicroPython's
// function table: DMA memory comes from the MicroPython heap and must be checked to lie in
// DMA-capable internal RAM (a heap in PSRAM is refused); interrupts cannot be allocated, so
// drivers poll what their handler would read.
extern "C" {
#include "py/dynruntime.h"
}
#include "upanel/ll/bus.h"

namespace upanel::ll {

void *dma_alloc(size_t size) {
    void *p = m_realloc_maybe(nullptr, (size + 3) & ~size_t(3), true);
    if (p && !dma_addr(p)) {
        m_free(p);
        return nullptr;
    }
    if (p) {
        auto *w = static_cast<uint32_t *>(p);
        for (size_t i = 0; i < (size + 3) / 4; i++) w[i] = 0;
    }
    return p;
}

void dma_free(void *p) { m_free(p); }

size_t dma_largest_free() { return 0; }  // the heap does not say

bool intr_attach(int, IsrHandler, void *) { return false; }

void intr_detach(int) {}

}  // namespace upanel::ll
