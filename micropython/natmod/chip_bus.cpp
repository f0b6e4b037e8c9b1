// The register layer's chip back end for native modules, which see only MicroPython's
// function table: DMA memory comes from the MicroPython heap and must be checked to lie in
// DMA-capable internal RAM (a heap in PSRAM is refused); interrupts cannot be allocated, so
// drivers poll what their handler would read; time comes from MicroPython's time module.
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

// Microseconds for datasheet waits: esp_timer is out of reach, MicroPython's time.ticks_us()
// is not. Its value wraps (at 2^30 on 32-bit ports); ticks_diff() steps over the wrap. Not
// static: mpy_ld cannot relocate to static variables in bss.
mp_obj_t natmod_ticks_last;
uint64_t natmod_ticks_total;

uint64_t time_us() {
    mp_obj_t time = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t now = mp_call_function_n_kw(mp_load_attr(time, MP_QSTR_ticks_us), 0, 0, nullptr);
    if (natmod_ticks_last != MP_OBJ_NULL) {
        mp_obj_t pair[2] = {now, natmod_ticks_last};
        mp_obj_t diff = mp_call_function_n_kw(mp_load_attr(time, MP_QSTR_ticks_diff), 2, 0, pair);
        natmod_ticks_total += uint64_t(mp_obj_get_int(diff));
    }
    natmod_ticks_last = now;
    return natmod_ticks_total;
}

}  // namespace upanel::ll
