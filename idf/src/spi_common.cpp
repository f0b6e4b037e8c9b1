// ESP-IDF 4.0's spicommon_* layer: claiming SPI units and DMA channels (in the books
// spi_bus_initialize keeps), routing bus and CS pins through the GPIO matrix, DMA descriptor
// chains, the units' register blocks and interrupt sources, and the DMA reset workaround.
#include "driver/gpio.h"
#include "esp_log.h"
#include "pads.h"
#include "spi_bus.h"
#include "upanel/ll/dport_ll.h"
#include "upanel/ll/gpio_ll.h"
#include "upanel/ll/spi_ll.h"

using namespace upanel;

namespace {

const char *const kTag = "spi";

bool host_valid(spi_host_device_t host) { return host == SPI2_HOST || host == SPI3_HOST; }
int spi_number(spi_host_device_t host) { return int(host) + 1; }
bool dma_chan_valid(int chan) { return chan == 1 || chan == 2; }

// Puts a native pad that IO_MUX has in the unit's function back to GPIO.
void native_pad_to_gpio(int pad) {
    if (ll::iomux_func(pad) == ll::kIoMuxFuncSpi) ll::iomux_func_sel(pad, ll::kIoMuxFuncGpio);
}

// A pad that is both the unit's output and input signal (MOSI, WP, HD).
void route_both_ways(int pad, uint16_t signal) {
    ll::gpio_matrix_out(pad, signal, false);
    ll::gpio_route_input(pad, signal, false);
}

// The DMA reset workaround's books: channels transferring, and a reset waiting for one.
bool g_chan_busy[3];
int g_waiting_for = 0;
dmaworkaround_cb_t g_reset_cb = nullptr;
void *g_reset_arg = nullptr;

}  // namespace

extern "C" bool spicommon_periph_claim(spi_host_device_t host, const char *source) {
    if (!host_valid(host) || !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_periph_claim: SPI%d cannot be claimed", int(host) + 1);
        return false;
    }
    const uint32_t bit = ll::spi_dport_bit(spi_number(host));
    if (ll::dport_periph_enabled(bit)) {
        ESP_LOGE(kTag, "SPI%d already claimed (by %s)", spi_number(host), source ? source : "?");
        return false;
    }
    ll::dport_periph_enable(bit);
    return true;
}

extern "C" bool spicommon_periph_in_use(spi_host_device_t host) {
    if (host == SPI1_HOST) return true;
    if (!host_valid(host) || !ll::bus_ready()) return false;
    return ll::dport_periph_enabled(ll::spi_dport_bit(spi_number(host)));
}

extern "C" bool spicommon_periph_free(spi_host_device_t host) {
    if (!host_valid(host) || !spicommon_periph_in_use(host)) return false;
    if (idf::bus_of(host)) {
        ESP_LOGE(kTag, "spicommon_periph_free: SPI%d has a bus; spi_bus_free frees it", spi_number(host));
        return false;
    }
    ll::dport_periph_disable(ll::spi_dport_bit(spi_number(host)));
    return true;
}

extern "C" bool spicommon_dma_chan_claim(int dma_chan) {
    if (!dma_chan_valid(dma_chan) || !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_dma_chan_claim: no DMA channel %d", dma_chan);
        return false;
    }
    if (idf::dma_chan_taken(uint32_t(dma_chan))) return false;
    idf::g_dma_claimed |= 1u << dma_chan;
    ll::dport_periph_enable(ll::kDportBitSpiDma);
    return true;
}

extern "C" bool spicommon_dma_chan_in_use(int dma_chan) {
    if (!dma_chan_valid(dma_chan) || !ll::bus_ready()) return false;
    return idf::dma_chan_taken(uint32_t(dma_chan));
}

extern "C" bool spicommon_dma_chan_free(int dma_chan) {
    if (!dma_chan_valid(dma_chan) || !(idf::g_dma_claimed & (1u << dma_chan))) {
        ESP_LOGE(kTag, "spicommon_dma_chan_free: DMA channel %d is not claimed", dma_chan);
        return false;
    }
    for (spi_host_device_t h : {SPI2_HOST, SPI3_HOST}) {
        const idf::Bus *b = idf::bus_of(h);
        if (b && b->dma_chan == uint32_t(dma_chan)) {
            ESP_LOGE(kTag, "spicommon_dma_chan_free: the bus on SPI%d has channel %d", b->spi, dma_chan);
            return false;
        }
    }
    idf::g_dma_claimed &= ~(1u << dma_chan);
    idf::update_dma_clock();
    return true;
}

extern "C" esp_err_t spicommon_bus_initialize_io(spi_host_device_t host, const spi_bus_config_t *cfg,
                                                 int dma_chan, uint32_t flags, uint32_t *flags_o) {
    if (!host_valid(host) || !cfg || dma_chan < 0 || dma_chan > 2) return ESP_ERR_INVALID_ARG;
    if (!(flags & SPICOMMON_BUSFLAG_MASTER)) return ESP_ERR_NOT_SUPPORTED;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    esp_err_t err = idf::check_bus_pins(*cfg, 0);
    if (err != ESP_OK) return err;
    const int spi = spi_number(host);
    const ll::SpiNativePins native = ll::spi_native_pins(spi);
    // What the pins allow, as ESP-IDF works it out.
    uint32_t have = 0;
    bool all_native = true;
    auto pin = [&](int pad, int native_pad, uint32_t flag) {
        if (pad < 0) return;
        have |= flag;
        all_native = all_native && pad == native_pad;
    };
    pin(cfg->sclk_io_num, native.clk, SPICOMMON_BUSFLAG_SCLK);
    pin(cfg->mosi_io_num, native.mosi, SPICOMMON_BUSFLAG_MOSI);
    pin(cfg->miso_io_num, native.miso, SPICOMMON_BUSFLAG_MISO);
    const bool quad = cfg->quadwp_io_num >= 0 && cfg->quadhd_io_num >= 0;
    pin(cfg->quadwp_io_num, native.wp, 0);
    pin(cfg->quadhd_io_num, native.hd, 0);
    if (quad) have |= SPICOMMON_BUSFLAG_WPHD;
    auto can_output = [](int pad) { return pad < 0 || idf::pad_valid_output(pad); };
    if (can_output(cfg->mosi_io_num) && can_output(cfg->miso_io_num)) have |= SPICOMMON_BUSFLAG_DUAL;
    have |= all_native ? SPICOMMON_BUSFLAG_IOMUX_PINS : SPICOMMON_BUSFLAG_GPIO_PINS;
    if (flags & ~have & ~uint32_t(SPICOMMON_BUSFLAG_MASTER)) {
        ESP_LOGE(kTag, "spicommon_bus_initialize_io: the pins lack flags 0x%x",
                 unsigned(flags & ~have & ~1u));
        return ESP_ERR_INVALID_ARG;
    }

    if (cfg->mosi_io_num >= 0) route_both_ways(cfg->mosi_io_num, ll::spi_sig_mosi(spi));
    if (cfg->miso_io_num >= 0) {  // a master's input
        idf::release_pad(cfg->miso_io_num);
        ll::gpio_route_input(cfg->miso_io_num, ll::spi_sig_miso(spi), false);
    }
    if (cfg->sclk_io_num >= 0) ll::gpio_matrix_out(cfg->sclk_io_num, ll::spi_sig_clk(spi), false);
    if (cfg->quadwp_io_num >= 0) route_both_ways(cfg->quadwp_io_num, ll::spi_sig_wp(spi));
    if (cfg->quadhd_io_num >= 0) route_both_ways(cfg->quadhd_io_num, ll::spi_sig_hd(spi));
    if (dma_chan) ll::spi_ll_select_dma(spi, uint32_t(dma_chan));
    if (flags_o) *flags_o = have | (flags & SPICOMMON_BUSFLAG_MASTER);
    return ESP_OK;
}

extern "C" esp_err_t spicommon_bus_free_io_cfg(const spi_bus_config_t *bus_cfg) {
    if (!bus_cfg) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    for (int pad : {bus_cfg->mosi_io_num, bus_cfg->miso_io_num, bus_cfg->sclk_io_num, bus_cfg->quadwp_io_num,
                    bus_cfg->quadhd_io_num})
        if (idf::pad_valid(pad)) idf::release_pad(pad);
    return ESP_OK;
}

extern "C" esp_err_t spicommon_bus_free_io(spi_host_device_t host) {
    if (!host_valid(host)) return ESP_ERR_INVALID_ARG;
    if (!ll::bus_ready()) return ESP_ERR_INVALID_STATE;
    const ll::SpiNativePins p = ll::spi_native_pins(spi_number(host));
    for (int pad : {p.mosi, p.miso, p.clk, p.wp, p.hd}) native_pad_to_gpio(pad);
    return ESP_OK;
}

extern "C" void spicommon_cs_initialize(spi_host_device_t host, int cs_io_num, int cs_num,
                                        int force_gpio_matrix) {
    (void)force_gpio_matrix;  // the native pad goes through the matrix as well
    if (!host_valid(host) || cs_num < 0 || cs_num >= idf::kCsLines || !idf::pad_valid(cs_io_num) ||
        !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_cs_initialize: no CS line %d to pad %d on SPI%d", cs_num, cs_io_num,
                 int(host) + 1);
        return;
    }
    const int spi = spi_number(host);
    if (idf::pad_valid_output(cs_io_num)) ll::gpio_matrix_out(cs_io_num, ll::spi_sig_cs(spi, cs_num), false);
    else idf::release_pad(cs_io_num);
    ll::iomux_input_enable(cs_io_num, true);
    if (cs_num == 0) ll::gpio_matrix_in(uint32_t(cs_io_num), ll::spi_sig_cs0(spi), false);
    ll::iomux_func_sel(cs_io_num, ll::kIoMuxFuncGpio);
}

extern "C" void spicommon_cs_free(spi_host_device_t host, int cs_num) {
    if (!host_valid(host) || cs_num < 0 || cs_num >= idf::kCsLines || !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_cs_free: no CS line %d on SPI%d", cs_num, int(host) + 1);
        return;
    }
    const int spi = spi_number(host);
    if (cs_num == 0) native_pad_to_gpio(ll::spi_native_pins(spi).cs0);
    const uint16_t signal = ll::spi_sig_cs(spi, cs_num);
    for (int pad = 0; pad < ll::kPadCount; pad++) {
        if (!ll::pad_exists(pad)) continue;
        if (ll::gpio_output_signal(pad) == signal) idf::release_pad(pad);
    }
}

extern "C" void spicommon_cs_free_io(int cs_gpio_num) {
    if (!idf::pad_valid(cs_gpio_num)) {
        ESP_LOGE(kTag, "spicommon_cs_free_io: no pad %d", cs_gpio_num);
        return;
    }
    gpio_reset_pin(gpio_num_t(cs_gpio_num));
}

extern "C" void spicommon_setup_dma_desc_links(lldesc_t *dmadesc, int len, const uint8_t *data, bool isrx) {
    if (!dmadesc || !data || len <= 0 || !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_setup_dma_desc_links: nothing to link (%d bytes)", len);
        return;
    }
    auto *desc = reinterpret_cast<core::LlDesc *>(dmadesc);
    const uint32_t count = core::lldesc_count(uint32_t(len));
    const uint32_t first = ll::dma_addr(desc);
    const uint32_t last = ll::dma_addr(reinterpret_cast<uint8_t *>(desc) + count * sizeof(core::LlDesc) - 1);
    const uint32_t d0 = ll::dma_addr(data), d1 = ll::dma_addr(data + len - 1);
    if (!first || last != first + count * sizeof(core::LlDesc) - 1 || !d0 || d1 != d0 + uint32_t(len) - 1) {
        ESP_LOGE(kTag, "spicommon_setup_dma_desc_links: descriptors and data must be in DMA-capable RAM");
        return;
    }
    core::lldesc_chain(desc, first, d0, uint32_t(len),
                       isrx ? core::LlDescChain::kReceive : core::LlDescChain::kSend);
}

extern "C" spi_dev_t *spicommon_hw_for_host(spi_host_device_t host) {
    if (host != SPI1_HOST && !host_valid(host)) return nullptr;
    return reinterpret_cast<spi_dev_t *>(uintptr_t(ll::spi_base(spi_number(host))));
}

extern "C" int spicommon_irqsource_for_host(spi_host_device_t host) {
    if (host != SPI1_HOST && !host_valid(host)) return -1;
    return ll::spi_irq(spi_number(host));
}

extern "C" bool spicommon_dmaworkaround_req_reset(int dmachan, dmaworkaround_cb_t cb, void *arg) {
    if (!dma_chan_valid(dmachan) || !ll::bus_ready()) {
        ESP_LOGE(kTag, "spicommon_dmaworkaround_req_reset: no DMA channel %d", dmachan);
        return false;
    }
    const int other = dmachan == 1 ? 2 : 1;
    if (g_chan_busy[other]) {  // resetting now would break the other channel's transfer
        g_reset_cb = cb, g_reset_arg = arg, g_waiting_for = other;
        return false;
    }
    ll::dport_periph_reset(ll::kDportBitSpiDma);
    return true;
}

extern "C" bool spicommon_dmaworkaround_reset_in_progress(void) { return g_waiting_for != 0; }

extern "C" void spicommon_dmaworkaround_idle(int dmachan) {
    if (!dma_chan_valid(dmachan)) {
        ESP_LOGE(kTag, "spicommon_dmaworkaround_idle: no DMA channel %d", dmachan);
        return;
    }
    g_chan_busy[dmachan] = false;
    if (g_waiting_for != dmachan) return;
    g_waiting_for = 0;
    if (ll::bus_ready()) ll::dport_periph_reset(ll::kDportBitSpiDma);
    if (g_reset_cb) g_reset_cb(g_reset_arg);
}

extern "C" void spicommon_dmaworkaround_transfer_active(int dmachan) {
    if (!dma_chan_valid(dmachan)) {
        ESP_LOGE(kTag, "spicommon_dmaworkaround_transfer_active: no DMA channel %d", dmachan);
        return;
    }
    g_chan_busy[dmachan] = true;
}
