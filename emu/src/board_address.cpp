// The CPU's view of the board: which peripheral answers an address, with DPORT's clock gates
// and resets applied, and what an access nobody answers is (a fault).
#include "upanel/emu/board.h"

#include <cstdio>

namespace upanel::emu {

namespace {
constexpr uint32_t kUart0Date = 0x3FF40078;  // read by the DPORT errata workaround
// DPORT_PRO_INTR_STATUS_0..2_REG: the interrupt sources raised (read only).
constexpr uint32_t kProIntrStatus0 = Dport::kBase + 0x0EC;

bool in_block(uint32_t addr, uint32_t base, uint32_t size) { return addr >= base && addr - base < size; }
}  // namespace

// Something a pad's level depends on changed: the devices on the pads follow.
void Board::pads_changed() {
    update_static_inputs();
    update_ili9341_pads();
    update_xpt2046_pads();
}

void Board::set_pad(int pad, int level) {
    gpio_.set_external(pad, level);
    pads_changed();
    if (edge_mapped_) sample_edge_lines();
}

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
    if (in(RtcCntl::kBase, RtcCntl::kSize) && RtcCntl::modelled(offset)) return &rtc_cntl_;
    for (Timg *unit : {&timg0_, &timg1_})
        if (in(unit->base(), Timg::kSize)) {
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
    if (in_block(addr, Gpio::kIoMuxBase, Gpio::kIoMuxSize)) return gpio_.iomux_read(addr - Gpio::kIoMuxBase);
    if (in_block(addr, Gpio::kRtcIoBase, Gpio::kRtcIoSize)) return gpio_.rtcio_read(addr - Gpio::kRtcIoBase);
    if (addr == Gpio::kRtcCntlHoldForce) return gpio_.hold_force();
    if (addr == Gpio::kRtcCntlDigIso) return gpio_.dig_iso();
    if (in_block(addr, kProIntrStatus0, 12)) return intr_status(int(addr - kProIntrStatus0) / 4);
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
    write_register(addr, value);
    if (in_block(addr, Dport::kBase + Dport::kProIntrMap0, 4 * Dport::kIntrSources)) intr_map_changed();
    if (edge_mapped_) sample_edge_lines();
}

void Board::write_register(uint32_t addr, uint32_t value) {
    if (in_block(addr, Gpio::kIoMuxBase, Gpio::kIoMuxSize) && !(addr & 3)) {
        gpio_.iomux_write(addr - Gpio::kIoMuxBase, value);
        pads_changed();
        return;
    }
    if (in_block(addr, Gpio::kRtcIoBase, Gpio::kRtcIoSize) && !(addr & 3)) {
        gpio_.rtcio_write(addr - Gpio::kRtcIoBase, value);
        pads_changed();
        return;
    }
    if (addr == Gpio::kRtcCntlHoldForce || addr == Gpio::kRtcCntlDigIso) {
        if (addr == Gpio::kRtcCntlHoldForce) gpio_.set_hold_force(value);
        else gpio_.set_dig_iso(value);
        pads_changed();
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
    if (p == &gpio_) pads_changed();
}

}  // namespace upanel::emu
