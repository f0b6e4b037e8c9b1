// spi_bus_initialize and spi_bus_free: the SPI unit's clock, DMA channel, pads, descriptors
// and interrupt handler.
#include <new>

#include "pads.h"
#include "spi_bus.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;
using idf::Bus;

namespace {

Bus *g_buses[SPI_HOST_MAX];

bool host_valid(spi_host_device_t host) { return host == SPI2_HOST || host == SPI3_HOST; }
int spi_number(spi_host_device_t host) { return host == SPI2_HOST ? 2 : 3; }

// A bus pin: -1 (none) or a pad fit for it; `required` when the flags ask for the pin.
bool pin_ok(int pad, bool output, bool required) {
    if (pad < 0) return !required;
    return output ? idf::pad_valid_output(pad) : idf::pad_valid(pad);
}

uint32_t max_transfer_bytes(const spi_bus_config_t &c, bool dma) {
    constexpr uint32_t kDmaLimit = ll::kSpiMaxTransferBits / 8;  // MOSI_DLEN's range
    if (!dma) return ll::kSpiDataBufBytes;
    if (c.max_transfer_sz <= 0) return SPI_MAX_DMA_LEN;
    return uint32_t(c.max_transfer_sz) < kDmaLimit ? uint32_t(c.max_transfer_sz) : kDmaLimit;
}

void route_pins(const Bus &b) {
    if (b.pads[0] >= 0) ll::gpio_matrix_out(b.pads[0], ll::spi_sig_mosi(b.spi), false);
    if (b.pads[1] >= 0) {  // an input: output off, the pad to the unit's MISO input signal
        idf::release_pad(b.pads[1]);
        ll::gpio_route_input(b.pads[1], ll::spi_sig_miso(b.spi), false);
    }
    if (b.pads[2] >= 0) ll::gpio_matrix_out(b.pads[2], ll::spi_sig_clk(b.spi), false);
}

void release(Bus *b) {
    if (b->desc) ll::dma_free(b->desc);
    delete b;
}

}  // namespace

namespace upanel::idf {

uint32_t g_dma_claimed = 0;

bool dma_chan_taken(uint32_t chan, int except_spi) {
    if (g_dma_claimed & (1u << chan)) return true;
    for (int spi = 1; spi <= 3; spi++)
        if (spi != except_spi && ll::spi_ll_selected_dma(spi) == chan) return true;
    return false;
}

void update_dma_clock() {
    const bool used = g_dma_claimed || ll::spi_ll_selected_dma(1) || ll::spi_ll_selected_dma(2) ||
                      ll::spi_ll_selected_dma(3);
    if (used) ll::dport_periph_enable(ll::kDportBitSpiDma);
    else ll::dport_periph_disable(ll::kDportBitSpiDma);
}

esp_err_t check_bus_pins(const spi_bus_config_t &c, uint32_t f) {
    const bool dual = f & SPICOMMON_BUSFLAG_DUAL, wphd = f & SPICOMMON_BUSFLAG_WPHD;
    bool ok = pin_ok(c.mosi_io_num, true, dual || (f & SPICOMMON_BUSFLAG_MOSI)) &&
              pin_ok(c.miso_io_num, false, dual || (f & SPICOMMON_BUSFLAG_MISO)) &&
              pin_ok(c.sclk_io_num, true, f & SPICOMMON_BUSFLAG_SCLK) &&
              pin_ok(c.quadwp_io_num, true, wphd) && pin_ok(c.quadhd_io_num, true, wphd);
    return ok ? ESP_OK : ESP_ERR_INVALID_ARG;
}

Bus *bus_of(spi_host_device_t host) { return host_valid(host) ? g_buses[host] : nullptr; }

Bus *bus_with_device(const spi_device_t *dev) {
    if (!dev) return nullptr;
    for (Bus *b : g_buses)
        if (b)
            for (spi_device_t *d : b->devices)
                if (d == dev) return b;
    return nullptr;
}

}  // namespace upanel::idf

extern "C" esp_err_t spi_bus_initialize(spi_host_device_t host_id, const spi_bus_config_t *bus_config,
                                        spi_dma_chan_t dma_chan) {
    if (!host_valid(host_id) || !bus_config || unsigned(dma_chan) > SPI_DMA_CH_AUTO)
        return ESP_ERR_INVALID_ARG;
    esp_err_t err = idf::check_bus_pins(*bus_config, bus_config->flags);
    if (err != ESP_OK) return err;
    if (!ll::bus_ready() || g_buses[host_id]) return ESP_ERR_INVALID_STATE;
    const int spi = spi_number(host_id);
    // Another driver (upanel's ILI9341 driver, say) has the unit.
    if (ll::dport_periph_enabled(ll::spi_dport_bit(spi))) return ESP_ERR_INVALID_STATE;
    uint32_t chan = 0;
    if (dma_chan != SPI_DMA_DISABLED) {
        static_assert(SPI_DMA_CH_AUTO == ll::kSpiDmaAnyChannel);
        chan = ll::spi_ll_pick_dma_channel(spi, uint32_t(dma_chan), idf::g_dma_claimed);
        if (!chan) return ESP_ERR_INVALID_STATE;
    }

    Bus *b = new (std::nothrow) Bus;
    if (!b) return ESP_ERR_NO_MEM;
    b->spi = spi;
    b->dma_chan = chan;
    b->max_bytes = max_transfer_bytes(*bus_config, chan != 0);
    b->pads[0] = bus_config->mosi_io_num, b->pads[1] = bus_config->miso_io_num;
    b->pads[2] = bus_config->sclk_io_num;
    if (chan) {
        b->desc_count = core::lldesc_count(b->max_bytes);
        b->desc = static_cast<core::LlDesc *>(ll::dma_alloc(b->desc_count * sizeof(core::LlDesc)));
        if (!b->desc) {
            release(b);
            return ESP_ERR_NO_MEM;
        }
    }
    if (!ll::intr_attach(ll::spi_irq(spi), &idf::bus_isr, b)) {
        release(b);
        return ESP_ERR_INVALID_STATE;
    }

    ll::dport_periph_enable(ll::spi_dport_bit(spi));
    if (chan) {
        idf::g_dma_claimed |= 1u << chan;  // as ESP-IDF's spicommon_dma_chan_claim
        ll::dport_periph_enable(ll::kDportBitSpiDma);
        ll::spi_ll_select_dma(spi, chan);
    }
    ll::spi_ll_master_init(spi, ll::spi_ll_clock_reg(1'000'000));  // each device sets its own
    if (chan) ll::spi_ll_dma_reset(spi);
    route_pins(*b);
    // Idle with trans_done set and its interrupt off: enabling the interrupt when a
    // transaction is queued runs the handler, which starts it.
    ll::spi_ll_raise_trans_done(spi);
    g_buses[host_id] = b;
    return ESP_OK;
}

extern "C" esp_err_t spi_bus_free(spi_host_device_t host_id) {
    if (!host_valid(host_id)) return ESP_ERR_INVALID_ARG;
    Bus *b = g_buses[host_id];
    if (!b) return ESP_ERR_INVALID_STATE;
    for (spi_device_t *d : b->devices)
        if (d) return ESP_ERR_INVALID_STATE;
    const int spi = b->spi;
    ll::spi_ll_set_trans_intr_enabled(spi, false);
    ll::intr_detach(ll::spi_irq(spi));
    if (b->dma_chan) {
        ll::spi_ll_stop(spi);
        ll::spi_ll_select_dma(spi, 0);
    }
    for (int pad : b->pads)
        if (pad >= 0) idf::release_pad(pad);
    ll::dport_periph_disable(ll::spi_dport_bit(spi));
    // The DMA clock is shared: it stays on while another channel is claimed or selected.
    if (b->dma_chan) {
        idf::g_dma_claimed &= ~(1u << b->dma_chan);
        idf::update_dma_clock();
    }
    g_buses[host_id] = nullptr;
    release(b);
    return ESP_OK;
}
