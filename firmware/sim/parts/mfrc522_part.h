/* An MFRC522 with a card that comes and goes: the chip's registers, answering REQA,
 * anticollision and SELECT at one or two cascade levels as ISO 14443A cards do. */
#ifndef SIM_MFRC522_PART_H
#define SIM_MFRC522_PART_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/bus.h"

typedef struct sim_mfrc522 {
    uint8_t uid[7];
    uint8_t uid_size; /* 4 or 7 */
    bool in_field;
    /* chip state */
    uint8_t fifo_in[16];
    uint8_t fifo_in_len;
    uint8_t fifo_out[8];
    uint8_t fifo_out_len;
    uint8_t fifo_out_read;
    uint8_t irq;
    uint8_t tx_control;
} sim_mfrc522;

void sim_mfrc522_regs(sim_mfrc522 *part, fw_spi_regs *spi);

#endif
