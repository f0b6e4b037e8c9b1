/* SPI buses of the ESP32 as ESP-IDF's SPI master driver sets them up: SPI2 (HSPI) and SPI3
 * (VSPI), their pins through the GPIO matrix and a DMA channel for transfers longer than the
 * 64-byte data buffer. SPI1 carries the flash and is refused. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes one DMA descriptor can carry (4096 - 4: 12-bit fields, word aligned). */
#define SPI_MAX_DMA_LEN (4096 - 4)

typedef enum {
    SPI1_HOST = 0,  /* the flash's bus */
    SPI2_HOST = 1,  /* HSPI */
    SPI3_HOST = 2,  /* VSPI */
    SPI_HOST_MAX,
} spi_host_device_t;

#define SPI_HOST SPI1_HOST
#define HSPI_HOST SPI2_HOST
#define VSPI_HOST SPI3_HOST

typedef enum {
    SPI_DMA_DISABLED = 0,  /* transfers of at most 64 bytes, from the data buffer */
    SPI_DMA_CH1 = 1,
    SPI_DMA_CH2 = 2,
    SPI_DMA_CH_AUTO = 3,   /* a channel no other SPI unit has */
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
        int mosi_io_num;   /* MOSI pad, or -1 */
        int data0_io_num;
    };
    union {
        int miso_io_num;   /* MISO pad, or -1 */
        int data1_io_num;
    };
    int sclk_io_num;       /* clock pad, or -1 */
    union {
        int quadwp_io_num; /* WP pad for quad mode, or -1 */
        int data2_io_num;
    };
    union {
        int quadhd_io_num; /* HD pad for quad mode, or -1 */
        int data3_io_num;
    };
    int data4_io_num;      /* octal mode only (not on the ESP32): -1 or 0 */
    int data5_io_num;
    int data6_io_num;
    int data7_io_num;
    int max_transfer_sz;   /* largest transfer in bytes; 0: 4092 with DMA, 64 without */
    uint32_t flags;        /* SPICOMMON_BUSFLAG_* */
    int intr_flags;        /* interrupt allocation flags (ignored on the host) */
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

#ifdef __cplusplus
}
#endif
