// Binds the register layer's host back end (upanel_host_bus_t) to a Board.
#include "upanel/emu/board.h"
#include "upanel/ll/host_bus.h"

#include <cstdio>
#include <string>

namespace upanel::emu {

namespace {
Board &of(void *ctx) { return *static_cast<Board *>(ctx); }

uint32_t bus_read32(void *ctx, uint32_t addr) { return of(ctx).read32(addr); }
void bus_write32(void *ctx, uint32_t addr, uint32_t v) { of(ctx).write32(addr, v); }
void *bus_dma_alloc(void *ctx, size_t size) { return of(ctx).dram().alloc(size); }
void bus_dma_free(void *ctx, void *p) { of(ctx).dram().free(p); }
uint32_t bus_dma_addr(void *ctx, const void *p) { return of(ctx).dram().chip_addr(p); }
size_t bus_dma_largest_free(void *ctx) { return of(ctx).dram().largest_free(); }
void bus_idle(void *ctx) { of(ctx).idle(); }
bool bus_intr_attach(void *ctx, int source, void (*fn)(void *), void *arg) {
    return of(ctx).attach_isr(source, fn, arg);
}
void bus_intr_detach(void *ctx, int source) { of(ctx).detach_isr(source); }
uint64_t bus_time_us(void *ctx) { return of(ctx).now() / kPicosPerUs; }
void bus_cpu_intr_handler(void *ctx, int intno, void (*fn)(void *), void *arg) {
    of(ctx).cpu_intr_handler(intno, fn, arg);
}
uint32_t bus_cpu_intr_enable(void *ctx, uint32_t enable, uint32_t disable) {
    return of(ctx).cpu_intr_enable(enable, disable);
}
int bus_cpu_intr_level(void *ctx, int level) { return of(ctx).cpu_intr_level(level); }
void bus_dma_heap_stats(void *ctx, upanel_dma_heap_stats_t *out) {
    const Dram &d = of(ctx).dram();
    out->start = Dram::kHeapBase;
    out->size = d.heap_size();
    out->free_bytes = d.heap_free();
    out->allocated_bytes = d.heap_used();
    out->largest_free = d.largest_free();
    out->minimum_free = d.min_free();
    out->allocated_blocks = d.used_blocks();
    out->free_blocks = d.free_blocks();
}
size_t bus_dma_block_size(void *ctx, const void *p) { return of(ctx).dram().block_size(p); }
bool bus_dma_heap_check(void *ctx, char *problem, size_t len) {
    std::string what;
    const bool ok = of(ctx).dram().check(&what);
    if (!ok && problem && len) std::snprintf(problem, len, "%s", what.c_str());
    return ok;
}
void bus_dma_heap_walk(void *ctx, void (*fn)(void *, uint32_t, size_t, bool), void *arg) {
    of(ctx).dram().each_block([&](uint32_t addr, uint32_t size, bool used) { fn(arg, addr, size, used); });
}
}  // namespace

const upanel_host_bus *Board::host_bus() {
    bus_ = {UPANEL_HOST_BUS_VERSION,
            this,
            bus_read32,
            bus_write32,
            bus_dma_alloc,
            bus_dma_free,
            bus_dma_addr,
            bus_dma_largest_free,
            bus_idle,
            bus_intr_attach,
            bus_intr_detach,
            bus_time_us,
            bus_cpu_intr_handler,
            bus_cpu_intr_enable,
            bus_cpu_intr_level,
            bus_dma_heap_stats,
            bus_dma_block_size,
            bus_dma_heap_check,
            bus_dma_heap_walk};
    return &bus_;
}

}  // namespace upanel::emu
