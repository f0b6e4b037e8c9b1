// The chip-side core (BCM plan, HUB75 encoder, descriptor chains) run on fixed inputs, one
// FNV-1a digest line per result, so that the host build and the Xtensa build running on an
// emulated CPU can be compared byte for byte. Values are fed little-endian, one at a time,
// so that neither struct padding nor the host's byte order enters the digest.
#include "core_digest.h"

#include <stddef.h>
#include <stdint.h>

#include "upanel/core/bcm_plan.h"
#include "upanel/core/hub75_chain.h"
#include "upanel/core/hub75_encoder.h"
#include "upanel/core/lldesc.h"

namespace {

using namespace upanel::core;

// Plain arrays: no C++ library headers (initializer_list) in the freestanding build.
const uint32_t kLightLevels[] = {0, 1, 37, 128, 255};
const bool kGammas[] = {false, true};
const uint32_t kChainLevels[] = {0, 1, 128, 255};
const uint32_t kTransferBytes[] = {1, 4092, 4093, 153600, 12345};

struct Digest {
    uint32_t h = 2166136261u;
    void byte(uint8_t b) { h = (h ^ b) * 16777619u; }
    void u16(uint32_t v) {
        byte(uint8_t(v));
        byte(uint8_t(v >> 8));
    }
    void u32(uint32_t v) {
        u16(v & 0xFFFF);
        u16(v >> 16);
    }
};

void put_text(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    digest_write(s, n);
}

void put_line(const char *name, uint32_t value) {
    char hex[11] = " 00000000\n";
    for (int i = 0; i < 8; i++) hex[1 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xF];
    put_text(name);
    digest_write(hex, 10);
}

// Pixels from a fixed linear congruential sequence (Numerical Recipes' constants).
uint8_t pixels[128 * 32 * 6];
void fill_pixels(uint32_t seed) {
    for (uint8_t &p : pixels) {
        seed = seed * 1664525u + 1013904223u;
        p = uint8_t(seed >> 24);
    }
}

uint16_t frame[128 * 16 * 12];
Hub75Encoder encoder;
LlDesc descs[4096];
uint16_t pad_row[2 * 512 * 2];

uint32_t plan_digest(const BcmPlan &p) {
    Digest d;
    d.u32(p.cols);
    d.u32(p.rows);
    d.u32(p.depth);
    d.u32(p.unit);
    for (uint32_t w : p.window) d.u32(w);
    d.u32(p.blank);
    d.u32(p.clocks_per_row());
    d.u32(p.max_padding());
    for (uint32_t b : kLightLevels) {
        const BcmPlan at = plan_brightness(p, b);
        d.u32(at.unit);
        d.u32(at.quarters);
        d.u32(at.gap);
        for (uint32_t w : at.window) d.u32(w);
        for (uint32_t q = 0; q < at.depth; q++) {
            WindowLight l = window_light(at, q);
            d.u32(l.on_start);
            d.u32(l.on_end);
            d.u32(at.dither_slot(q));
        }
    }
    return d.h;
}

uint32_t frame_digest() {
    Digest d;
    for (size_t i = 0; i < encoder.frame_words(); i++) d.u16(frame[i]);
    return d.h;
}

uint32_t descs_digest(uint32_t n) {
    Digest d;
    d.u32(n);
    for (uint32_t i = 0; i < n; i++) {
        d.u32(descs[i].word0);
        d.u32(descs[i].buf);
        d.u32(descs[i].next);
    }
    return d.h;
}

struct Case {
    const char *name;
    uint32_t chain;  // 64x32 panels in a row
    uint32_t depth, min_duty, blank;
};

}  // namespace

void core_digest_run() {
    const Case cases[] = {
        {"64x32 depth 8", 1, 8, BcmPlan::kDefaultMinDuty, BcmPlan::kDefaultBlanking},
        {"64x32 depth 11 duty 80 blank 0", 1, 11, 80, 0},
        {"128x32 depth 10 duty 40 blank 5", 2, 10, 40, 5},
    };
    for (const Case &c : cases) {
        put_text("== ");
        put_text(c.name);
        put_text("\n");
        BcmPlan plan = plan_bcm(64 * c.chain, 16, c.depth, c.min_duty, c.blank);
        put_line("plan", plan_digest(plan));
        Hub75Scan scan;
        scan.chain = c.chain;
        Hub75Grid grid;
        grid.cols = c.chain;
        encoder.set_scan(scan);
        encoder.set_grid(grid);
        const PixelFormat formats[] = {PixelFormat::kRgb565, PixelFormat::kRgb888, PixelFormat::kRgb48};
        const char *format_names[] = {"encode rgb565", "encode rgb888", "encode rgb48"};
        for (int f = 0; f < 3; f++) {
            for (bool gamma : kGammas) {
                encoder.configure(plan, gamma, 200);
                fill_pixels(uint32_t(f * 2 + gamma + c.depth));
                encoder.encode(pixels, formats[f], frame);
                put_line(format_names[f], frame_digest());
            }
        }
        encoder.configure(plan, true, 37);
        encoder.restamp(frame);
        put_line("restamp 37", frame_digest());
        const Hub75ChainNeeds needs = hub75_chain_needs(plan, 2);
        const uint32_t chunk = needs.pad_chunk;
        put_line("pad chunk", chunk);
        put_line("gap chunk", needs.gap_chunk);
        put_line("capacity", needs.descriptors);
        if (needs.descriptors > sizeof descs / sizeof descs[0]) {
            put_text("capacity over the harness's descriptors\n");
            continue;
        }
        const Hub75ChainLayout layout = {0x3FFB0000, 0x3FFC0000, chunk,
                                         0x3FFE8000, 0x3FFE9000, needs.gap_chunk};
        const Hub75DescBlock blocks[] = {{descs, 0x3FFD0000, sizeof descs / sizeof descs[0]}};
        for (uint32_t b : kChainLevels) {
            uint32_t n = hub75_build_chain(plan_brightness(plan, b), layout, blocks, 1);
            put_line("chain", descs_digest(n));
        }
        hub75_fill_pad_row(pad_row, chunk, 5);
        Digest d;
        for (uint32_t i = 0; i < 2 * 2 * chunk; i++) d.u16(pad_row[i]);
        put_line("pad row", d.h);
        const BcmPlan dim = plan_brightness(plan, 37);
        hub75_fill_dither_row(dim, pad_row, 5);
        Digest dd;
        for (uint32_t i = 0; i < 2 * dim.dither_slot_clocks(); i++) dd.u16(pad_row[i]);
        put_line("dither row", dd.h);
    }
    put_text("== lldesc\n");
    const LlDescChain kinds[] = {LlDescChain::kSend, LlDescChain::kSendRepeat, LlDescChain::kReceive};
    for (LlDescChain kind : kinds) {
        for (uint32_t bytes : kTransferBytes) {
            uint32_t n = lldesc_chain(descs, 0x3FFE0000, 0x3FFA0003 & ~3u, bytes, kind);
            put_line("lldesc", descs_digest(n));
        }
    }
    put_text("== end\n");
}
