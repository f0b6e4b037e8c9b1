/* SPI buses of the ESP32 as ESP-IDF's SPI master driver sets them up: SPI2 (HSPI) and SPI3
 * (VSPI), their pins through the GPIO matrix and a DMA channel for transfers longer than the
 * 64-byte data buffer. SPI1 carries the flash and is refused. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "esp_err.h"
#include "rom/lldesc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes one DMA descriptor can carry (4096 - 4: 12-bit fields, word aligned). */
#define SPI_MAX_DMA_LEN (4096 - 4)

typedef enum {
    SPI1_HOST = 0, /* the flash's bus */
    SPI2_HOST = 1, /* HSPI */
    SPI3_HOST = 2, /* VSPI */
    SPI_HOST_MAX,
} spi_host_device_t;

#define SPI_HOST SPI1_HOST
#define HSPI_HOST SPI2_HOST
#define VSPI_HOST SPI3_HOST

typedef enum {
    SPI_DMA_DISABLED = 0, /* transfers of at most 64 bytes, from the data buffer */
    SPI_DMA_CH1 = 1,
    SPI_DMA_CH2 = 2,
    SPI_DMA_CH_AUTO = 3, /* a channel no other SPI unit has */
} spi_common_dma_t;
typedef spi_common_dma_t spi_dma_chan_t;

/* spi_bus_config_t.flags: pins the bus must have (checked by spi_bus_initialize). */
#define SPICOMMON_BUSFLAG_SLAVE 0
#define SPICOMMON_BUSFLAG_MASTER (1 << 0)
#define SPICOMMON_BUSFLAG_IOMUX_PINS (1 << 1)
#define SPICOMMON_BUSFLAG_GPIO_PINS (1 << 2)
#define SPICOMMON_BUSFLAG_SCLK (1 << 3)
#define SPICOMMON_BUSFLAG_MISO (1 << 4)
#define SPICOMMON_BUSFLAG_MOSI (1 << 5)
#define SPICOMMON_BUSFLAG_DUAL (1 << 6)
#define SPICOMMON_BUSFLAG_WPHD (1 << 7)
#define SPICOMMON_BUSFLAG_QUAD (SPICOMMON_BUSFLAG_DUAL | SPICOMMON_BUSFLAG_WPHD)
#define SPICOMMON_BUSFLAG_NATIVE_PINS SPICOMMON_BUSFLAG_IOMUX_PINS

typedef struct {
    union {
        int mosi_io_num; /* MOSI pad, or -1 */
        int data0_io_num;
    };
    union {
        int miso_io_num; /* MISO pad, or -1 */
        int data1_io_num;
    };
    int sclk_io_num; /* clock pad, or -1 */
    union {
        int quadwp_io_num; /* WP pad for quad mode, or -1 */
        int data2_io_num;
    };
    union {
        int quadhd_io_num; /* HD pad for quad mode, or -1 */
        int data3_io_num;
    };
    int data4_io_num; /* octal mode only (not on the ESP32): -1 or 0 */
    int data5_io_num;
    int data6_io_num;
    int data7_io_num;
    int max_transfer_sz; /* largest transfer in bytes; 0: 4092 with DMA, 64 without */
    uint32_t flags;      /* SPICOMMON_BUSFLAG_* */
    int intr_flags;      /* interrupt allocation flags (ignored on the host) */
} spi_bus_config_t;

/** Sets up an SPI bus: enables the unit's clock, takes a DMA channel (SPI_DMA_CH_AUTO picks a
 *  free one), routes SCLK and MOSI through the GPIO matrix (MISO is made an input; the quad
 *  WP/HD pins are checked, not routed: there is no quad mode) and installs the transfer-done
 *  interrupt handler. ESP_ERR_INVALID_ARG for SPI1_HOST or another unknown host, a NULL
 *  config, a bad DMA channel, a pad that cannot do its job or a pin the flags ask for
 *  missing; ESP_ERR_INVALID_STATE when the bus is
 *  initialized already, the unit or its interrupt is used by another driver, or the DMA
 *  channel is taken; ESP_ERR_NO_MEM when the DMA descriptors do not fit in DMA-capable RAM. */
esp_err_t spi_bus_initialize(spi_host_device_t host_id, const spi_bus_config_t *bus_config,
                             spi_dma_chan_t dma_chan);

/** Frees a bus: removes its interrupt handler, stops the unit, releases its DMA channel and
 *  descriptors and its pads. ESP_ERR_INVALID_ARG for an unknown host; ESP_ERR_INVALID_STATE
 *  when the bus is not initialized or still has devices. */
esp_err_t spi_bus_free(spi_host_device_t host_id);

/* ESP-IDF 4.0's spicommon_* functions, which the SPI master is built on. They keep the same
 * books as spi_bus_initialize: a unit is claimed while its DPORT clock is on, a DMA channel
 * while claimed here or selected by an SPI unit in DPORT_SPI_DMA_CHAN_SEL. */

/** Claims SPI2 or SPI3 for a driver named `source` (for the log) and turns the unit's clock
 *  on. false (and logged) when it is claimed already (by spi_bus_initialize or another
 *  driver), for SPI1 (the flash's) or an unknown host. */
bool spicommon_periph_claim(spi_host_device_t host, const char *source);

/** Whether the unit is claimed (its clock on); SPI1 always is (the flash). */
bool spicommon_periph_in_use(spi_host_device_t host);

/** Gives a claimed unit back, clock off and held in reset. false when it was not claimed,
 *  or (logged; ESP-IDF would pull the unit from under it) while a bus is initialized on it. */
bool spicommon_periph_free(spi_host_device_t host);

/** Claims DMA channel 1 or 2 and turns the SPI DMA clock on. false when it is claimed or
 *  selected by an SPI unit already; logged for another number (ESP-IDF asserts). */
bool spicommon_dma_chan_claim(int dma_chan);

/** Whether DMA channel 1 or 2 is claimed or selected by an SPI unit. */
bool spicommon_dma_chan_in_use(int dma_chan);

/** Frees a claimed DMA channel; the SPI DMA clock goes off with the last. false (logged)
 *  for a channel not claimed, another number, or a channel an initialized bus has (ESP-IDF
 *  asserts). */
bool spicommon_dma_chan_free(int dma_chan);

/** Routes a master's bus pins through the GPIO matrix: SCLK and MOSI out (MOSI also to the
 *  unit's input), MISO in, WP and HD both ways; selects DMA channel dma_chan (0: none) for
 *  the unit. *flags_o (if not NULL) gets what the pins allow: SPICOMMON_BUSFLAG_SCLK, _MISO,
 *  _MOSI, _WPHD, _DUAL, and _IOMUX_PINS when every pin given is the unit's native one (else
 *  _GPIO_PINS). The native pins go through the matrix too: direct IO_MUX routes are not
 *  modelled. ESP_ERR_INVALID_ARG for an unknown host, a NULL config, dma_chan over 2, a pin
 *  that cannot do its job or a flag in `flags` the pins do not allow;
 *  ESP_ERR_NOT_SUPPORTED without SPICOMMON_BUSFLAG_MASTER (no slave). */
esp_err_t spicommon_bus_initialize_io(spi_host_device_t host, const spi_bus_config_t *bus_config,
                                      int dma_chan, uint32_t flags, uint32_t *flags_o);

/** Lets the bus config's pins go: output off, the matrix's output and the IO_MUX function
 *  back to GPIO. ESP_ERR_INVALID_ARG for a NULL config. */
esp_err_t spicommon_bus_free_io_cfg(const spi_bus_config_t *bus_cfg);

/** (Deprecated in ESP-IDF) Gives the unit's native pins that IO_MUX has in its SPI function
 *  back to GPIO. ESP_ERR_INVALID_ARG for an unknown host. */
esp_err_t spicommon_bus_free_io(spi_host_device_t host);

/** Routes CS line cs_num (0..2) to pad cs_io_num through the GPIO matrix (an input-only pad
 *  only as the unit's CS0 input); CS0 also to the unit's CS input. force_gpio_matrix changes
 *  nothing here (native pins go through the matrix too). A bad host, line or pad is logged
 *  and nothing done. */
void spicommon_cs_initialize(spi_host_device_t host, int cs_io_num, int cs_num, int force_gpio_matrix);

/** (Deprecated in ESP-IDF) Frees CS line cs_num of the unit: the native CS0 pad leaves the
 *  SPI function, and any pad the matrix drives from the line goes back to GPIO. */
void spicommon_cs_free(spi_host_device_t host, int cs_num);

/** Resets a CS pad as gpio_reset_pin does. A bad pad is logged. */
void spicommon_cs_free_io(int cs_gpio_num);

/** Links descriptors over len bytes of data, 4092 each at most, the last with EOF, all
 *  owned by the DMA engine; for reception (isrx) each length is rounded up to whole words.
 *  The descriptors and the data must be in DMA-capable RAM; `dmadesc` needs
 *  (len + 4091) / 4092 of them. Bad arguments are logged and nothing written. */
void spicommon_setup_dma_desc_links(lldesc_t *dmadesc, int len, const uint8_t *data, bool isrx);

/** The SPI unit's register block (its chip address: SPI1 0x3FF42000, SPI2 0x3FF64000, SPI3
 *  0x3FF65000); NULL for an unknown host. On a PC the registers are on the emulated bus
 *  (esp32sim.read32), not in the program's memory: do not dereference it. */
typedef struct spi_dev_s spi_dev_t;
spi_dev_t *spicommon_hw_for_host(spi_host_device_t host);

/** The unit's interrupt source (ETS_SPI1/2/3_INTR_SOURCE: 29, 30, 31); -1 for an unknown host. */
int spicommon_irqsource_for_host(spi_host_device_t host);

/** The ESP32's DMA reset workaround (errata: resetting one SPI DMA channel resets both).
 *  A driver asks for a reset of its channel: done at once (a reset pulse of the SPI DMA
 *  module) and true when the other channel is idle; else false, and cb(arg) is called once
 *  the other channel goes idle, right after the reset. */
typedef void (*dmaworkaround_cb_t)(void *arg);
bool spicommon_dmaworkaround_req_reset(int dmachan, dmaworkaround_cb_t cb, void *arg);

/** Whether a requested reset waits for the other channel. */
bool spicommon_dmaworkaround_reset_in_progress(void);

/** Marks the channel idle; runs a reset (and its callback) that waited for it. */
void spicommon_dmaworkaround_idle(int dmachan);

/** Marks the channel as transferring. */
void spicommon_dmaworkaround_transfer_active(int dmachan);

#ifdef __cplusplus
}
#endif
