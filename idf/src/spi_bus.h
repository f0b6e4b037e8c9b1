// The state behind an initialized SPI bus and its devices, shared by the bus, device and
// transfer code.
#pragma once
#include <cstdint>
#include <deque>

#include "driver/spi_master.h"
#include "upanel/core/lldesc.h"

namespace upanel::idf {

constexpr int kCsLines = 3;  // CS0..CS2 of each SPI master

struct Job {
    spi_device_t *dev = nullptr;
    spi_transaction_t *trans = nullptr;
};

struct Bus {
    int spi = 0;                     // 2 (HSPI) or 3 (VSPI)
    uint32_t dma_chan = 0;           // 0: no DMA
    uint32_t max_bytes = 0;          // largest transfer
    int pads[4] = {-1, -1, -1, -1};  // MOSI, MISO, SCLK routed or claimed at init
    core::LlDesc *desc = nullptr;    // one chain, in DMA-capable RAM, for the running transfer
    uint32_t desc_count = 0;
    spi_device_t *devices[kCsLines] = {};  // by CS line
    std::deque<Job> queue;                 // waiting to start, in queue order across devices
    Job running;                           // on the bus now (dev == nullptr: none)
    spi_device_t *owner = nullptr;         // spi_device_acquire_bus: only its transactions start
    Job polling;                           // started by spi_device_polling_start, not yet ended
    uint64_t polling_stuck_at = 0;         // when the polling transfer is taken to be dead

    // How many of the device's transactions wait to start (ESP-IDF's trans_queue).
    size_t waiting(const spi_device_t *dev) const {
        size_t n = 0;
        for (const Job &j : queue) n += j.dev == dev;
        return n;
    }

    // The next job that may start: the first in queue order, or the owner's first.
    std::deque<Job>::iterator next_job() {
        if (polling.dev) return queue.end();  // the unit is the polling transaction's
        for (auto it = queue.begin(); it != queue.end(); ++it)
            if (!owner || it->dev == owner) return it;
        return queue.end();
    }
};

// DMA channels claimed by spicommon_dma_chan_claim or an initialized bus (bit n: channel n).
extern uint32_t g_dma_claimed;
// Whether channel 1 or 2 is claimed or selected in DPORT by an SPI unit other than `except_spi`.
bool dma_chan_taken(uint32_t chan, int except_spi = 0);
// The SPI DMA clock: on while a channel is claimed or selected, else off.
void update_dma_clock();

// A bus config's pins against ESP-IDF's rules and the flags that ask for pins.
esp_err_t check_bus_pins(const spi_bus_config_t &c, uint32_t flags);

// The bus of a host, or nullptr when it is not initialized (or the host is not SPI2/SPI3).
Bus *bus_of(spi_host_device_t host);

// The bus that has this device, or nullptr when no bus has it.
Bus *bus_with_device(const spi_device_t *dev);

// Checks a transaction against the device and its bus: what ESP-IDF checks, and what this shim
// cannot do. Then, as ESP-IDF does, a full-duplex transaction's rxlength 0 becomes its length.
esp_err_t check_transaction(const Bus &bus, const spi_device_t &dev, spi_transaction_t *t);

// The command phase's bits of a transaction on the device (0: none).
uint32_t command_bits(const spi_device_t &dev, const spi_transaction_t &t);

// Calls pre_cb, sets the device's clock, mode and CS line and starts the transfer.
void start_transfer(Bus &bus, const Job &job);

// A finished transfer's received bits, from the data buffer into rx_buffer or rx_data.
void fetch_result(Bus &bus, spi_transaction_t &t);

// How long a wait for the job's transfer may last before the unit is taken to be dead (a gated
// clock): kWaitTransfers times its bits at its device's clock, and an interrupt's latency.
constexpr uint32_t kWaitTransfers = 3;
uint64_t transfer_bound_us(const Job &job);

// The transfer-done interrupt handler: finishes the running transaction and starts the next.
void bus_isr(void *arg);

}  // namespace upanel::idf

struct spi_device_t {
    upanel::idf::Bus *bus = nullptr;
    int cs_line = 0;
    spi_device_interface_config_t cfg{};
    uint32_t clock_reg = 0;
    // Queued and not yet returned, in order: the first `finished` are done, their results
    // waiting for spi_device_get_trans_result, the rest waiting or running. ESP-IDF keeps
    // queue_size of each (Bus::waiting): a result that finds the results full is dropped, as
    // the chip drops it.
    std::deque<spi_transaction_t *> in_flight;
    size_t finished = 0;
};
