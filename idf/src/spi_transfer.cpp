// One transaction on the bus: its checks, its start (pre_cb, device settings, a command phase,
// data from the data buffer or by DMA, reception into the data buffer), and the interrupt
// handler that finishes it (received bits to rx_buffer or rx_data) and starts the next.
#include "isr_context.h"
#include "spi_bus.h"
#include "upanel/ll/bus.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;

namespace {

// A DMA engine reads whole words from DMA-capable RAM.
bool dma_can_read(const void *buf, size_t bytes) {
    const uint32_t first = ll::dma_addr(buf);
    const uint32_t last = ll::dma_addr(static_cast<const uint8_t *>(buf) + bytes - 1);
    return first && !(first & 3u) && last == first + bytes - 1;
}

}  // namespace

namespace upanel::idf {

namespace {

bool half_duplex(const spi_device_t &d) { return d.cfg.flags & SPI_DEVICE_HALFDUPLEX; }
bool tx_enabled(const spi_transaction_t &t) { return (t.flags & SPI_TRANS_USE_TXDATA) || t.tx_buffer; }
bool rx_enabled(const spi_transaction_t &t) { return (t.flags & SPI_TRANS_USE_RXDATA) || t.rx_buffer; }

}  // namespace

uint32_t command_bits(const spi_device_t &dev, const spi_transaction_t &t) {
    uint32_t bits = (t.flags & SPI_TRANS_VARIABLE_CMD)
                        ? reinterpret_cast<const spi_transaction_ext_t &>(t).command_bits
                        : dev.cfg.command_bits;
    // ESP-IDF's HAL drops the command phase of a full-duplex device whose CS leads the data.
    if (!half_duplex(dev) && dev.cfg.cs_ena_pretrans != 0) bits = 0;
    return bits;
}

esp_err_t check_transaction(const Bus &bus, const spi_device_t &dev, spi_transaction_t *t) {
    if (!t) return ESP_ERR_INVALID_ARG;
    constexpr uint32_t kSupportedFlags = SPI_TRANS_USE_TXDATA | SPI_TRANS_USE_RXDATA | SPI_TRANS_VARIABLE_CMD;
    if (t->flags & ~kSupportedFlags) return ESP_ERR_NOT_SUPPORTED;  // multi-line, address, dummy, CS keep
    const bool hd = half_duplex(dev), tx = tx_enabled(*t), rx = rx_enabled(*t);
    const size_t max_bits = size_t(bus.max_bytes) * 8;
    // ESP-IDF's check_trans_valid, in its order.
    if ((t->flags & SPI_TRANS_USE_RXDATA) && t->rxlength > 32) return ESP_ERR_INVALID_ARG;
    if ((t->flags & SPI_TRANS_USE_TXDATA) && t->length > 32) return ESP_ERR_INVALID_ARG;
    if (t->length > max_bits || t->rxlength > max_bits) return ESP_ERR_INVALID_ARG;
    if (!hd && t->rxlength > t->length) return ESP_ERR_INVALID_ARG;  // rx longer than tx in full duplex
    if (hd && bus.dma_chan && rx && tx) return ESP_ERR_INVALID_ARG;  // the ESP32 cannot do both by DMA
    if (t->length == 0 && tx) return ESP_ERR_INVALID_ARG;
    if (hd && t->rxlength == 0 && rx) return ESP_ERR_INVALID_ARG;
    // The shim's own.
    if (command_bits(dev, *t) > ll::kSpiMaxCommandBits) return ESP_ERR_INVALID_ARG;  // USER2's 4 bits
    if (t->length && !tx && !(rx && !hd)) return ESP_ERR_INVALID_ARG;  // a length with nothing to send
    const size_t rx_bits = rx ? (hd || t->rxlength ? t->rxlength : t->length) : 0;
    if (rx_bits > ll::kSpiDataBufBytes * 8) return ESP_ERR_NOT_SUPPORTED;  // reception by DMA
    if (tx && !(t->flags & SPI_TRANS_USE_TXDATA) && bus.dma_chan &&
        !dma_can_read(t->tx_buffer, (t->length + 7) / 8))
        return ESP_ERR_INVALID_ARG;
    if (!hd && t->rxlength == 0) t->rxlength = t->length;  // as ESP-IDF does
    return ESP_OK;
}

void start_transfer(Bus &bus, const Job &job) {
    spi_device_t &d = *job.dev;
    spi_transaction_t &t = *job.trans;
    if (d.cfg.pre_cb) d.cfg.pre_cb(&t);
    const int spi = bus.spi;
    const bool tx_lsb = d.cfg.flags & SPI_DEVICE_TXBIT_LSBFIRST;
    ll::spi_ll_set_clock(spi, d.clock_reg);
    ll::spi_ll_set_mode(spi, d.cfg.mode);
    ll::spi_ll_select_cs(spi, d.cs_line, d.cfg.flags & SPI_DEVICE_POSITIVE_CS);
    ll::spi_ll_set_lsb_first(spi, tx_lsb);
    ll::spi_ll_set_rx_lsb_first(spi, d.cfg.flags & SPI_DEVICE_RXBIT_LSBFIRST);
    ll::spi_ll_clear_trans_done(spi);
    ll::spi_ll_set_command(spi, t.cmd, command_bits(d, t), tx_lsb);
    const bool tx = tx_enabled(t), rx = rx_enabled(t);
    ll::spi_ll_set_data_phases(spi, tx ? uint32_t(t.length) : 0, rx ? uint32_t(t.rxlength) : 0,
                               !half_duplex(d));
    const uint32_t bytes = uint32_t((t.length + 7) / 8);
    const bool by_dma = tx && !(t.flags & SPI_TRANS_USE_TXDATA) && bus.dma_chan;
    if (bus.dma_chan && !by_dma) ll::spi_ll_stop(spi);  // no out link left from an earlier transfer
    if (!tx) {
    } else if (t.flags & SPI_TRANS_USE_TXDATA) {
        ll::spi_ll_write_buffer(spi, t.tx_data, bytes);
    } else if (by_dma) {
        core::lldesc_chain(bus.desc, ll::dma_addr(bus.desc), ll::dma_addr(t.tx_buffer), bytes,
                           core::LlDescChain::kSend);
        ll::spi_ll_load_dma(spi, ll::dma_addr(bus.desc));
    } else {
        ll::spi_ll_write_buffer(spi, static_cast<const uint8_t *>(t.tx_buffer), bytes);
    }
    ll::spi_ll_user_start(spi);
}

void fetch_result(Bus &bus, spi_transaction_t &t) {
    if (!rx_enabled(t) || !t.rxlength) return;
    uint8_t *to = (t.flags & SPI_TRANS_USE_RXDATA) ? t.rx_data : static_cast<uint8_t *>(t.rx_buffer);
    ll::spi_ll_read_buffer(bus.spi, to, uint32_t((t.rxlength + 7) / 8));
}

uint64_t transfer_bound_us(const Job &job) {
    constexpr uint64_t kLatencyUs = 2'000;
    if (!job.dev || !job.trans) return kLatencyUs;
    const uint64_t hz = uint64_t(job.dev->cfg.clock_speed_hz);
    const spi_transaction_t &t = *job.trans;
    const bool hd = job.dev->cfg.flags & SPI_DEVICE_HALFDUPLEX;
    // Command, data (MISO after MOSI in half duplex) and a clock each of CS setup and hold.
    const uint64_t bits = command_bits(*job.dev, t) + t.length + (hd ? t.rxlength : 0) + 2;
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
        if (d.finished < size_t(d.cfg.queue_size)) d.finished++;
        else d.in_flight.erase(d.in_flight.begin() + std::ptrdiff_t(d.finished));  // results full
        fetch_result(b, *done.trans);
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
