/* DS18B20 1-Wire thermometer (the fridge probe). Temperatures are in ten-thousandths of a
 * degree: the sensor's step is 1/16 °C = 625e-4, so every reading is exact. */
#ifndef FW_DS18B20_H
#define FW_DS18B20_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/message.h"
#include "bus.h"

typedef enum fw_ds18b20_status {
    FW_DS18B20_OK = 0,
    FW_DS18B20_NO_DEVICE,
    FW_DS18B20_TIMEOUT,
    FW_DS18B20_CRC,
    /* 85.0000 °C with the power-on register contents: no conversion happened (a brown-out or
     * a sensor on parasite power without the strong pull-up). */
    FW_DS18B20_POWER_ON
} fw_ds18b20_status;

/* Maxim's 1-Wire CRC-8 (x^8 + x^5 + x^4 + 1), as the DS18B20 computes it. */
uint8_t fw_dallas_crc8(const uint8_t *data, size_t len);
/* Decodes the 9-byte scratchpad into ten-thousandths of a degree Celsius. */
fw_ds18b20_status fw_ds18b20_decode(const uint8_t scratchpad[9], int32_t *temp_e4);
/* Converts and reads: up to about a second, in the board's device task. */
fw_ds18b20_status fw_ds18b20_read(const fw_onewire *bus, int32_t *temp_e4);

/* A sensor slot (see fw_sensor) reporting "temperature" in C. */
typedef struct fw_ds18b20 {
    fw_onewire bus;
    fw_ds18b20_status last;
} fw_ds18b20;

int fw_ds18b20_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);

#endif
