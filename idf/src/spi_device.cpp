// Devices on a bus and their transactions: adding and removing, queueing, results, and the
// blocking and polling transmits.
#include <new>

#include "emulated_time.h"
#include "isr_context.h"
#include "pads.h"
#include "spi_bus.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;
using idf::Bus;

namespace {

constexpr uint32_t kUnsupportedDeviceFlags = SPI_DEVICE_3WIRE | SPI_DEVICE_CLK_AS_CS | SPI_DEVICE_DDRCLK;

// Lets emulated time pass for a wait that nothing inside this program can end.
void wait_ticks(TickType_t ticks) {
    if (ticks != 0 && ticks != portMAX_DELAY) idf::wait_us(uint64_t(ticks) * idf::kUsPerTick);
}

// Waits until done() or the ticks have passed. "Forever" ends when the transfer on the bus
// takes well beyond its time (a gated clock) or none runs to end the wait; the bound starts
// again with each transfer the bus starts.
template <class Done>
bool wait_for(Bus &b, TickType_t ticks, Done done) {
    const bool forever = ticks == portMAX_DELAY;
    const uint64_t deadline = ll::time_us() + uint64_t(ticks) * idf::kUsPerTick;
    spi_transaction_t *seen = b.running.trans;
    uint64_t stuck_at = ll::time_us() + idf::transfer_bound_us(b.running);
    while (!done()) {
        if (!forever && ll::time_us() >= deadline) return false;
        if (b.running.trans != seen) {
            seen = b.running.trans;
            stuck_at = ll::time_us() + idf::transfer_bound_us(b.running);
        } else if (forever && ll::time_us() > stuck_at) {
            return false;
        }
        ll::cpu_relax();
    }
    return true;
}

// Waits until the device's oldest transaction is done, or the ticks have passed.
bool wait_oldest_done(spi_device_t &d, TickType_t ticks) {
    return wait_for(*d.bus, ticks, [&] { return d.finished != 0; });
}

}  // namespace

extern "C" esp_err_t spi_bus_add_device(spi_host_device_t host_id, const spi_device_interface_config_t *cfg,
                                        spi_device_handle_t *handle) {
    if (host_id != SPI2_HOST && host_id != SPI3_HOST) return ESP_ERR_INVALID_ARG;
    if (!cfg || !handle) return ESP_ERR_INVALID_ARG;
    Bus *b = idf::bus_of(host_id);
    if (!b) return ESP_ERR_INVALID_STATE;
    if (cfg->clock_speed_hz <= 0 || cfg->mode > 3 || cfg->queue_size < 1) return ESP_ERR_INVALID_ARG;
    if (cfg->spics_io_num >= 0 && !idf::pad_valid_output(cfg->spics_io_num)) return ESP_ERR_INVALID_ARG;
    // ESP-IDF on the ESP32: a full-duplex device with a command or address phase cannot have
    // CS lead the data by more than a clock.
    if (cfg->cs_ena_pretrans > 1 && (cfg->address_bits || cfg->command_bits) &&
        !(cfg->flags & SPI_DEVICE_HALFDUPLEX))
        return ESP_ERR_INVALID_ARG;
    if (cfg->command_bits > ll::kSpiMaxCommandBits) return ESP_ERR_INVALID_ARG;  // USER2's 4 bits
    if (cfg->address_bits || cfg->dummy_bits || (cfg->flags & kUnsupportedDeviceFlags))
        return ESP_ERR_NOT_SUPPORTED;
    int line = 0;
    while (line < idf::kCsLines && b->devices[line]) line++;
    if (line == idf::kCsLines) return ESP_ERR_NOT_FOUND;

    spi_device_t *d = new (std::nothrow) spi_device_t;
    if (!d) return ESP_ERR_NO_MEM;
    d->bus = b;
    d->cs_line = line;
    d->cfg = *cfg;
    d->clock_reg = ll::spi_ll_clock_reg(uint32_t(cfg->clock_speed_hz));
    b->devices[line] = d;
    if (cfg->spics_io_num >= 0) ll::gpio_matrix_out(cfg->spics_io_num, ll::spi_sig_cs(b->spi, line), false);
    *handle = d;
    return ESP_OK;
}

extern "C" esp_err_t spi_bus_remove_device(spi_device_handle_t handle) {
    Bus *b = idf::bus_with_device(handle);
    if (!b) return ESP_ERR_INVALID_ARG;
    if (!handle->in_flight.empty() || b->owner == handle || b->polling.dev == handle)
        return ESP_ERR_INVALID_STATE;
    if (handle->cfg.spics_io_num >= 0) idf::release_pad(handle->cfg.spics_io_num);
    b->devices[handle->cs_line] = nullptr;
    delete handle;
    return ESP_OK;
}

extern "C" esp_err_t spi_device_queue_trans(spi_device_handle_t handle, spi_transaction_t *trans_desc,
                                            TickType_t ticks_to_wait) {
    Bus *b = idf::bus_with_device(handle);
    if (!b) return ESP_ERR_INVALID_ARG;
    esp_err_t err = idf::check_transaction(*b, *handle, trans_desc);
    if (err != ESP_OK) return err;
    // Room among the device's transactions waiting to start, made as the handler starts them.
    auto has_room = [&] { return b->waiting(handle) < size_t(handle->cfg.queue_size); };
    if (!has_room() && (idf::in_isr() || ticks_to_wait == 0 || !wait_for(*b, ticks_to_wait, has_room)))
        return ESP_ERR_TIMEOUT;
    handle->in_flight.push_back(trans_desc);
    b->queue.push_back(idf::Job{handle, trans_desc});
    // While the bus is idle trans_done is set, so this raises the interrupt and the handler
    // starts the transaction; while a transfer runs, the handler takes it up after that one.
    ll::spi_ll_set_trans_intr_enabled(b->spi, true);
    return ESP_OK;
}

extern "C" esp_err_t spi_device_get_trans_result(spi_device_handle_t handle, spi_transaction_t **trans_desc,
                                                 TickType_t ticks_to_wait) {
    if (!idf::bus_with_device(handle) || !trans_desc) return ESP_ERR_INVALID_ARG;
    if (idf::in_isr()) return ESP_ERR_INVALID_STATE;  // a handler cannot wait
    if (handle->in_flight.empty()) {
        wait_ticks(ticks_to_wait);
        return ESP_ERR_TIMEOUT;
    }
    if (!wait_oldest_done(*handle, ticks_to_wait)) return ESP_ERR_TIMEOUT;
    *trans_desc = handle->in_flight.front();
    handle->in_flight.pop_front();
    handle->finished--;
    return ESP_OK;
}

extern "C" esp_err_t spi_device_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc) {
    if (!idf::bus_with_device(handle)) return ESP_ERR_INVALID_ARG;
    if (idf::in_isr() || !handle->in_flight.empty()) return ESP_ERR_INVALID_STATE;
    esp_err_t err = spi_device_queue_trans(handle, trans_desc, portMAX_DELAY);
    if (err != ESP_OK) return err;
    spi_transaction_t *done = nullptr;
    return spi_device_get_trans_result(handle, &done, portMAX_DELAY);
}

extern "C" esp_err_t spi_device_polling_start(spi_device_handle_t handle, spi_transaction_t *trans_desc,
                                              TickType_t ticks_to_wait) {
    Bus *b = idf::bus_with_device(handle);
    if (!b) return ESP_ERR_INVALID_ARG;
    esp_err_t err = idf::check_transaction(*b, *handle, trans_desc);
    if (err != ESP_OK) return err;
    if (idf::in_isr() || b->polling.dev) return ESP_ERR_INVALID_STATE;  // one polling transaction at a time
    if (b->owner && b->owner != handle) return ESP_ERR_INVALID_STATE;   // held by another device
    // Queued transactions go first, this device's too (unless it holds the bus), as ESP-IDF's
    // bus lock lets them; their results stay for spi_device_get_trans_result. Then the handler
    // has turned the interrupt off and the bus is ours.
    if (!wait_for(*b, ticks_to_wait, [&] { return !b->running.dev && b->next_job() == b->queue.end(); }))
        return ESP_ERR_TIMEOUT;
    const idf::Job job{handle, trans_desc};
    b->polling = job;
    idf::start_transfer(*b, job);
    // A transfer that does not end in a few of its own times never will (a gated clock).
    b->polling_stuck_at = ll::time_us() + idf::transfer_bound_us(job);
    return ESP_OK;
}

extern "C" esp_err_t spi_device_polling_end(spi_device_handle_t handle, TickType_t ticks_to_wait) {
    Bus *b = idf::bus_with_device(handle);
    if (!b) return ESP_ERR_INVALID_ARG;
    if (b->polling.dev != handle) return ESP_ERR_INVALID_STATE;
    const bool forever = ticks_to_wait == portMAX_DELAY;
    const uint64_t deadline = ll::time_us() + uint64_t(ticks_to_wait) * idf::kUsPerTick;
    while (!ll::spi_ll_trans_done(b->spi)) {
        if (forever && ll::time_us() > b->polling_stuck_at) {  // the unit is dead: stopped, told
            ll::spi_ll_stop(b->spi);
            b->polling = idf::Job{};
            return ESP_ERR_TIMEOUT;
        }
        if (!forever && ll::time_us() >= deadline) return ESP_ERR_TIMEOUT;  // still in flight
        ll::cpu_relax();
    }
    spi_transaction_t *t = b->polling.trans;
    b->polling = idf::Job{};
    idf::fetch_result(*b, *t);
    if (handle->cfg.post_cb) handle->cfg.post_cb(t);
    // Transactions queued meanwhile start now.
    if (!b->queue.empty()) ll::spi_ll_set_trans_intr_enabled(b->spi, true);
    return ESP_OK;
}

extern "C" esp_err_t spi_device_polling_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc) {
    esp_err_t err = spi_device_polling_start(handle, trans_desc, portMAX_DELAY);
    if (err != ESP_OK) return err;
    return spi_device_polling_end(handle, portMAX_DELAY);
}

extern "C" esp_err_t spi_device_acquire_bus(spi_device_handle_t device, TickType_t wait) {
    Bus *b = idf::bus_with_device(device);
    if (!b || wait != portMAX_DELAY) return ESP_ERR_INVALID_ARG;  // ESP-IDF takes only portMAX_DELAY
    // Held by another device: on the chip this task would wait for a release that, here,
    // nothing else can make. Acquired twice: ESP-IDF's assertion.
    if (idf::in_isr() || b->owner) return ESP_ERR_INVALID_STATE;
    // Other devices' transactions, running or queued, go first, as the bus lock lets them.
    auto others_pending = [&] {
        if (b->running.dev && b->running.dev != device) return true;
        for (const idf::Job &j : b->queue)
            if (j.dev != device) return true;
        return false;
    };
    if (!wait_for(*b, portMAX_DELAY, [&] { return !others_pending(); })) return ESP_ERR_TIMEOUT;
    b->owner = device;
    return ESP_OK;
}

extern "C" esp_err_t spi_device_release_bus(spi_device_handle_t dev) {
    Bus *b = idf::bus_with_device(dev);
    if (!b) return ESP_ERR_INVALID_ARG;
    if (b->owner != dev) return ESP_ERR_INVALID_STATE;
    b->owner = nullptr;
    // Others' transactions held back meanwhile start now.
    if (!b->queue.empty()) ll::spi_ll_set_trans_intr_enabled(b->spi, true);
    return ESP_OK;
}
