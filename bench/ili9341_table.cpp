// Bus utilisation of ILI9341 flushes as the emulator measures it: virtual time for a number
// of flushes against the time their pixel bytes alone need on the bus (240x320x2 bytes at
// 40 MHz: 30.72 ms a frame), for full-screen buffers and for the seed's two quarter-screen
// buffers; then the emulator's own speed. Usage: bench_ili9341_table [--quick]
#include <chrono>
#include <cstdio>
#include <cstring>

#include "ili9341_display.h"
#include "upanel/emu/board.h"

using namespace upanel;

struct Result {
    double virtual_ms, bus_limit_ms, busy_ms, host_s;
    uint64_t frames;
};

// `frames` full screens, each sent as `factor` flushes of buffers of 1/factor screen,
// alternating between the buffers (rendering takes no time here).
static Result run(uint32_t factor, uint32_t buffers, uint32_t mhz, uint32_t frames) {
    emu::Board board(320 * 1024);
    upanel_host_bus_current = board.host_bus();
    ili9341::Display d;
    ili9341::Config c;
    c.hz = mhz * 1'000'000;
    c.buffer_count = buffers;
    c.buffer_pixels = 240 * 320 / factor;
    if (d.init(c) != ili9341::Status::kOk) {
        std::printf("init failed\n");
        return {};
    }
    const uint32_t rows = 320 / factor;
    const emu::Picos t0 = board.now();
    const emu::Picos busy0 = board.ili9341()->busy(t0);
    auto h0 = std::chrono::steady_clock::now();
    for (uint32_t f = 0; f < frames; f++)
        for (uint32_t part = 0; part < factor; part++)
            d.flush(0, part * rows, 239, part * rows + rows - 1, d.buffer(part % buffers), d.buffer_bytes());
    d.wait();
    Result r;
    r.host_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - h0).count();
    r.virtual_ms = double(board.now() - t0) / emu::kPicosPerMs;
    r.busy_ms = double(board.ili9341()->busy(board.now()) - busy0) / emu::kPicosPerMs;
    r.bus_limit_ms = frames * 240.0 * 320 * 2 * 8 / (mhz * 1e3);
    r.frames = board.ili9341()->stats().frames;
    d.deinit();
    upanel_host_bus_current = nullptr;
    return r;
}

int main(int argc, char **argv) {
    const bool quick = argc > 1 && !std::strcmp(argv[1], "--quick");
    const uint32_t frames = quick ? 10 : 100;
    std::printf(
        "| case | SPI | frames | virtual time | bus limit | per frame | utilisation | CS-low share | host s "
        "|\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    struct Case {
        const char *name;
        uint32_t factor, buffers, mhz;
    };
    for (Case k :
         {Case{"full screen, 1 buffer", 1, 1, 40}, Case{"full screen, 2 buffers", 1, 2, 40},
          Case{"seed: 2 quarter-screen buffers", 4, 2, 40}, Case{"seed: 2 quarter-screen buffers", 4, 2, 80},
          Case{"2 tenth-screen buffers", 10, 2, 40}}) {
        Result r = run(k.factor, k.buffers, k.mhz, frames);
        std::printf("| %s | %u MHz | %u | %.2f ms | %.2f ms | %.3f ms | %.2f%% | %.2f%% | %.2f |\n", k.name,
                    k.mhz, frames, r.virtual_ms, r.bus_limit_ms, r.virtual_ms / frames,
                    100 * r.bus_limit_ms / r.virtual_ms, 100 * r.busy_ms / r.virtual_ms, r.host_s);
    }
    std::printf(
        "\nUtilisation is the bus limit (pixel bytes x 8 bits / clock) over the virtual time "
        "from the first flush to the end of the last. CPU time between transfers is not modelled: "
        "the gaps are the command bytes and CS set-up/hold clocks of each flush.\n");
    return 0;
}
