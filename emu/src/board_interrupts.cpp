// The interrupt matrix: handlers attached to interrupt sources, called while a source is
// pending.
#include "upanel/emu/board.h"

namespace upanel::emu {

namespace {
constexpr int kInterruptStorm = 1000;
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

bool Board::irq_pending(int source) {
    if (source == i2s0_.irq_source()) return dport_.usable(i2s0_.dport_bit()) && i2s0_.irq();
    if (source == i2s1_.irq_source()) return dport_.usable(i2s1_.dport_bit()) && i2s1_.irq();
    for (Spi *unit : {&spi2_, &spi3_}) {
        if (source == unit->irq_source()) return dport_.usable(unit->dport_bit()) && unit->irq();
        if (source == unit->dma_irq_source())
            return dport_.usable(Dport::kBitSpiDma) && unit->dma_irq();
    }
    return false;
}

// Level-triggered, as the interrupt matrix is: a handler that does not clear its cause is
// called again, and a storm is reported and the source masked.
bool Board::dispatch_interrupts() {
    bool served = false;
    for (size_t i = 0; i < isrs_.size(); i++) {
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
    return served;
}

}  // namespace upanel::emu
