// The CPU's view of the board: which peripheral answers an address, with DPORT's clock gates
// and resets applied, and what an access nobody answers is (a fault).
#include "upanel/emu/board.h"

#include <cstdio>

namespace upanel::emu {

namespace {
constexpr uint32_t kUart0Date = 0x3FF40078;  // read by the DPORT errata workaround
}  // namespace

Peripheral *Board::peripheral_at(uint32_t addr, uint32_t &offset, int &dport_bit) {
    dport_bit = -1;
    auto in = [&](uint32_t base, uint32_t size) {
        offset = addr - base;
        return addr >= base && addr - base < size;
    };
    if (in(Dport::kBase, Dport::kSize)) return &dport_;
    if (in(Gpio::kBase, Gpio::kSize)) return &gpio_;
    if (in(i2s0_.base(), 0x100)) {
        dport_bit = int(i2s0_.dport_bit());
        return &i2s0_;
    }
    if (in(i2s1_.base(), 0x100)) {
        dport_bit = int(i2s1_.dport_bit());
        return &i2s1_;
    }
    for (Spi *unit : {&spi2_, &spi3_})
        if (in(unit->base(), 0x400)) {
            dport_bit = int(unit->dport_bit());
            return unit;
        }
    return nullptr;
}

uint32_t Board::read32(uint32_t addr) {
    stats_.reg_reads++;
    if (addr & 3) {
        fault("unaligned register read at " + std::to_string(addr));
        return 0;
    }
    if (addr == kUart0Date) return 0x15122500;
    if (addr >= Gpio::kIoMuxBase && addr < Gpio::kIoMuxBase + Gpio::kIoMuxSize)
        return gpio_.iomux_read(addr - Gpio::kIoMuxBase);
    uint32_t offset;
    int bit;
    Peripheral *p = peripheral_at(addr, offset, bit);
    if (!p) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "read of unmapped address 0x%08X", unsigned(addr));
        fault(msg);
        return 0;
    }
    if (bit >= 0 && !dport_.usable(uint32_t(bit))) return 0;
    return p->read(offset);
}

void Board::write32(uint32_t addr, uint32_t value) {
    stats_.reg_writes++;
    if (addr >= Gpio::kIoMuxBase && addr < Gpio::kIoMuxBase + Gpio::kIoMuxSize) {
        gpio_.iomux_write(addr - Gpio::kIoMuxBase, value);
        update_static_inputs();
        update_ili9341_pads();
        update_xpt2046_pads();
        return;
    }
    uint32_t offset;
    int bit;
    Peripheral *p = peripheral_at(addr, offset, bit);
    if (!p || (addr & 3)) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "write to unmapped address 0x%08X", unsigned(addr));
        fault(msg);
        return;
    }
    // A peripheral whose clock is gated or that is held in reset ignores writes.
    if (bit >= 0 && !dport_.usable(uint32_t(bit))) return;
    p->write(offset, value);
    if (p == &gpio_) {
        update_static_inputs();
        update_ili9341_pads();
        update_xpt2046_pads();
    }
}

}  // namespace upanel::emu
