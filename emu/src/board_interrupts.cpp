// The interrupt matrix and the CPU's interrupts. Two ways in: handlers attached to an
// interrupt source directly (attach_isr: what the register layer's drivers use, as
// esp_intr_alloc does for them on the chip), and the CPU's 32 interrupts, each fed by the
// sources DPORT's map registers route to it, with INTENABLE and PS.INTLEVEL (what ESP-IDF's
// interrupt allocator programs). Both are served whenever time passes.
#include "upanel/emu/board.h"

namespace upanel::emu {

namespace {
constexpr int kInterruptStorm = 1000;

// The CPU's interrupts (TRM, "CPU Interrupts" table): priority level of each, which are
// edge-triggered and which are the CPU's own (timers, software, profiling: no source reaches
// them, so a source mapped there is disconnected, as the reset value 16 leaves every source).
constexpr uint8_t kCpuIntrLevel[32] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 7, 3,
                                       5, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 3, 4, 3, 4, 5};
constexpr uint32_t kEdgeIntrs = (1u << 10) | (1u << 22) | (1u << 28) | (1u << 30);
constexpr uint32_t kInternalIntrs = (1u << 6) | (1u << 7) | (1u << 11) | (1u << 15) | (1u << 16) | (1u << 29);
// The sources upanel's emulator raises (others are never pending).
constexpr int kGpioSource = 22, kGpioNmiSource = 23;
}  // namespace

bool Board::attach_isr(int source, void (*fn)(void *), void *arg) {
    for (auto &isr : isrs_)
        if (isr.source == source) return false;
    isrs_.push_back({source, fn, arg});
    return true;
}

void Board::detach_isr(int source) {
    for (size_t i = 0; i < isrs_.size(); i++)
        if (isrs_[i].source == source) isrs_.erase(isrs_.begin() + long(i));
}

void Board::cpu_intr_handler(int intno, void (*fn)(void *), void *arg) {
    if (intno < 0 || intno >= 32) return;
    cpu_isrs_[size_t(intno)] = {fn, arg};
}

uint32_t Board::cpu_intr_enable(uint32_t enable, uint32_t disable) {
    intenable_ = (intenable_ | enable) & ~disable;
    return intenable_;
}

int Board::cpu_intr_level(int level) {
    int old = intlevel_;
    if (level >= 0) intlevel_ = level & 15;
    return old;
}

bool Board::irq_pending(int source) {
    if (source == i2s0_.irq_source()) return dport_.usable(i2s0_.dport_bit()) && i2s0_.irq();
    if (source == i2s1_.irq_source()) return dport_.usable(i2s1_.dport_bit()) && i2s1_.irq();
    for (Spi *unit : {&spi2_, &spi3_}) {
        if (source == unit->irq_source()) return dport_.usable(unit->dport_bit()) && unit->irq();
        if (source == unit->dma_irq_source()) return dport_.usable(Dport::kBitSpiDma) && unit->dma_irq();
    }
    for (Timg *unit : {&timg0_, &timg1_})
        for (int timer = 0; timer < 2; timer++)
            if (source == unit->irq_source(timer))
                return dport_.usable(unit->dport_bit()) && unit->irq(timer);
    if (source == kGpioSource) return gpio_.irq(0, false);
    if (source == kGpioNmiSource) return gpio_.irq(0, true);
    return false;
}

// DPORT_PRO_INTR_STATUS_0..2_REG: the sources raised, 32 a word.
uint32_t Board::intr_status(int word) {
    uint32_t v = 0;
    for (int b = 0; b < 32; b++) {
        int source = word * 32 + b;
        if (source < Dport::kIntrSources && irq_pending(source)) v |= 1u << b;
    }
    return v;
}

// The CPU's interrupt lines: each raised source lights the interrupt it is mapped to.
uint32_t Board::cpu_intr_lines() {
    uint32_t lines = 0;
    for (int source = 0; source < Dport::kIntrSources; source++) {
        const int intno = dport_.intr_map(0, source);
        if (((kInternalIntrs >> intno) & 1u) || ((lines >> intno) & 1u)) continue;
        if (irq_pending(source)) lines |= 1u << intno;
    }
    return lines;
}

void Board::intr_map_changed() {
    edge_mapped_ = false;
    for (int source = 0; source < Dport::kIntrSources; source++)
        if ((kEdgeIntrs >> dport_.intr_map(0, source)) & 1u) edge_mapped_ = true;
}

// Edge-triggered CPU interrupts latch the rising edges of their lines: sampled whenever the
// CPU writes a register or the outside changes a pad, and as time passes.
void Board::sample_edge_lines() {
    const uint32_t lines = cpu_intr_lines() & kEdgeIntrs;
    edge_latched_ |= lines & ~edge_seen_;
    edge_seen_ = lines;
}

// Highest priority first; an edge-triggered interrupt runs once per rising edge of its line,
// a level-triggered one while its line stays up (a storm is reported and the interrupt
// disabled). An enabled interrupt without a handler is reported and disabled (on the chip the
// default handler would print and return into the same interrupt for ever).
bool Board::dispatch_cpu_interrupts() {
    if (edge_mapped_) sample_edge_lines();
    if (!intenable_) return false;
    bool served = false;
    for (int level = 7; level > intlevel_ && level >= 1; level--) {
        for (int intno = 0; intno < 32; intno++) {
            const uint32_t bit = 1u << intno;
            if (kCpuIntrLevel[intno] != level || (kInternalIntrs & bit)) continue;
            int calls = 0;
            while ((intenable_ & bit) && level > intlevel_ &&
                   ((kEdgeIntrs & bit) ? (edge_latched_ & bit) : (cpu_intr_lines() & bit))) {
                const CpuIsr isr = cpu_isrs_[size_t(intno)];
                if (!isr.fn) {
                    fault("CPU interrupt " + std::to_string(intno) +
                          " is enabled and raised but has no handler; disabled");
                    intenable_ &= ~bit;
                    break;
                }
                if (++calls > kInterruptStorm) {
                    fault("interrupt storm on CPU interrupt " + std::to_string(intno) +
                          ": the handler does not clear its interrupt; disabled");
                    intenable_ &= ~bit;
                    break;
                }
                edge_latched_ &= ~bit;  // the dispatcher acknowledges an edge before the call
                stats_.interrupts++;
                isr.fn(isr.arg);
                served = true;
            }
        }
    }
    return served;
}

// Level-triggered, as the interrupt matrix is: a handler that does not clear its cause is
// called again, and a storm is reported and the source masked. Directly attached handlers are
// level-1 interrupts: a raised PS.INTLEVEL holds them off.
bool Board::dispatch_interrupts() {
    bool served = false;
    for (size_t i = 0; intlevel_ < 1 && i < isrs_.size(); i++) {
        Isr isr = isrs_[i];
        int calls = 0;
        while (irq_pending(isr.source)) {
            if (++calls > kInterruptStorm) {
                fault("interrupt storm on source " + std::to_string(isr.source) +
                      ": the handler does not clear its interrupt; source masked");
                detach_isr(isr.source);
                break;
            }
            stats_.interrupts++;
            isr.fn(isr.arg);
            served = true;
        }
    }
    if (dispatch_cpu_interrupts()) served = true;
    return served;
}

}  // namespace upanel::emu
