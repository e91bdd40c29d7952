/* MFRC522 RFID reader (13.56 MHz, ISO 14443A cards and tags): reads a card's UID through the
 * anticollision loop, 4-byte (single size) and 7-byte (double size) UIDs, each cascade level
 * checked against its BCC. The bar's card reader and the clinic's badge reader use it. */
#ifndef FW_MFRC522_H
#define FW_MFRC522_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/message.h"
#include "bus.h"

#define FW_MFRC522_UID_MAX 7u

/* Registers and chip commands (datasheet section 9 and 10). */
#define FW_MFRC522_COMMAND 0x01
#define FW_MFRC522_COM_IRQ 0x04
#define FW_MFRC522_ERROR 0x06
#define FW_MFRC522_FIFO_DATA 0x09
#define FW_MFRC522_FIFO_LEVEL 0x0A
#define FW_MFRC522_BIT_FRAMING 0x0D
#define FW_MFRC522_COLL 0x0E
#define FW_MFRC522_MODE 0x11
#define FW_MFRC522_TX_CONTROL 0x14
#define FW_MFRC522_TX_ASK 0x15
#define FW_MFRC522_T_MODE 0x2A
#define FW_MFRC522_T_PRESCALER 0x2B
#define FW_MFRC522_T_RELOAD_H 0x2C
#define FW_MFRC522_T_RELOAD_L 0x2D
#define FW_MFRC522_CMD_IDLE 0x00
#define FW_MFRC522_CMD_TRANSCEIVE 0x0C
#define FW_MFRC522_CMD_SOFT_RESET 0x0F

typedef enum fw_mfrc522_status {
    FW_MFRC522_OK = 0,
    FW_MFRC522_NO_CARD,
    FW_MFRC522_COLLISION,
    FW_MFRC522_ERROR_FRAME,
    FW_MFRC522_BCC
} fw_mfrc522_status;

typedef struct fw_mfrc522_uid {
    uint8_t bytes[FW_MFRC522_UID_MAX];
    uint8_t size;
} fw_mfrc522_uid;

/* ISO 14443-3 CRC_A (the card checks it on SELECT). */
uint16_t fw_crc_a(const uint8_t *data, size_t len);
/* A cascade level's anticollision answer: four bytes and their XOR (the BCC). */
bool fw_mfrc522_bcc_ok(const uint8_t answer[5]);
/* The UID as one number, first byte most significant; 7 bytes fit in 56 bits. */
int64_t fw_mfrc522_uid_value(const fw_mfrc522_uid *uid);

void fw_mfrc522_init(const fw_spi_regs *spi);
fw_mfrc522_status fw_mfrc522_read_uid(const fw_spi_regs *spi, fw_mfrc522_uid *uid);

/* A watching sensor slot reporting "card" (unit "uid") once per presentation: the same card
 * is reported again only after it was away for two polls. */
typedef struct fw_mfrc522 {
    fw_spi_regs spi;
    bool initialised;
    fw_mfrc522_uid present;
    uint8_t absent_polls;
} fw_mfrc522;

int fw_mfrc522_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);

#endif
