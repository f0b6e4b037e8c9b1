// One transaction on the bus: its checks, its start (pre_cb, device settings, data from the
// data buffer or by DMA), and the interrupt handler that finishes it and starts the next.
#include "isr_context.h"
#include "spi_bus.h"
#include "upanel/ll/bus.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;

namespace {

// A chain of descriptors over the buffer, 4092 bytes each at most.
void build_chain(idf::Bus &b, const uint8_t *buf, uint32_t bytes) {
    const uint32_t first = ll::dma_addr(b.desc);
    for (uint32_t i = 0, off = 0; off < bytes; i++) {
        const uint32_t n = bytes - off < core::kLlDescMaxBytes ? bytes - off : core::kLlDescMaxBytes;
        const bool last = off + n == bytes;
        b.desc[i].word0 = core::lldesc_word0((n + 3) & ~3u, n, last, true);
        b.desc[i].buf = ll::dma_addr(buf + off);
        b.desc[i].next = last ? 0 : first + uint32_t(sizeof(core::LlDesc)) * (i + 1);
        off += n;
    }
}

// A DMA engine reads whole words from DMA-capable RAM.
bool dma_can_read(const void *buf, size_t bytes) {
    const uint32_t first = ll::dma_addr(buf);
    const uint32_t last = ll::dma_addr(static_cast<const uint8_t *>(buf) + bytes - 1);
    return first && !(first & 3u) && last == first + bytes - 1;
}

}  // namespace

namespace upanel::idf {

esp_err_t check_transaction(const Bus &bus, const spi_transaction_t *t) {
    if (!t) return ESP_ERR_INVALID_ARG;
    if ((t->flags & ~uint32_t(SPI_TRANS_USE_TXDATA)) || t->rxlength || t->rx_buffer)
        return ESP_ERR_NOT_SUPPORTED;  // receiving, multi-line modes, variable phases, CS keep
    if (t->length == 0 || t->length / 8 > bus.max_bytes) return ESP_ERR_INVALID_ARG;
    if (t->length % 8) return ESP_ERR_NOT_SUPPORTED;
    if (t->flags & SPI_TRANS_USE_TXDATA) return t->length <= 32 ? ESP_OK : ESP_ERR_INVALID_ARG;
    if (!t->tx_buffer) return ESP_ERR_INVALID_ARG;
    if (bus.dma_chan && !dma_can_read(t->tx_buffer, t->length / 8)) return ESP_ERR_INVALID_ARG;
    return ESP_OK;
}

void start_transfer(Bus &bus, const Job &job) {
    spi_device_t &d = *job.dev;
    spi_transaction_t &t = *job.trans;
    if (d.cfg.pre_cb) d.cfg.pre_cb(&t);
    const int spi = bus.spi;
    ll::spi_ll_write(spi, ll::spi_reg::kClock, d.clock_reg);
    ll::spi_ll_set_mode(spi, d.cfg.mode);
    ll::spi_ll_select_cs(spi, d.cs_line, d.cfg.flags & SPI_DEVICE_POSITIVE_CS);
    ll::spi_ll_set_lsb_first(spi, d.cfg.flags & SPI_DEVICE_TXBIT_LSBFIRST);
    ll::spi_ll_clear_trans_done(spi);
    const uint32_t bytes = uint32_t(t.length / 8);
    if (t.flags & SPI_TRANS_USE_TXDATA) {
        ll::spi_ll_start_bytes(spi, t.tx_data, bytes);
    } else if (bus.dma_chan) {
        build_chain(bus, static_cast<const uint8_t *>(t.tx_buffer), bytes);
        ll::spi_ll_start_dma(spi, ll::dma_addr(bus.desc), bytes);
    } else {
        ll::spi_ll_start_bytes(spi, static_cast<const uint8_t *>(t.tx_buffer), bytes);
    }
}

uint64_t transfer_bound_us(const Job &job) {
    constexpr uint64_t kLatencyUs = 2'000;
    if (!job.dev || !job.trans) return kLatencyUs;
    const uint64_t hz = uint64_t(job.dev->cfg.clock_speed_hz);
    const uint64_t bits = job.trans->length + 2;  // and a clock each of CS setup and hold
    return kWaitTransfers * ((bits * 1'000'000 + hz - 1) / hz) + kLatencyUs;
}

// Runs on trans_done with the interrupt enabled: a transfer ended, or (trans_done left set
// while idle) a transaction was queued. With nothing left to start the interrupt is turned
// off and trans_done stays set for the next queue_trans.
void bus_isr(void *arg) {
    Bus &b = *static_cast<Bus *>(arg);
    if (!ll::spi_ll_trans_done(b.spi)) return;
    InIsr in_isr;
    if (b.running.dev) {
        const Job done = b.running;
        b.running = Job{};
        spi_device_t &d = *done.dev;
        if (d.finished < size_t(d.cfg.queue_size))
            d.finished++;
        else
            d.in_flight.erase(d.in_flight.begin() + std::ptrdiff_t(d.finished));  // results full
        if (done.dev->cfg.post_cb) done.dev->cfg.post_cb(done.trans);
    }
    auto next = b.next_job();
    if (next == b.queue.end()) {  // nothing, or only others' while a device holds the bus
        ll::spi_ll_set_trans_intr_enabled(b.spi, false);
        return;
    }
    b.running = *next;
    b.queue.erase(next);
    start_transfer(b, b.running);
}

}  // namespace upanel::idf
