#include "mfrc522_part.h"

#include "drivers/mfrc522.h"

/* The anticollision answer of one cascade level: four UID bytes (or the cascade tag and three)
 * and their BCC. */
static void level_answer(const sim_mfrc522 *p, uint8_t sel, uint8_t out[5])
{
    if (p->uid_size == 4) {
        out[0] = p->uid[0]; out[1] = p->uid[1]; out[2] = p->uid[2]; out[3] = p->uid[3];
    } else if (sel == 0x93) {
        out[0] = 0x88; out[1] = p->uid[0]; out[2] = p->uid[1]; out[3] = p->uid[2];
    } else {
        out[0] = p->uid[3]; out[1] = p->uid[4]; out[2] = p->uid[5]; out[3] = p->uid[6];
    }
    out[4] = (uint8_t)(out[0] ^ out[1] ^ out[2] ^ out[3]);
}

static void answer(sim_mfrc522 *p, const uint8_t *data, uint8_t n)
{
    p->fifo_out_len = 0;
    p->fifo_out_read = 0;
    if (n == 1 && data[0] == 0x26) {
        p->fifo_out[0] = p->uid_size == 4 ? 0x04 : 0x44;
        p->fifo_out[1] = 0x00;
        p->fifo_out_len = 2;
    } else if (n == 2 && data[1] == 0x20 && (data[0] == 0x93 || (data[0] == 0x95 && p->uid_size == 7))) {
        level_answer(p, data[0], p->fifo_out);
        p->fifo_out_len = 5;
    } else if (n == 9 && data[1] == 0x70 && fw_crc_a(data, 7) == (uint16_t)(data[7] | data[8] << 8)) {
        uint16_t crc;
        p->fifo_out[0] = (uint8_t)(data[0] == 0x93 && p->uid_size == 7 ? 0x04 : 0x08);
        crc = fw_crc_a(p->fifo_out, 1);
        p->fifo_out[1] = (uint8_t)(crc & 0xFF);
        p->fifo_out[2] = (uint8_t)(crc >> 8);
        p->fifo_out_len = 3;
    }
}

static void write_reg(void *ctx, uint8_t reg, uint8_t v)
{
    sim_mfrc522 *p = (sim_mfrc522 *)ctx;
    switch (reg) {
    case FW_MFRC522_FIFO_LEVEL:
        if (v & 0x80) p->fifo_in_len = 0;
        break;
    case FW_MFRC522_FIFO_DATA:
        if (p->fifo_in_len < sizeof p->fifo_in) p->fifo_in[p->fifo_in_len++] = v;
        break;
    case FW_MFRC522_COM_IRQ:
        p->irq = 0;
        break;
    case FW_MFRC522_TX_CONTROL:
        p->tx_control = v;
        break;
    case FW_MFRC522_BIT_FRAMING:
        if (!(v & 0x80)) break;
        if (p->in_field && (p->tx_control & 0x03) == 0x03) answer(p, p->fifo_in, p->fifo_in_len);
        else p->fifo_out_len = 0;
        p->irq = p->fifo_out_len > 0 ? 0x30 : 0x01;
        p->fifo_in_len = 0;
        break;
    default:
        break;
    }
}

static uint8_t read_reg(void *ctx, uint8_t reg)
{
    sim_mfrc522 *p = (sim_mfrc522 *)ctx;
    switch (reg) {
    case FW_MFRC522_COM_IRQ: return p->irq;
    case FW_MFRC522_FIFO_LEVEL: return (uint8_t)(p->fifo_out_len - p->fifo_out_read);
    case FW_MFRC522_FIFO_DATA:
        return p->fifo_out_read < p->fifo_out_len ? p->fifo_out[p->fifo_out_read++] : 0;
    case FW_MFRC522_TX_CONTROL: return p->tx_control;
    default: return 0;
    }
}

void sim_mfrc522_regs(sim_mfrc522 *part, fw_spi_regs *spi)
{
    spi->ctx = part;
    spi->write = write_reg;
    spi->read = read_reg;
}
