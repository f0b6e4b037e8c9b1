// Refresh rate, OE duty, DMA bytes and descriptors as the emulated panel measures them, for
// panel sizes, depths and clocks; the same against brightness for one panel; then the
// emulator's speed in emulated seconds per host second. Usage: bench_hub75_table [--quick]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "hub75_matrix.h"
#include "upanel/emu/board.h"

using namespace upanel;

static void table() {
    std::printf(
        "| panel | depth | clock | refresh Hz | OE duty | DMA bytes | after any brightness | "
        "descriptors/frame |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    struct Size {
        uint32_t w, h, chain;
        const char *name;
    };
    for (Size sz : {Size{64, 32, 1, "64x32"}, Size{64, 64, 1, "64x64"}, Size{64, 64, 2, "128x64"}}) {
        for (uint32_t depth : {4u, 6u, 8u, 10u, 12u}) {
            for (uint32_t mhz : {10u, 20u}) {
                emu::Board board;
                board.attach_hub75(emu::Hub75Geometry{int(sz.w), int(sz.h), int(sz.chain), int(sz.h / 2)},
                                   emu::Hub75Pins{});
                upanel_host_bus_current = board.host_bus();
                hub75::Matrix m;
                hub75::Config c;
                c.width = sz.w;
                c.height = sz.h;
                c.chain = sz.chain;
                c.depth = depth;
                c.clock_hz = mhz * 1'000'000;
                hub75::Status s = m.init(c);
                if (s == hub75::Status::kNoDmaMemory) {
                    c.double_buffer = false;
                    s = m.init(c);
                }
                if (s != hub75::Status::kOk) {
                    std::printf("| %s | %u | %u MHz | does not fit: needs %u bytes | | | | |\n", sz.name,
                                depth, mhz, m.dma_needed());
                    continue;
                }
                std::vector<uint16_t> px(m.width() * m.height(), 0xFFFF);
                m.show(reinterpret_cast<uint8_t *>(px.data()), uint32_t(px.size() * 2),
                       core::PixelFormat::kRgb565);
                board.run_for(60 * emu::kPicosPerMs);
                auto st = board.hub75()->stats();
                const uint32_t descriptors = m.info().descriptors, bytes = m.info().dma_bytes;
                // Descriptors grow with the longest chain shown: every brightness in both frames.
                std::string dimmed;
                for (uint32_t b = 254; b >= 1 && m.set_brightness(b) == hub75::Status::kOk; b--)
                    m.show(reinterpret_cast<uint8_t *>(px.data()), uint32_t(px.size() * 2),
                           core::PixelFormat::kRgb565);
                dimmed = m.active() && m.brightness() == 1
                             ? std::to_string(m.info().dma_bytes)
                             : "no room below " + std::to_string(m.brightness() + 1);
                std::printf("| %s | %u | %u MHz | %.0f | %.1f%% | %u%s | %s | %u |\n", sz.name, depth, mhz,
                            st.refresh_hz, st.oe_duty * 100, bytes, c.double_buffer ? "" : " (single buffer)",
                            dimmed.c_str(), descriptors);
                m.deinit();
                upanel_host_bus_current = nullptr;
            }
        }
    }
}

// Refresh rate and OE duty against brightness, each averaged over 4 consecutive refreshes
// (the dither cycle) as the emulated panel measures them, white picture, gamma off.
static void brightness_table() {
    std::printf(
        "| brightness | refresh Hz | OE duty | light of full | plane 0 lit, clocks | descriptors/frame |\n");
    std::printf("|---|---|---|---|---|---|\n");
    emu::Board board;
    board.attach_hub75(emu::Hub75Geometry{64, 32, 1, 16}, emu::Hub75Pins{});
    upanel_host_bus_current = board.host_bus();
    hub75::Matrix m;
    hub75::Config c;
    c.gamma = false;
    m.init(c);
    std::vector<uint16_t> px(m.width() * m.height(), 0xFFFF);
    m.show(reinterpret_cast<uint8_t *>(px.data()), uint32_t(px.size() * 2), core::PixelFormat::kRgb565);
    double full = 0;
    for (uint32_t b :
         {255u, 224u, 192u, 160u, 128u, 96u, 64u, 48u, 32u, 24u, 20u, 16u, 12u, 8u, 4u, 2u, 1u}) {
        m.set_brightness(b);
        board.run_for(30 * emu::kPicosPerMs);
        double hz = 0, duty = 0;
        uint64_t seen = board.hub75()->stats().refreshes;
        for (int n = 0; n < 4;) {
            board.run_for(10 * emu::kPicosPerUs);
            auto st = board.hub75()->stats();
            if (st.refreshes == seen) continue;
            seen = st.refreshes;
            hz += st.refresh_hz / 4;
            duty += st.oe_duty / 4;
            n++;
        }
        if (b == 255) full = duty;
        std::printf("| %u | %.0f | %.2f%% | %.4f (%.1f/255) | %.2f | %u |\n", b, hz, duty * 100, duty / full,
                    duty / full * 255, m.info().lit_quarters / 4.0, m.info().descriptors);
    }
    m.deinit();
    upanel_host_bus_current = nullptr;
}

static void speed(bool changing, double emulated_s) {
    emu::Board board;
    upanel_host_bus_current = board.host_bus();
    hub75::Matrix m;
    hub75::Config c;
    m.init(c);
    std::vector<uint16_t> a(64 * 32, 0xF800), b(64 * 32, 0x07E0);
    auto t0 = std::chrono::steady_clock::now();
    uint64_t steps = uint64_t(emulated_s * 1000 / 16);
    for (uint64_t i = 0; i < steps; i++) {
        if (changing || i == 0)
            m.show(reinterpret_cast<uint8_t *>((i & 1 ? a : b).data()), 64 * 32 * 2,
                   core::PixelFormat::kRgb565);
        board.run_for(16 * emu::kPicosPerMs);
    }
    double host = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double emulated = double(board.now()) / double(emu::kPicosPerSecond);
    std::printf("| %s | %.2f | %.3f | %.1f |\n", changing ? "new frame every 16 ms" : "static picture",
                emulated, host, emulated / host);
    m.deinit();
    upanel_host_bus_current = nullptr;
}

int main(int argc, char **argv) {
    bool quick = argc > 1 && !std::strcmp(argv[1], "--quick");
    table();
    std::printf("\nAgainst brightness, 64x32 depth 8 at 20 MHz:\n\n");
    brightness_table();
    std::printf("\nEmulator speed, 64x32 depth 8 at 20 MHz:\n\n");
    std::printf("| picture | emulated s | host s | emulated s per host s |\n|---|---|---|---|\n");
    speed(false, quick ? 0.5 : 5);
    speed(true, quick ? 0.5 : 5);
    return 0;
}
