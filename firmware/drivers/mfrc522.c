#include "mfrc522.h"

#define PICC_REQA 0x26
#define PICC_SEL_CL1 0x93
#define PICC_SEL_CL2 0x95
#define PICC_NVB_ANTICOLLISION 0x20
#define PICC_NVB_SELECT 0x70
/* The first byte of a cascade level that is not the last: the UID continues one level down. */
#define CASCADE_TAG 0x88
#define IRQ_RX_IDLE 0x30
#define IRQ_TIMER 0x01
#define ERR_COLLISION 0x08
#define ERR_FRAME 0x13 /* buffer overflow, parity, protocol */
/* The chip's own 25 ms timer ends a transceive with no card; this bounds the polling loop
 * if the chip itself stops answering. */
#define IRQ_POLLS 2000u

uint16_t fw_crc_a(const uint8_t *data, size_t len)
{
    uint16_t crc = 0x6363;
    while (len-- > 0) {
        uint8_t b = (uint8_t)(*data++ ^ (crc & 0xFFu));
        b = (uint8_t)(b ^ (b << 4));
        crc = (uint16_t)((crc >> 8) ^ ((uint16_t)b << 8) ^ ((uint16_t)b << 3) ^ (b >> 4));
    }
    return crc;
}

bool fw_mfrc522_bcc_ok(const uint8_t answer[5])
{
    return (uint8_t)(answer[0] ^ answer[1] ^ answer[2] ^ answer[3]) == answer[4];
}

int64_t fw_mfrc522_uid_value(const fw_mfrc522_uid *uid)
{
    int64_t v = 0;
    uint8_t i;
    for (i = 0; i < uid->size && i < FW_MFRC522_UID_MAX; i++) v = (v << 8) | uid->bytes[i];
    return v;
}

void fw_mfrc522_init(const fw_spi_regs *spi)
{
    spi->write(spi->ctx, FW_MFRC522_COMMAND, FW_MFRC522_CMD_SOFT_RESET);
    /* Timer: 25 ms timeout so a transceive with no card in the field ends by itself. */
    spi->write(spi->ctx, FW_MFRC522_T_MODE, 0x80);
    spi->write(spi->ctx, FW_MFRC522_T_PRESCALER, 0xA9);
    spi->write(spi->ctx, FW_MFRC522_T_RELOAD_H, 0x03);
    spi->write(spi->ctx, FW_MFRC522_T_RELOAD_L, 0xE8);
    spi->write(spi->ctx, FW_MFRC522_TX_ASK, 0x40); /* 100 % ASK, as ISO 14443A requires */
    spi->write(spi->ctx, FW_MFRC522_MODE, 0x3D);   /* CRC preset 0x6363, as CRC_A */
    spi->write(spi->ctx, FW_MFRC522_TX_CONTROL, (uint8_t)(spi->read(spi->ctx, FW_MFRC522_TX_CONTROL) | 0x03));
}

/* Sends bytes to the card (the last byte with last_bits bits, 0 meaning 8) and reads the answer. */
static fw_mfrc522_status transceive(const fw_spi_regs *spi, const uint8_t *send, size_t n, uint8_t last_bits,
                                    uint8_t *back, size_t want)
{
    size_t i;
    unsigned polls;
    uint8_t irq = 0, err, level;
    spi->write(spi->ctx, FW_MFRC522_COMMAND, FW_MFRC522_CMD_IDLE);
    spi->write(spi->ctx, FW_MFRC522_COM_IRQ, 0x7F);
    spi->write(spi->ctx, FW_MFRC522_FIFO_LEVEL, 0x80);
    for (i = 0; i < n; i++) spi->write(spi->ctx, FW_MFRC522_FIFO_DATA, send[i]);
    spi->write(spi->ctx, FW_MFRC522_COMMAND, FW_MFRC522_CMD_TRANSCEIVE);
    spi->write(spi->ctx, FW_MFRC522_BIT_FRAMING, (uint8_t)(0x80u | (last_bits & 7u)));
    for (polls = 0; polls < IRQ_POLLS; polls++) {
        irq = spi->read(spi->ctx, FW_MFRC522_COM_IRQ);
        if (irq & (IRQ_RX_IDLE | IRQ_TIMER)) break;
    }
    spi->write(spi->ctx, FW_MFRC522_BIT_FRAMING, 0);
    if (!(irq & IRQ_RX_IDLE)) return FW_MFRC522_NO_CARD;
    err = spi->read(spi->ctx, FW_MFRC522_ERROR);
    if (err & ERR_COLLISION) return FW_MFRC522_COLLISION;
    if (err & ERR_FRAME) return FW_MFRC522_ERROR_FRAME;
    level = spi->read(spi->ctx, FW_MFRC522_FIFO_LEVEL);
    if (level == 0) return FW_MFRC522_NO_CARD;
    if (level != want) return FW_MFRC522_ERROR_FRAME;
    for (i = 0; i < want; i++) back[i] = spi->read(spi->ctx, FW_MFRC522_FIFO_DATA);
    return FW_MFRC522_OK;
}

/* ANTICOLLISION then SELECT at one cascade level; the SAK says whether the UID goes on. */
static fw_mfrc522_status cascade(const fw_spi_regs *spi, uint8_t sel, uint8_t answer[5], bool *more)
{
    uint8_t frame[9];
    uint8_t sak[3];
    uint16_t crc;
    fw_mfrc522_status st;
    size_t i;
    frame[0] = sel;
    frame[1] = PICC_NVB_ANTICOLLISION;
    spi->write(spi->ctx, FW_MFRC522_COLL, 0x80);
    st = transceive(spi, frame, 2, 0, answer, 5);
    if (st != FW_MFRC522_OK) return st;
    if (!fw_mfrc522_bcc_ok(answer)) return FW_MFRC522_BCC;
    frame[1] = PICC_NVB_SELECT;
    for (i = 0; i < 5; i++) frame[2 + i] = answer[i];
    crc = fw_crc_a(frame, 7);
    frame[7] = (uint8_t)(crc & 0xFFu);
    frame[8] = (uint8_t)(crc >> 8);
    st = transceive(spi, frame, 9, 0, sak, 3);
    if (st != FW_MFRC522_OK) return st;
    if (fw_crc_a(sak, 1) != (uint16_t)(sak[1] | sak[2] << 8)) return FW_MFRC522_ERROR_FRAME;
    *more = (sak[0] & 0x04u) != 0;
    return FW_MFRC522_OK;
}

fw_mfrc522_status fw_mfrc522_read_uid(const fw_spi_regs *spi, fw_mfrc522_uid *uid)
{
    uint8_t reqa = PICC_REQA, atqa[2], answer[5];
    bool more = false;
    fw_mfrc522_status st;
    uid->size = 0;
    st = transceive(spi, &reqa, 1, 7, atqa, 2);
    /* A card left READY by the last poll ignores one REQA (ISO 14443-3); the second wakes it. */
    if (st == FW_MFRC522_NO_CARD) st = transceive(spi, &reqa, 1, 7, atqa, 2);
    if (st != FW_MFRC522_OK) return st;
    st = cascade(spi, PICC_SEL_CL1, answer, &more);
    if (st != FW_MFRC522_OK) return st;
    if (!more) {
        if (answer[0] == CASCADE_TAG) return FW_MFRC522_ERROR_FRAME;
        for (uid->size = 0; uid->size < 4; uid->size++) uid->bytes[uid->size] = answer[uid->size];
        return FW_MFRC522_OK;
    }
    if (answer[0] != CASCADE_TAG) return FW_MFRC522_ERROR_FRAME;
    uid->bytes[0] = answer[1];
    uid->bytes[1] = answer[2];
    uid->bytes[2] = answer[3];
    st = cascade(spi, PICC_SEL_CL2, answer, &more);
    if (st != FW_MFRC522_OK) return st;
    /* Triple-size (10-byte) UIDs are rare and outside FW_MFRC522_UID_MAX: refused. */
    if (more) return FW_MFRC522_ERROR_FRAME;
    for (uid->size = 3; uid->size < 7; uid->size++) uid->bytes[uid->size] = answer[uid->size - 3];
    return FW_MFRC522_OK;
}

static bool same_uid(const fw_mfrc522_uid *a, const fw_mfrc522_uid *b)
{
    uint8_t i;
    if (a->size != b->size) return false;
    for (i = 0; i < a->size; i++) {
        if (a->bytes[i] != b->bytes[i]) return false;
    }
    return true;
}

int fw_mfrc522_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap)
{
    fw_mfrc522 *r = (fw_mfrc522 *)ctx;
    fw_mfrc522_uid uid;
    fw_mfrc522_status st;
    (void)now_ms;
    (void)due;
    if (!r->initialised) {
        fw_mfrc522_init(&r->spi);
        r->initialised = true;
    }
    st = fw_mfrc522_read_uid(&r->spi, &uid);
    if (st != FW_MFRC522_OK) {
        if (st == FW_MFRC522_NO_CARD && r->absent_polls < 2 && ++r->absent_polls == 2) r->present.size = 0;
        return st == FW_MFRC522_NO_CARD ? 0 : -1;
    }
    r->absent_polls = 0;
    if (same_uid(&uid, &r->present) || cap < 1) return 0;
    r->present = uid;
    fw_reading_set(out, "card", fw_mfrc522_uid_value(&uid), 0, "uid");
    return 1;
}
