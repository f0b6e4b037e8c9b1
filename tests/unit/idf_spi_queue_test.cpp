// The SPI master's queue through the idf shim: how many transactions a device may have out,
// timeouts in emulated time, order across devices, polling next to queued transfers, and a
// bus without DMA.
#include <cstring>

#include "esp_heap_caps.h"
#include "freertos/FreeRTOS.h"
#include "idf_board_fixture.h"
#include "ili9341_display.h"

using namespace idf_test;
using upanel::emu::kPicosPerMs;

namespace {

struct Call {
    spi_transaction_t *trans;
    bool in_isr;
};
std::vector<Call> g_calls;
void record(spi_transaction_t *t) { g_calls.push_back({t, xPortInIsrContext() == pdTRUE}); }

// A transaction of n bytes from DMA-capable memory.
struct DmaTrans {
    explicit DmaTrans(size_t n) {
        buf = static_cast<uint8_t *>(heap_caps_malloc(n, MALLOC_CAP_DMA));
        t.tx_buffer = buf;
        t.length = 8 * n;
    }
    ~DmaTrans() { heap_caps_free(buf); }
    uint8_t *buf;
    spi_transaction_t t = {};
};

class IdfSpiQueue : public IdfBoard {
  protected:
    void SetUp() override {
        IdfBoard::SetUp();
        g_calls.clear();
    }
    double ms() const { return double(board.now()) / double(kPicosPerMs); }
};

}  // namespace

TEST_F(IdfSpiQueue, ADeviceQueuesQueueSizeTransactionsAndKeepsQueueSizeResults) {
    // ESP-IDF's two queues of queue_size: transactions waiting to start (the handler takes
    // them off as it starts them) and results (one that finds them full is dropped).
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_interface_config_t cfg = device_config(kCs, 3, 1'000'000);
    cfg.post_cb = record;
    spi_device_handle_t dev = add_device(cfg);
    DmaTrans a(100), b(100), c(100), d(100), e(100);  // 0.8 ms each at 1 MHz
    ASSERT_EQ(spi_device_queue_trans(dev, &a.t, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b.t, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &c.t, 0), ESP_OK);
    const double t0 = ms();
    EXPECT_EQ(spi_device_queue_trans(dev, &d.t, 0), ESP_ERR_TIMEOUT) << "three wait to start";
    EXPECT_EQ(ms(), t0) << "no wait with 0 ticks";
    ASSERT_EQ(spi_device_queue_trans(dev, &d.t, 2), ESP_OK) << "room once the first starts";
    EXPECT_LT(ms(), t0 + 0.1) << "it starts at the interrupt, not after the transfer";
    EXPECT_EQ(g_calls.size(), 0u) << "none done yet";
    vTaskDelay(pdMS_TO_TICKS(10));
    EXPECT_EQ(g_calls.size(), 4u) << "all four ran";
    spi_transaction_t *got;
    for (spi_transaction_t *want : {&a.t, &b.t, &c.t}) {
        ASSERT_EQ(spi_device_get_trans_result(dev, &got, 0), ESP_OK);
        EXPECT_EQ(got, want);
    }
    // The fourth result found three waiting: dropped, as the chip drops it.
    const double t1 = ms();
    EXPECT_EQ(spi_device_get_trans_result(dev, &got, 0), ESP_ERR_TIMEOUT);
    EXPECT_EQ(spi_device_get_trans_result(dev, &got, portMAX_DELAY), ESP_ERR_TIMEOUT)
        << "nothing in this program could return one: no endless wait";
    EXPECT_EQ(ms(), t1);
    EXPECT_EQ(spi_device_get_trans_result(dev, &got, 1), ESP_ERR_TIMEOUT);
    EXPECT_GE(ms(), t1 + 10);
    ASSERT_EQ(spi_device_queue_trans(dev, &e.t, 0), ESP_OK);
    ASSERT_EQ(spi_device_get_trans_result(dev, &got, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(got, &e.t);
}

TEST_F(IdfSpiQueue, AFullQueueThatNothingDrainsTimesOut) {
    // Another device holds the bus: nothing of this device's starts, so no room comes.
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_handle_t holder = add_device(device_config(15, 1));
    spi_device_handle_t dev = add_device(device_config(kCs, 1, 1'000'000));
    ASSERT_EQ(spi_device_acquire_bus(holder, portMAX_DELAY), ESP_OK);
    DmaTrans a(100), b(100);
    ASSERT_EQ(spi_device_queue_trans(dev, &a.t, 0), ESP_OK);
    const double t0 = ms();
    EXPECT_EQ(spi_device_queue_trans(dev, &b.t, 2), ESP_ERR_TIMEOUT);
    EXPECT_GE(ms(), t0 + 20) << "two ticks of 10 ms";
    const double t1 = ms();
    EXPECT_EQ(spi_device_queue_trans(dev, &b.t, portMAX_DELAY), ESP_ERR_TIMEOUT);
    EXPECT_LT(ms(), t1 + 10) << "forever, with nothing to end it, ends soon";
    ASSERT_EQ(spi_device_release_bus(holder), ESP_OK);
    spi_transaction_t *got;
    ASSERT_EQ(spi_device_get_trans_result(dev, &got, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(got, &a.t);
}

TEST_F(IdfSpiQueue, GetTransResultTimesOutWhileTheTransferRunsThenGetsIt) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_handle_t dev = add_device(device_config(kCs, 1, 1'000'000));
    DmaTrans big(4000);  // 32 ms at 1 MHz
    ASSERT_EQ(spi_device_queue_trans(dev, &big.t, 0), ESP_OK);
    spi_transaction_t *got = nullptr;
    const double t0 = ms();
    EXPECT_EQ(spi_device_get_trans_result(dev, &got, 1), ESP_ERR_TIMEOUT);
    EXPECT_GE(ms(), t0 + 10);
    EXPECT_LT(ms(), t0 + 11);
    ASSERT_EQ(spi_device_get_trans_result(dev, &got, pdMS_TO_TICKS(50)), ESP_OK);
    EXPECT_EQ(got, &big.t);
    EXPECT_GE(ms(), t0 + 32);
    EXPECT_LT(ms(), t0 + 34);
}

TEST_F(IdfSpiQueue, TransactionsOfTwoDevicesRunInQueueOrder) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_interface_config_t c1 = device_config(kCs, 4), c2 = device_config(15, 4, 8'000'000);
    c1.post_cb = c2.post_cb = record;
    spi_device_handle_t d1 = add_device(c1), d2 = add_device(c2);
    DmaTrans t[6] = {DmaTrans(40), DmaTrans(80), DmaTrans(12), DmaTrans(400), DmaTrans(4), DmaTrans(8)};
    for (int i = 0; i < 6; i++) ASSERT_EQ(spi_device_queue_trans(i % 2 ? d2 : d1, &t[i].t, 0), ESP_OK);
    spi_transaction_t *got;
    for (int i = 1; i < 6; i += 2) {  // d2's first: the bus runs d1's meanwhile all the same
        ASSERT_EQ(spi_device_get_trans_result(d2, &got, portMAX_DELAY), ESP_OK);
        EXPECT_EQ(got, &t[i].t);
    }
    for (int i = 0; i < 6; i += 2) {
        ASSERT_EQ(spi_device_get_trans_result(d1, &got, 0), ESP_OK) << "done already";
        EXPECT_EQ(got, &t[i].t);
    }
    ASSERT_EQ(g_calls.size(), 6u);
    for (int i = 0; i < 6; i++) {
        EXPECT_EQ(g_calls[i].trans, &t[i].t);
        EXPECT_TRUE(g_calls[i].in_isr);
    }
}

TEST_F(IdfSpiQueue, PollingWaitsForTheQueueAndCallsBackInTheTask) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_interface_config_t c1 = device_config(kCs, 4), c2 = device_config(15, 4);
    c1.pre_cb = c1.post_cb = c2.pre_cb = c2.post_cb = record;
    spi_device_handle_t d1 = add_device(c1), d2 = add_device(c2);
    DmaTrans q1(1000), q2(1000), p(16);
    ASSERT_EQ(spi_device_queue_trans(d1, &q1.t, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(d1, &q2.t, 0), ESP_OK);
    ASSERT_EQ(spi_device_polling_transmit(d2, &p.t), ESP_OK);
    ASSERT_EQ(g_calls.size(), 6u);
    const spi_transaction_t *order[6] = {&q1.t, &q1.t, &q2.t, &q2.t, &p.t, &p.t};
    for (int i = 0; i < 6; i++) {
        EXPECT_EQ(g_calls[i].trans, order[i]) << i;
        EXPECT_EQ(g_calls[i].in_isr, i < 4) << i;
    }
    // Its own results not yet collected: polling goes ahead (ESP-IDF's bus lock waits only
    // for transfers), the results stay; transmit, which takes the next result as its own,
    // refuses.
    g_calls.clear();
    ASSERT_EQ(spi_device_polling_transmit(d1, &p.t), ESP_OK);
    EXPECT_EQ(g_calls.size(), 2u);
    EXPECT_EQ(spi_device_transmit(d1, &p.t), ESP_ERR_INVALID_STATE);
    spi_transaction_t *got;
    ASSERT_EQ(spi_device_get_trans_result(d1, &got, 0), ESP_OK);
    EXPECT_EQ(got, &q1.t);
    ASSERT_EQ(spi_device_get_trans_result(d1, &got, 0), ESP_OK);
    EXPECT_EQ(got, &q2.t);
    // And then transmit queues, waits and is done.
    g_calls.clear();
    ASSERT_EQ(spi_device_transmit(d1, &p.t), ESP_OK);
    ASSERT_EQ(g_calls.size(), 2u);
    EXPECT_TRUE(g_calls[1].in_isr);
    EXPECT_EQ(spi_device_get_trans_result(d1, &got, 0), ESP_ERR_TIMEOUT) << "transmit took its result";
}

TEST_F(IdfSpiQueue, ABusWithoutDmaSendsUpTo64BytesFromAnyMemory) {
    ASSERT_EQ(init_bus(0, SPI_DMA_DISABLED, SPI3_HOST), ESP_OK);
    spi_device_handle_t dev = add_device(device_config(kCs), SPI3_HOST);
    std::vector<uint8_t> host_memory(65, 0xA5);
    spi_transaction_t t = {};
    t.tx_buffer = host_memory.data();
    t.length = 8 * 65;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    t.length = 8 * 64;
    const uint64_t before = board.spi(3).stats().bytes;
    ASSERT_EQ(spi_device_polling_transmit(dev, &t), ESP_OK);
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    EXPECT_EQ(board.spi(3).stats().bytes - before, 128u);
    EXPECT_TRUE(board.faults().empty()) << board.faults().front();
}

TEST_F(IdfSpiQueue, BusesShareTheTwoDmaChannels) {
    ASSERT_EQ(init_bus(4092, SPI_DMA_CH2, SPI2_HOST), ESP_OK);
    EXPECT_EQ(init_bus(4092, SPI_DMA_CH2, SPI3_HOST), ESP_ERR_INVALID_STATE) << "channel 2 is SPI2's";
    ASSERT_EQ(init_bus(4092, SPI_DMA_CH_AUTO, SPI3_HOST), ESP_OK);
    ASSERT_EQ(spi_bus_free(SPI2_HOST), ESP_OK);
    ASSERT_EQ(spi_bus_free(SPI3_HOST), ESP_OK);
}

TEST_F(IdfSpiQueue, AUnitUpanelsDriverHoldsIsRefused) {
    upanel::ili9341::Display display;
    upanel::ili9341::Config c;  // SPI2, the board's default wiring
    c.pins[upanel::ili9341::kMosi] = kMosi, c.pins[upanel::ili9341::kClk] = kClk;
    c.pins[upanel::ili9341::kCs] = kCs, c.pins[upanel::ili9341::kDc] = kDc;
    c.pins[upanel::ili9341::kRst] = kRst, c.pins[upanel::ili9341::kBacklight] = kBacklight;
    c.pins[upanel::ili9341::kMiso] = kMiso;
    ASSERT_EQ(display.init(c), upanel::ili9341::Status::kOk);
    EXPECT_EQ(init_bus(), ESP_ERR_INVALID_STATE);
    display.deinit();
    EXPECT_EQ(init_bus(), ESP_OK);
}

namespace {
spi_device_handle_t g_dev;
spi_transaction_t *g_follow_up;
esp_err_t g_wait_in_isr = ESP_OK, g_queue_in_isr = ESP_FAIL;
void queue_follow_up(spi_transaction_t *t) {
    record(t);
    spi_transaction_t *got;
    g_wait_in_isr = spi_device_get_trans_result(g_dev, &got, portMAX_DELAY);
    if (g_follow_up) g_queue_in_isr = spi_device_queue_trans(g_dev, g_follow_up, 0);
    g_follow_up = nullptr;
    vTaskDelay(100);  // cannot block here: returns at once
}
}  // namespace

TEST_F(IdfSpiQueue, ACallbackCannotWaitButMayQueueTheNextTransaction) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_interface_config_t cfg = device_config(kCs, 2);
    cfg.post_cb = queue_follow_up;
    g_dev = add_device(cfg);
    DmaTrans first(64), second(64);
    g_follow_up = &second.t;
    ASSERT_EQ(spi_device_queue_trans(g_dev, &first.t, 0), ESP_OK);
    const double t0 = ms();
    spi_transaction_t *got;
    ASSERT_EQ(spi_device_get_trans_result(g_dev, &got, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(got, &first.t);
    ASSERT_EQ(spi_device_get_trans_result(g_dev, &got, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(got, &second.t);
    EXPECT_LT(ms(), t0 + 1) << "no tick passed inside the handler";
    EXPECT_EQ(g_wait_in_isr, ESP_ERR_INVALID_STATE);
    EXPECT_EQ(g_queue_in_isr, ESP_OK);
    ASSERT_EQ(g_calls.size(), 2u);
    EXPECT_TRUE(g_calls[1].in_isr);
}

// SPI2's clock gated behind the shim's back: no transfer ends. The blocking calls give up
// after a few of the transfer's own times (1 ms for 1,000 bits at 1 MHz), even when asked to
// wait for ever, instead of holding the task for good.
TEST_F(IdfSpiQueue, AGatedClockEndsEvenAnEndlessWaitInAFewTransferTimes) {
    ASSERT_EQ(init_bus(), ESP_OK);
    spi_device_handle_t dev = add_device(device_config(kCs, 3, 1'000'000));
    DmaTrans a(125), b(125);
    auto gate = [&](bool on) {
        const uint32_t v = board.dport().read(0x0C0) & ~(1u << 6);  // SPI2 (TRM)
        board.dport().write(0x0C0, on ? v | (1u << 6) : v);
    };
    // Gated half-way through a queued transfer: the result never comes.
    ASSERT_EQ(spi_device_queue_trans(dev, &b.t, 0), ESP_OK);
    board.call_at(board.now() + kPicosPerMs / 2, [&] { gate(false); });
    spi_transaction_t *done = nullptr;
    double t0 = ms();
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_ERR_TIMEOUT);
    EXPECT_GE(ms() - t0, 1.0);
    EXPECT_LT(ms() - t0, 4 * 1.0 + 5);
    // The clock back: the transfer ends and its result comes.
    gate(true);
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(done, &b.t);
    // Gated before a polling transfer: it never starts.
    gate(false);
    t0 = ms();
    EXPECT_EQ(spi_device_polling_transmit(dev, &a.t), ESP_ERR_TIMEOUT);
    EXPECT_GE(ms() - t0, 1.0);
    EXPECT_LT(ms() - t0, 4 * 1.0 + 5);
    gate(true);
}
