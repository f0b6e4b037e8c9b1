// libFuzzer target: arbitrary register writes and reads, DMA memory contents, descriptor
// chains, interrupt handlers and device rewiring on the emulated board. Whatever the bytes
// say, the emulator must neither crash, nor hang, nor trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "upanel/core/lldesc.h"
#include "upanel/emu/board.h"

using namespace upanel;

namespace {

// Register blocks a driver touches: DPORT, GPIO, IO_MUX, I2S0/1, SPI2/3.
constexpr uint32_t kBases[] = {0x3FF00000, 0x3FF00500, 0x3FF44000, 0x3FF44500, 0x3FF49000,
                               0x3FF4F000, 0x3FF6D000, 0x3FF64000, 0x3FF64100, 0x3FF65000,
                               0x3FF65100, 0x3FF40000, 0x3FF99000};
constexpr int kSources[] = {30, 31, 32, 33, 53, 54};

class Input {
  public:
    Input(const uint8_t *d, size_t n) : d_(d), n_(n) {}
    bool more() const { return i_ < n_; }
    uint8_t u8() { return i_ < n_ ? d_[i_++] : 0; }
    uint32_t u32() {
        uint32_t v = 0;
        for (int k = 0; k < 4; k++) v |= uint32_t(u8()) << (8 * k);
        return v;
    }

  private:
    const uint8_t *d_;
    size_t n_, i_ = 0;
};

struct IsrState {
    emu::Board *board;
    uint32_t clear_addr;
};

void isr(void *arg) {
    auto *s = static_cast<IsrState *>(arg);
    if (s->clear_addr) s->board->write32(s->clear_addr, 0xFFFFFFFF);  // sometimes clears
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    emu::Board board(64 * 1024);
    Input in(data, size);
    auto *mem = static_cast<uint8_t *>(board.dram().alloc(8192));
    const uint32_t base = board.dram().chip_addr(mem);
    IsrState isr_state[6];
    int ops = 0;
    while (in.more() && ops++ < 400) {
        switch (in.u8() % 9) {
            case 0: {
                uint32_t addr = kBases[in.u8() % (sizeof kBases / 4)] + 4u * in.u8();
                board.write32(addr, in.u32());
                break;
            }
            case 1:
                board.read32(kBases[in.u8() % (sizeof kBases / 4)] + 4u * in.u8());
                break;
            case 2: {  // raw bytes into DMA memory
                uint32_t off = (uint32_t(in.u8()) << 5) % 8192;
                for (int k = in.u8() % 32; k > 0 && off < 8192; k--) mem[off++] = in.u8();
                break;
            }
            case 3: {  // a descriptor pointing into the block (or anywhere)
                uint32_t off = (uint32_t(in.u8()) * 12) % (8192 - 12);
                core::LlDesc d{in.u32(), in.u8() & 1 ? base + (in.u32() % 8192) : in.u32(),
                               in.u8() & 1 ? base + (uint32_t(in.u8()) * 12) % (8192 - 12) : 0};
                std::memcpy(mem + off, &d, sizeof d);
                break;
            }
            case 4:
                board.run_for(emu::Picos(in.u8()) * 7 * emu::kPicosPerUs);
                break;
            case 5: {
                int k = in.u8() % 6;
                isr_state[k] = {&board, in.u8() & 1 ? kBases[5 + in.u8() % 6] + 0x18 : 0};
                if (!board.attach_isr(kSources[k], isr, &isr_state[k])) board.detach_isr(kSources[k]);
                break;
            }
            case 6: {
                static constexpr int kHeights[] = {16, 32, 64};
                int h = kHeights[in.u8() % 3];
                emu::Hub75Pins pins;
                for (int &p : pins.pad)
                    if (in.u8() & 1) p = in.u8() % 40;
                board.attach_hub75(emu::Hub75Geometry{8 * (1 + in.u8() % 8), h, 1 + in.u8() % 3, h / 2},
                                   pins);
                break;
            }
            case 7: {
                emu::Ili9341Pins pins;
                for (int &p : pins.pad)
                    if (in.u8() & 1) p = in.u8() % 40;
                board.attach_ili9341(pins);
                break;
            }
            case 8:
                if (board.hub75()) board.hub75()->light(in.u8() & 1, board.now());
                if (board.ili9341()) board.ili9341()->picture();
                break;
        }
    }
    return 0;
}
