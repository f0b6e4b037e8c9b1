// Encoder throughput: the optimised encoder, the plain reference encoder, and memcpy of the
// same number of output bytes, in one run. Report ns per pixel and frames per second.
#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <vector>

#include "reference/naive_hub75_encoder.h"
#include "upanel/core/hub75_encoder.h"

using namespace upanel;

namespace {
struct Setup {
    core::BcmPlan plan;
    core::Hub75Encoder enc;
    std::vector<uint16_t> px, out, copy_src;
    Setup(uint32_t w, uint32_t h) {
        plan = core::plan_bcm(w, h / 2, 8);
        enc.configure(plan, true, 255);
        px.resize(size_t(w) * h);
        std::mt19937 rng(1);
        for (auto &v : px) v = uint16_t(rng());
        out.resize(enc.frame_words());
        copy_src.resize(out.size());
    }
};

// Times `work` (one frame's output) for the panel size in the benchmark's arguments.
template <class Work>
void measure(benchmark::State &state, Work work) {
    uint32_t w = uint32_t(state.range(0)), h = uint32_t(state.range(1));
    Setup s(w, h);
    for (auto _ : state) {
        work(s);
        benchmark::DoNotOptimize(s.out.data());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * w * h);
    state.counters["frames/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["ns/pixel"] = benchmark::Counter(
        double(state.iterations()) * w * h * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Encoder(benchmark::State &state) {
    measure(state, [](Setup &s) {
        s.enc.encode(reinterpret_cast<const uint8_t *>(s.px.data()), core::PixelFormat::kRgb565,
                     s.out.data());
    });
}

void BM_NaiveEncoder(benchmark::State &state) {
    measure(state, [](Setup &s) { reference::naive_encode_rgb565(s.plan, s.px.data(), 255, s.out.data()); });
}

void BM_MemcpyOfOutput(benchmark::State &state) {
    measure(state, [](Setup &s) { std::memcpy(s.out.data(), s.copy_src.data(), s.out.size() * 2); });
}
}  // namespace

BENCHMARK(BM_Encoder)->Args({64, 32})->Args({128, 64});
BENCHMARK(BM_NaiveEncoder)->Args({64, 32})->Args({128, 64});
BENCHMARK(BM_MemcpyOfOutput)->Args({64, 32})->Args({128, 64});
BENCHMARK_MAIN();
