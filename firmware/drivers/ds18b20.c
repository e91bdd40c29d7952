#include "ds18b20.h"

#define SKIP_ROM 0xCC
#define CONVERT_T 0x44
#define READ_SCRATCHPAD 0xBE
/* A 12-bit conversion takes up to 750 ms; polled in 10 ms steps, bounded at 1 s. */
#define CONVERT_POLLS 100u
#define CONVERT_POLL_MS 10u

uint8_t fw_dallas_crc8(const uint8_t *data, size_t len)
{
    uint8_t crc = 0;
    while (len-- > 0) {
        uint8_t byte = *data++;
        int bit;
        for (bit = 0; bit < 8; bit++) {
            uint8_t mix = (uint8_t)((crc ^ byte) & 1u);
            crc >>= 1;
            if (mix) crc ^= 0x8C;
            byte >>= 1;
        }
    }
    return crc;
}

fw_ds18b20_status fw_ds18b20_decode(const uint8_t scratchpad[9], int32_t *temp_e4)
{
    int16_t raw;
    uint8_t resolution;
    /* All zeros passes the CRC (the CRC of zeros is zero): that is a shorted bus, not 0 °C. */
    int i, zeros = 0;
    for (i = 0; i < 9; i++) zeros += scratchpad[i] == 0;
    if (zeros == 9) return FW_DS18B20_CRC;
    if (fw_dallas_crc8(scratchpad, 8) != scratchpad[8]) return FW_DS18B20_CRC;
    raw = (int16_t)(uint16_t)((uint16_t)scratchpad[1] << 8 | scratchpad[0]);
    /* Below 12 bits the lowest bits are undefined (datasheet, temperature register). */
    resolution = (uint8_t)((scratchpad[4] >> 5) & 3u);
    raw = (int16_t)(raw & (int16_t)~((1 << (3 - resolution)) - 1));
    if (raw == 0x0550 && scratchpad[6] == 0x0C) return FW_DS18B20_POWER_ON;
    *temp_e4 = (int32_t)raw * 625;
    return FW_DS18B20_OK;
}

static bool command(const fw_onewire *bus, uint8_t cmd)
{
    if (!bus->reset(bus->ctx)) return false;
    bus->write_byte(bus->ctx, SKIP_ROM);
    bus->write_byte(bus->ctx, cmd);
    return true;
}

fw_ds18b20_status fw_ds18b20_read(const fw_onewire *bus, int32_t *temp_e4)
{
    uint8_t scratchpad[9];
    unsigned i;
    bool done = false;
    if (!command(bus, CONVERT_T)) return FW_DS18B20_NO_DEVICE;
    /* While converting the sensor answers read slots with 0, then with 1. */
    for (i = 0; i < CONVERT_POLLS && !done; i++) {
        bus->delay_ms(bus->ctx, CONVERT_POLL_MS);
        done = bus->read_byte(bus->ctx) != 0;
    }
    if (!done) return FW_DS18B20_TIMEOUT;
    if (!command(bus, READ_SCRATCHPAD)) return FW_DS18B20_NO_DEVICE;
    for (i = 0; i < 9; i++) scratchpad[i] = bus->read_byte(bus->ctx);
    return fw_ds18b20_decode(scratchpad, temp_e4);
}

int fw_ds18b20_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap)
{
    fw_ds18b20 *s = (fw_ds18b20 *)ctx;
    int32_t t;
    (void)now_ms;
    if (!due || cap < 1) return 0;
    s->last = fw_ds18b20_read(&s->bus, &t);
    if (s->last != FW_DS18B20_OK) return -1;
    fw_reading_set(out, "temperature", t, 4, "C");
    return 1;
}
