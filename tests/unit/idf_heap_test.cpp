// ESP-IDF's heap functions through the idf shim: multi_heap over a caller's region, and
// heap_caps' figures, realloc, checks and dumps over the emulated DMA-capable heap. Expected
// values come from the board's own heap (Board::dram()), the sizes asked for and ESP-IDF's
// documented patterns (0xFE free, 0xCE new) and print format, not from the shim.
#include <cstring>
#include <string>
#include <vector>

#include "esp_heap_caps.h"
#include "idf_board_fixture.h"
#include "multi_heap.h"
#include "upanel/ll/bus.h"

using namespace idf_test;

namespace {

class IdfHeap : public IdfBoard {};

bool all(const void *p, size_t n, uint8_t v) {
    const auto *b = static_cast<const uint8_t *>(p);
    for (size_t i = 0; i < n; i++)
        if (b[i] != v) return false;
    return true;
}

TEST_F(IdfHeap, MultiHeapAllocatesInsideTheRegionItWasGiven) {
    std::vector<uint8_t> region(4096);
    EXPECT_EQ(multi_heap_register(region.data(), 40), nullptr) << "too small";
    multi_heap_handle_t h = multi_heap_register(region.data() + 1, region.size() - 1);  // not aligned
    ASSERT_NE(h, nullptr);
    const auto inside = [&](const void *p) {
        return p >= static_cast<void *>(region.data()) &&
               p < static_cast<void *>(region.data() + region.size());
    };
    EXPECT_TRUE(inside(h));
    const size_t start_free = multi_heap_free_size(h);
    EXPECT_GT(start_free, 3900u);
    EXPECT_LT(start_free, 4096u);
    EXPECT_EQ(multi_heap_malloc(h, 0), nullptr);

    void *a = multi_heap_malloc(h, 100);
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(inside(a));
    EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % 4, 0u);
    EXPECT_GE(multi_heap_get_allocated_size(h, a), 100u);
    EXPECT_LT(multi_heap_get_allocated_size(h, a), 104u + 1);
    EXPECT_TRUE(all(a, 100, 0xCE)) << "new blocks hold ESP-IDF's malloc fill";
    EXPECT_LE(multi_heap_free_size(h), start_free - 100);
    multi_heap_info_t info;
    multi_heap_get_info(h, &info);
    EXPECT_EQ(info.allocated_blocks, 1u);
    EXPECT_EQ(info.free_blocks, 1u);
    EXPECT_EQ(info.total_blocks, 2u);
    EXPECT_EQ(info.total_free_bytes, multi_heap_free_size(h));
    EXPECT_EQ(info.largest_free_block, info.total_free_bytes) << "one free block";
    EXPECT_GE(info.total_allocated_bytes, 100u);

    // Fill it; every block is distinct and inside; free them all: back to the start.
    std::vector<void *> blocks{a};
    while (void *p = multi_heap_malloc(h, 200)) {
        EXPECT_TRUE(inside(p));
        blocks.push_back(p);
    }
    EXPECT_GE(blocks.size(), 1u + 3900 / 210);
    EXPECT_LT(multi_heap_free_size(h), 200u);
    EXPECT_EQ(multi_heap_minimum_free_size(h), multi_heap_free_size(h));
    const size_t low = multi_heap_free_size(h);
    for (size_t i = 0; i < blocks.size(); i += 2) multi_heap_free(h, blocks[i]);
    EXPECT_TRUE(all(blocks[2], 200, 0xFE)) << "freed memory holds the free fill";
    EXPECT_TRUE(multi_heap_check(h, true));
    for (size_t i = 1; i < blocks.size(); i += 2) multi_heap_free(h, blocks[i]);
    EXPECT_EQ(multi_heap_free_size(h), start_free) << "all merged again";
    EXPECT_EQ(multi_heap_minimum_free_size(h), low);
    multi_heap_get_info(h, &info);
    EXPECT_EQ(info.total_blocks, 1u);
    EXPECT_TRUE(multi_heap_check(h, true));
}

TEST_F(IdfHeap, MultiHeapReallocKeepsTheBytesAndCheckFindsOverruns) {
    std::vector<uint8_t> region(2048);
    multi_heap_handle_t h = multi_heap_register(region.data(), region.size());
    ASSERT_NE(h, nullptr);
    auto *a = static_cast<uint8_t *>(multi_heap_realloc(h, nullptr, 16));
    ASSERT_NE(a, nullptr);
    for (int i = 0; i < 16; i++) a[i] = uint8_t(i);
    auto *a2 = static_cast<uint8_t *>(multi_heap_realloc(h, a, 64));  // free space after: in place
    EXPECT_EQ(a2, a);
    auto *b = static_cast<uint8_t *>(multi_heap_malloc(h, 32));
    auto *a3 = static_cast<uint8_t *>(multi_heap_realloc(h, a2, 300));  // b is in the way: moves
    ASSERT_NE(a3, nullptr);
    EXPECT_NE(a3, a2);
    for (int i = 0; i < 16; i++) EXPECT_EQ(a3[i], i);
    EXPECT_EQ(multi_heap_realloc(h, a3, 20), a3) << "shrinks in place";
    EXPECT_EQ(multi_heap_realloc(h, b, 100000), nullptr) << "no room: b stays";
    EXPECT_GE(multi_heap_get_allocated_size(h, b), 32u);
    EXPECT_TRUE(multi_heap_check(h, false));

    // An overrun past b into the header after it, and a write into free memory.
    const size_t bsize = multi_heap_get_allocated_size(h, b);
    uint8_t saved[8];
    std::memcpy(saved, b + bsize, 8);
    std::memset(b + bsize, 0x55, 8);
    EXPECT_FALSE(multi_heap_check(h, true));
    std::memcpy(b + bsize, saved, 8);
    EXPECT_TRUE(multi_heap_check(h, false));
    multi_heap_free(h, b);
    b[0] = 1;  // written after free
    EXPECT_FALSE(multi_heap_check(h, false));
    b[0] = 0xFE;
    EXPECT_TRUE(multi_heap_check(h, false));
    int not_a_block = 0;
    multi_heap_free(h, &not_a_block);  // logged, nothing changed
    multi_heap_free(h, a3 + 4);
    EXPECT_EQ(multi_heap_realloc(h, a3, 0), nullptr);
    EXPECT_TRUE(multi_heap_check(h, false));
    EXPECT_EQ(multi_heap_malloc(nullptr, 4), nullptr);
    EXPECT_FALSE(multi_heap_check(nullptr, false));
    multi_heap_set_lock(h, &not_a_block);
    testing::internal::CaptureStdout();
    multi_heap_dump(h);
    const std::string dump = testing::internal::GetCapturedStdout();
    EXPECT_NE(dump.find("free"), std::string::npos) << dump;
}

TEST_F(IdfHeap, HeapCapsFiguresAreTheEmulatedDmaHeaps) {
    multi_heap_info_t info;
    heap_caps_get_info(&info, MALLOC_CAP_DMA);
    const size_t free0 = board.dram().heap_free();
    EXPECT_EQ(info.total_free_bytes, free0);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), free0);
    void *a = heap_caps_malloc(1001, MALLOC_CAP_DMA);
    void *b = heap_caps_malloc(64, MALLOC_CAP_DMA);
    heap_caps_get_info(&info, MALLOC_CAP_DMA);
    EXPECT_EQ(info.total_free_bytes, free0 - 1004 - 64) << "word-rounded blocks";
    EXPECT_EQ(info.total_allocated_bytes, board.dram().heap_used());
    EXPECT_EQ(info.allocated_blocks, board.dram().used_blocks());
    EXPECT_EQ(info.total_blocks, info.allocated_blocks + info.free_blocks);
    EXPECT_EQ(heap_caps_get_allocated_size(a), 1004u);
    const size_t low = info.total_free_bytes;
    heap_caps_free(b);
    EXPECT_EQ(heap_caps_get_minimum_free_size(MALLOC_CAP_DMA), low) << "the low mark stays";
    EXPECT_EQ(heap_caps_get_minimum_free_size(MALLOC_CAP_SPIRAM), 0u);
    heap_caps_get_info(&info, MALLOC_CAP_SPIRAM);
    EXPECT_EQ(info.total_blocks, 0u) << "no PSRAM";

    // realloc: DMA memory moves to a new block with its bytes; host memory too.
    std::memset(a, 0x5A, 1001);
    auto *a2 = static_cast<uint8_t *>(heap_caps_realloc(a, 3000, MALLOC_CAP_DMA));
    ASSERT_NE(a2, nullptr);
    EXPECT_NE(upanel::ll::dma_addr(a2), 0u);
    EXPECT_TRUE(all(a2, 1001, 0x5A));
    EXPECT_EQ(heap_caps_get_allocated_size(a2), 3000u);
    auto *h = static_cast<uint8_t *>(heap_caps_malloc(10, MALLOC_CAP_8BIT));
    std::memset(h, 7, 10);
    auto *h2 = static_cast<uint8_t *>(heap_caps_realloc(h, 5000, MALLOC_CAP_8BIT));
    ASSERT_NE(h2, nullptr);
    EXPECT_TRUE(all(h2, 10, 7));
    EXPECT_EQ(heap_caps_get_allocated_size(h2), 5000u);
    EXPECT_EQ(heap_caps_realloc(h2, 0, MALLOC_CAP_8BIT), nullptr);
    EXPECT_EQ(heap_caps_realloc(a2, 10, MALLOC_CAP_SPIRAM), nullptr) << "no PSRAM: a2 stays";
    EXPECT_EQ(heap_caps_get_allocated_size(a2), 3000u);

    // The heap is sound until free memory is written.
    EXPECT_TRUE(heap_caps_check_integrity_all(true));
    EXPECT_TRUE(heap_caps_check_integrity(MALLOC_CAP_SPIRAM, true)) << "no such heap: none is bad";
    const uint32_t freed_at = 0x3FFB0000 + uint32_t(board.dram().heap_size()) - 8;  // the heap's free end
    uint8_t *free_byte = board.dram().host(freed_at);
    *free_byte = 0;  // a write into memory nobody owns
    EXPECT_FALSE(heap_caps_check_integrity(MALLOC_CAP_DMA, false));
    testing::internal::CaptureStdout();
    EXPECT_FALSE(heap_caps_check_integrity_addr(intptr_t(freed_at), true));
    EXPECT_NE(testing::internal::GetCapturedStdout().find("CORRUPT HEAP"), std::string::npos);
    EXPECT_FALSE(heap_caps_check_integrity_addr(0x3FF44000, false)) << "not a heap address";
    *free_byte = 0xFE;
    EXPECT_TRUE(heap_caps_check_integrity_addr(intptr_t(freed_at), false));
    EXPECT_TRUE(heap_caps_check_integrity_addr(reinterpret_cast<intptr_t>(a2), false))
        << "a host pointer to it";
    heap_caps_malloc_extmem_enable(4096);
    heap_caps_free(a2);
}

TEST_F(IdfHeap, HeapCapsPrintsAsEspIdfDoes) {
    void *a = heap_caps_malloc(400, MALLOC_CAP_DMA);
    const auto &d = board.dram();
    char want[512];
    std::snprintf(want, sizeof want,
                  "Heap summary for capabilities 0x00000008:\n"
                  "  At 0x3ffb0000 len %zu free %zu allocated %zu min_free %zu\n"
                  "    largest_free_block %zu alloc_blocks %zu free_blocks %zu total_blocks %zu\n"
                  "  Totals:\n"
                  "    free %zu allocated %zu min_free %zu largest_free_block %zu\n",
                  d.heap_size(), d.heap_free(), d.heap_used(), d.min_free(), d.largest_free(),
                  d.used_blocks(), d.free_blocks(), d.used_blocks() + d.free_blocks(), d.heap_free(),
                  d.heap_used(), d.min_free(), d.largest_free());
    testing::internal::CaptureStdout();
    heap_caps_print_heap_info(MALLOC_CAP_DMA);
    EXPECT_EQ(testing::internal::GetCapturedStdout(), want);
    testing::internal::CaptureStdout();
    heap_caps_dump_all();
    const std::string dump = testing::internal::GetCapturedStdout();
    char block[64];
    std::snprintf(block, sizeof block, "  block 0x%08x: 400 bytes used\n", unsigned(upanel::ll::dma_addr(a)));
    EXPECT_NE(dump.find(block), std::string::npos) << dump;
    EXPECT_EQ(dump.rfind("Heap 0x3ffb0000: ", 0), 0u) << dump;
    heap_caps_free(a);
}

}  // namespace
