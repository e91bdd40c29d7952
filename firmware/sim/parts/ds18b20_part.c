#include "ds18b20_part.h"

#include <math.h>

#include "drivers/ds18b20.h"

enum { IDLE, ROM, FUNCTION };

void sim_ds18b20_scratchpad(double celsius, uint8_t out[9])
{
    long raw = lround(celsius * 16.0);
    if (raw < -55 * 16) raw = -55 * 16;
    if (raw > 125 * 16) raw = 125 * 16;
    out[0] = (uint8_t)((unsigned long)raw & 0xFFu);
    out[1] = (uint8_t)(((unsigned long)raw >> 8) & 0xFFu);
    out[2] = 0x4B;
    out[3] = 0x46;
    out[4] = 0x7F;
    out[5] = 0xFF;
    out[6] = (uint8_t)(0x10u - ((unsigned long)raw & 0x0Fu));
    out[7] = 0x10;
    out[8] = fw_dallas_crc8(out, 8);
}

static bool reset(void *ctx)
{
    sim_ds18b20 *p = (sim_ds18b20 *)ctx;
    p->phase = ROM;
    p->read_index = -1;
    return p->present;
}

static void write_byte(void *ctx, uint8_t b)
{
    sim_ds18b20 *p = (sim_ds18b20 *)ctx;
    if (p->phase == ROM) {
        p->phase = b == 0xCC ? FUNCTION : IDLE;
    } else if (p->phase == FUNCTION) {
        if (b == 0x44) p->busy_reads = 2;
        if (b == 0xBE) {
            sim_ds18b20_scratchpad(p->celsius, p->scratchpad);
            p->read_index = 0;
        }
        p->phase = IDLE;
    }
}

static uint8_t read_byte(void *ctx)
{
    sim_ds18b20 *p = (sim_ds18b20 *)ctx;
    if (p->busy_reads > 0) {
        p->busy_reads--;
        return 0x00;
    }
    if (p->read_index >= 0 && p->read_index < 9) return p->scratchpad[p->read_index++];
    return 0xFF;
}

/* Simulated time does not pass inside a driver call. */
static void delay_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    (void)ms;
}

void sim_ds18b20_bus(sim_ds18b20 *part, fw_onewire *bus)
{
    part->phase = IDLE;
    part->read_index = -1;
    bus->ctx = part;
    bus->reset = reset;
    bus->write_byte = write_byte;
    bus->read_byte = read_byte;
    bus->delay_ms = delay_ms;
}
