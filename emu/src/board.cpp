// The board as a whole: its parts, its faults, and the board the host firmware shares. Its
// other jobs each have a file: board_address.cpp (the CPU's address space),
// board_interrupts.cpp (the interrupt matrix), board_time.cpp (time and scheduled calls),
// board_hub75.cpp and board_ili9341.cpp (the displays wired to its pads).
#include "upanel/emu/board.h"

#include "upanel/ll/host_bus.h"

namespace upanel::emu {

Board::Board(uint32_t dma_heap_bytes)
    : dram_(dma_heap_bytes),
      i2s0_(0, dram_, dport_, now_),
      i2s1_(1, dram_, dport_, now_),
      spi2_(2, dram_, dport_, now_),
      spi3_(3, dram_, dport_, now_),
      timg0_(0, now_),
      timg1_(1, now_),
      rtc_cntl_(now_) {
    dport_.on_reset = [this](uint32_t bit) {
        if (bit == i2s0_.dport_bit()) i2s0_.reset();
        if (bit == i2s1_.dport_bit()) i2s1_.reset();
        if (bit == spi2_.dport_bit()) spi2_.reset();
        if (bit == spi3_.dport_bit()) spi3_.reset();
        if (bit == timg0_.dport_bit()) timg0_.reset();
        if (bit == timg1_.dport_bit()) timg1_.reset();
    };
    attach_hub75(Hub75Geometry{}, Hub75Pins{});
    attach_ili9341(Ili9341Pins{});
}

Board::~Board() {
    if (upanel_host_bus_current && upanel_host_bus_current->ctx == this) upanel_host_bus_current = nullptr;
}

void Board::fault(const std::string &what) {
    if (faults_.size() < 100) faults_.push_back(what);
}

static std::unique_ptr<Board> g_board;

Board &default_board() {
    if (!g_board) g_board = std::make_unique<Board>();
    return *g_board;
}

}  // namespace upanel::emu
