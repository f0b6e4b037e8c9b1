/* The ESP32's DMA descriptor (lldesc_t), three 32-bit words in DMA-capable RAM, with
 * ESP-IDF's field names. The shim keeps the chip's 12-byte layout on a 64-bit PC: the buffer
 * and the next descriptor are chip addresses (0 ends the chain), not pointers. */
#pragma once
#include <stdint.h>

/* ESP-IDF's STAILQ_ENTRY(lldesc_s), named so that it binds. */
struct lldesc_link_s {
    uint32_t stqe_next; /* the next descriptor's chip address, or 0 */
};

typedef struct lldesc_s {
    /* Word 0, LSB first: the buffer's size and the bytes in it (both multiples of 4 for
     * reception), eof on the last of a frame, owner 1 = the DMA engine. */
    uint32_t size : 12, length : 12, offset : 5, sosf : 1, eof : 1, owner : 1;
    uint32_t buf; /* the buffer's chip address */
    union {
        uint32_t empty;
        struct lldesc_link_s qe;
    };
} lldesc_t;
