/* The ESP32's DMA descriptor (lldesc_t), three 32-bit words in DMA-capable RAM. ESP-IDF
 * declares it with bitfields and pointers; the shim keeps the chip's 12-byte layout on a
 * 64-bit PC, so the buffer and the next descriptor are chip addresses (0 ends the chain). */
#pragma once
#include <stdint.h>

typedef struct lldesc_s {
    uint32_t word0; /* size:12, length:12, offset:5, sosf:1, eof:1, owner:1 (LSB first) */
    uint32_t buf;   /* the buffer's chip address */
    uint32_t next;  /* the next descriptor's chip address, or 0 */
} lldesc_t;
