/* Devices on an SPI bus, and their transactions, as ESP-IDF's SPI master driver has them.
 *
 * How transactions run: spi_device_queue_trans() puts a transaction on the bus's queue and
 * returns at once. The bus's transfer-done interrupt handler runs the queue one transaction
 * after another, in the order they were queued (across all devices of the bus): it calls
 * the device's pre_cb, starts the transfer (by DMA from tx_buffer, or from the 64-byte data
 * buffer for SPI_TRANS_USE_TXDATA and on a bus without DMA), and when the transfer is done
 * calls post_cb, then starts the next one. pre_cb and post_cb of queued transactions thus run
 * in interrupt context (xPortInIsrContext() is true) and must not block. On the host the
 * interrupt is delivered whenever emulated time passes: in spi_device_get_trans_result(),
 * vTaskDelay(), ets_delay_us(), or when the program runs the emulator. A transaction's
 * post_cb has always run before spi_device_get_trans_result() returns it.
 *
 * spi_device_polling_transmit() runs one transaction with the interrupt off, after the
 * bus's queue has drained; its pre_cb and post_cb run in the calling task.
 *
 * From a callback (interrupt context) spi_device_queue_trans() may queue more (the handler
 * starts it next; ESP-IDF does not allow this); the functions that wait
 * (spi_device_get_trans_result, spi_device_transmit, spi_device_polling_transmit) give
 * ESP_ERR_INVALID_STATE there.
 *
 * A transaction has the phases ESP-IDF gives it: a command phase (the device's command_bits,
 * or with SPI_TRANS_VARIABLE_CMD the command_bits of the spi_transaction_ext_t it is part of)
 * sending cmd MSB first (LSB first with SPI_DEVICE_TXBIT_LSBFIRST), then the data: `length`
 * bits from tx_buffer or tx_data, and `rxlength` bits received into rx_buffer or rx_data
 * (SPI_TRANS_USE_RXDATA), any number of bits. A SPI_DEVICE_HALFDUPLEX device receives after
 * it has sent; otherwise both go at once and rxlength 0 becomes length when the transaction
 * is queued (as in ESP-IDF). Received bits go through the unit's 64-byte data buffer and are
 * copied to rx_buffer (any memory) before post_cb runs.
 *
 * What the host shim does not do (and says so with ESP_ERR_NOT_SUPPORTED): receiving more
 * than 64 bytes (ESP-IDF does that by DMA), address and dummy phases (address_bits,
 * dummy_bits, SPI_TRANS_VARIABLE_ADDR/DUMMY), dual/quad/octal modes,
 * SPI_TRANS_CS_KEEP_ACTIVE, 3-wire and DDR devices.
 * Where it is stricter than ESP-IDF: a tx_buffer sent by DMA must be word aligned in
 * DMA-capable memory (heap_caps_malloc with MALLOC_CAP_DMA), else ESP_ERR_INVALID_ARG (ESP-IDF
 * would copy it into a temporary DMA buffer); a length with nothing to send (no tx_buffer,
 * no SPI_TRANS_USE_TXDATA, no full-duplex reception) and command_bits over 16 are
 * ESP_ERR_INVALID_ARG; handles are checked (ESP_ERR_INVALID_ARG for a handle that is not a
 * device of any bus). cs_ena_pretrans, cs_ena_posttrans, duty_cycle_pos and input_delay_ns
 * are accepted; CS is held one clock before and after each transfer.
 *
 * The structs use anonymous unions, as ESP-IDF's do: C11, or C99 with GNU extensions. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "driver/spi_common.h"
#include "esp_err.h"
#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

/* spi_device_interface_config_t.flags */
#define SPI_DEVICE_TXBIT_LSBFIRST (1 << 0) /* bytes leave LSB first */
#define SPI_DEVICE_RXBIT_LSBFIRST (1 << 1)
#define SPI_DEVICE_BIT_LSBFIRST (SPI_DEVICE_TXBIT_LSBFIRST | SPI_DEVICE_RXBIT_LSBFIRST)
#define SPI_DEVICE_3WIRE (1 << 2)       /* not supported */
#define SPI_DEVICE_POSITIVE_CS (1 << 3) /* CS active high */
#define SPI_DEVICE_HALFDUPLEX (1 << 4)
#define SPI_DEVICE_CLK_AS_CS (1 << 5) /* not supported */
#define SPI_DEVICE_NO_DUMMY (1 << 6)
#define SPI_DEVICE_DDRCLK (1 << 7) /* not supported */

/* spi_transaction_t.flags */
#define SPI_TRANS_MODE_DIO (1 << 0)         /* not supported */
#define SPI_TRANS_MODE_QIO (1 << 1)         /* not supported */
#define SPI_TRANS_USE_RXDATA (1 << 2)       /* receive into rx_data (at most 32 bits), not rx_buffer */
#define SPI_TRANS_USE_TXDATA (1 << 3)       /* send tx_data (at most 32 bits), not tx_buffer */
#define SPI_TRANS_MODE_DIOQIO_ADDR (1 << 4) /* not supported */
#define SPI_TRANS_VARIABLE_CMD (1 << 5)     /* command_bits from spi_transaction_ext_t */
#define SPI_TRANS_VARIABLE_ADDR (1 << 6)    /* not supported */
#define SPI_TRANS_VARIABLE_DUMMY (1 << 7)   /* not supported */
#define SPI_TRANS_CS_KEEP_ACTIVE (1 << 8)   /* not supported */
#define SPI_TRANS_MULTILINE_CMD (1 << 9)    /* not supported */
#define SPI_TRANS_MODE_OCT (1 << 10)        /* not supported */
#define SPI_TRANS_MULTILINE_ADDR SPI_TRANS_MODE_DIOQIO_ADDR

struct spi_transaction_t;
typedef struct spi_transaction_t spi_transaction_t;

/** A device's pre- or post-transfer callback; gets the transaction (its user field is the
 *  caller's). Runs in interrupt context for queued transactions. */
typedef void (*transaction_cb_t)(spi_transaction_t *trans);

typedef struct {
    uint8_t command_bits;     /* command phase, 0..16 bits */
    uint8_t address_bits;     /* must be 0 on the host */
    uint8_t dummy_bits;       /* must be 0 on the host */
    uint8_t mode;             /* SPI mode 0..3 (CPOL, CPHA) */
    uint16_t duty_cycle_pos;  /* clock high time in 1/256 (0 or 128: 50%); accepted */
    uint16_t cs_ena_pretrans; /* accepted; CS leads the data by one clock */
    uint8_t cs_ena_posttrans; /* accepted; CS trails the data by one clock */
    int clock_speed_hz;       /* the clock is the fastest 80 MHz / n not above this */
    int input_delay_ns;       /* accepted, no effect */
    int spics_io_num;         /* CS pad, or -1 for none */
    uint32_t flags;           /* SPI_DEVICE_* */
    int queue_size;           /* transactions queued and not yet returned, at most */
    transaction_cb_t pre_cb;  /* before each transfer starts */
    transaction_cb_t post_cb; /* when each transfer is done */
} spi_device_interface_config_t;

struct spi_transaction_t {
    uint32_t flags;  /* SPI_TRANS_* */
    uint16_t cmd;    /* command phase's value, its low command_bits bits */
    uint64_t addr;   /* address phase (not supported: no address bits) */
    size_t length;   /* bits to send */
    size_t rxlength; /* bits to receive, at most 512 (full duplex: 0 = length) */
    void *user;      /* the caller's, for the callbacks */
    union {
        const void *tx_buffer; /* what to send; DMA-capable and word aligned on a DMA bus */
        uint8_t tx_data[4];    /* with SPI_TRANS_USE_TXDATA */
    };
    union {
        void *rx_buffer;    /* where received bits go, (rxlength + 7) / 8 bytes */
        uint8_t rx_data[4]; /* with SPI_TRANS_USE_RXDATA */
    };
};

/** A transaction with its own phase lengths (SPI_TRANS_VARIABLE_CMD: command_bits). */
typedef struct {
    struct spi_transaction_t base;
    uint8_t command_bits;
    uint8_t address_bits; /* SPI_TRANS_VARIABLE_ADDR is not supported */
    uint8_t dummy_bits;   /* SPI_TRANS_VARIABLE_DUMMY is not supported */
} spi_transaction_ext_t;

struct spi_device_t;
typedef struct spi_device_t *spi_device_handle_t;

/** Adds a device to an initialized bus and writes its handle to *handle. The device gets
 *  one of the bus's three CS lines, routed to spics_io_num. ESP_ERR_INVALID_ARG for an
 *  unknown host, NULL arguments, clock_speed_hz <= 0, mode > 3, queue_size < 1, a CS pad
 *  that cannot be an output, command_bits over 16, or (ESP-IDF's rule on the ESP32) a
 *  full-duplex device with command or address bits and cs_ena_pretrans over 1;
 *  ESP_ERR_INVALID_STATE when the bus is not initialized; ESP_ERR_NOT_FOUND when all three
 *  CS lines are taken; ESP_ERR_NOT_SUPPORTED for address or dummy bits or an unsupported
 *  flag; ESP_ERR_NO_MEM when out of memory. */
esp_err_t spi_bus_add_device(spi_host_device_t host_id, const spi_device_interface_config_t *dev_config,
                             spi_device_handle_t *handle);

/** Removes a device and frees its handle. ESP_ERR_INVALID_ARG for a handle that is not a
 *  device of any bus (NULL, or removed already); ESP_ERR_INVALID_STATE while it has
 *  transactions that spi_device_get_trans_result has not returned or a polling one not ended. */
esp_err_t spi_bus_remove_device(spi_device_handle_t handle);

/** Queues a transaction and returns at once; the interrupt handler runs it. The transaction
 *  and its buffer must stay untouched until spi_device_get_trans_result returns it. When
 *  queue_size transactions are queued and not yet returned, waits ticks_to_wait ticks for
 *  room; as only the caller itself can make room (by getting results), that wait lets
 *  emulated time pass and gives ESP_ERR_TIMEOUT (at once for portMAX_DELAY, where the chip
 *  would block forever). ESP_ERR_INVALID_ARG, as ESP-IDF: a bad handle, a NULL transaction,
 *  length or rxlength over the bus's max_transfer_sz, tx_data or rx_data over 32 bits, data
 *  to send with length 0, a half-duplex rx_buffer with rxlength 0, rxlength over length in
 *  full duplex, both sending and receiving on a half-duplex device of a DMA bus; and the
 *  shim's own (header comment) and a tx_buffer a DMA bus cannot read (not word aligned in
 *  DMA-capable memory). ESP_ERR_NOT_SUPPORTED for what the header comment lists. */
esp_err_t spi_device_queue_trans(spi_device_handle_t handle, spi_transaction_t *trans_desc,
                                 TickType_t ticks_to_wait);

/** Waits for the device's oldest queued transaction to be done and writes it to
 *  *trans_desc; transactions come back in the order they were queued, each after its
 *  post_cb ran. Lets emulated time pass while it waits: at most ticks_to_wait ticks
 *  (portMAX_DELAY: until done), then ESP_ERR_TIMEOUT. With nothing queued, ESP_ERR_TIMEOUT
 *  after the wait (at once for portMAX_DELAY). ESP_ERR_INVALID_ARG for a bad handle or a
 *  NULL trans_desc; ESP_ERR_INVALID_STATE in interrupt context. */
esp_err_t spi_device_get_trans_result(spi_device_handle_t handle, spi_transaction_t **trans_desc,
                                      TickType_t ticks_to_wait);

/** Queues a transaction and waits for it: spi_device_queue_trans then
 *  spi_device_get_trans_result. ESP_ERR_INVALID_STATE when the device has queued
 *  transactions not yet returned; otherwise what those two return. */
esp_err_t spi_device_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);

/** Runs one transaction by polling, with the interrupt off, once the bus's queue has
 *  drained; pre_cb and post_cb run in the calling task. ESP_ERR_INVALID_STATE when the
 *  device has queued transactions not yet returned; else the checks of
 *  spi_device_queue_trans. */
esp_err_t spi_device_polling_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);

/** Starts one transaction by polling, with the interrupt off, and returns while it runs;
 *  spi_device_polling_end finishes it. Waits (at most ticks_to_wait ticks, else
 *  ESP_ERR_TIMEOUT) until the bus's queued transactions are done. ESP_ERR_INVALID_STATE
 *  when a polling transaction started on the bus has not ended (this device's or another's),
 *  in an interrupt handler or while another device holds the bus; else the checks of
 *  spi_device_queue_trans. pre_cb runs here, in the calling task. */
esp_err_t spi_device_polling_start(spi_device_handle_t handle, spi_transaction_t *trans_desc,
                                   TickType_t ticks_to_wait);

/** Waits for the device's polling transaction to end (at most ticks_to_wait ticks, else
 *  ESP_ERR_TIMEOUT and it stays in flight; portMAX_DELAY: until done, or ESP_ERR_TIMEOUT
 *  when the unit is dead and then stopped), copies what was received and runs post_cb.
 *  ESP_ERR_INVALID_ARG for a bad handle; ESP_ERR_INVALID_STATE when the device has no
 *  polling transaction started. */
esp_err_t spi_device_polling_end(spi_device_handle_t handle, TickType_t ticks_to_wait);

/** The CLOCK register value for the clock nearest hz from fapb (its frequency in Hz),
 *  as ESP-IDF works it out (duty_cycle in 1/256: 128 is 50%), into *reg_o if not NULL;
 *  returns the clock it gives. Above 3/4 of fapb, fapb itself. 0 (logged) for fapb or
 *  hz <= 0. */
int spi_cal_clock(int fapb, int hz, int duty_cycle, uint32_t *reg_o);

/** ESP-IDF's MISO timing for a clock of eff_clk Hz and a device whose data comes
 *  input_delay_ns after the clock edge (plus 25 ns through the GPIO matrix when
 *  gpio_is_used): the dummy clocks needed into *dummy_o and the APB cycles to delay the
 *  sampling into *cycles_remain_o (-1: half a clock early). eff_clk <= 0 or over the APB
 *  clock (80 MHz): both 0, logged. */
void spi_get_timing(bool gpio_is_used, int input_delay_ns, int eff_clk, int *dummy_o, int *cycles_remain_o);

/** The fastest clock at which full-duplex data from such a device is read without dummy
 *  clocks: 80 MHz / (APB cycles of the delay + 1); 26666666 through the GPIO matrix with no
 *  device delay. */
int spi_get_freq_limit(bool gpio_is_used, int input_delay_ns);

/** Occupies the bus for this device: other devices' transactions, running or queued, finish
 *  first; from then on only this device's start (others' wait in the queue) until
 *  spi_device_release_bus. `wait` must be portMAX_DELAY (ESP_ERR_INVALID_ARG otherwise, as in
 *  ESP-IDF). ESP_ERR_INVALID_STATE in an interrupt handler, or when a device holds the bus
 *  already (where a task on the chip would wait for another task's release, or ESP-IDF would
 *  assert); ESP_ERR_TIMEOUT when a transfer it waits for never ends (a gated clock). */
esp_err_t spi_device_acquire_bus(spi_device_handle_t device, TickType_t wait);

/** Gives the bus back; transactions held back meanwhile start. ESP_ERR_INVALID_STATE when
 *  this device does not hold it. */
esp_err_t spi_device_release_bus(spi_device_handle_t dev);

#ifdef __cplusplus
}
#endif
