/* DHT22 (AM2302) temperature and humidity: a 40-bit frame of humidity, temperature and a
 * checksum, sent as high pulses of about 26 µs (a 0) or 70 µs (a 1). Values in tenths. */
#ifndef FW_DHT22_H
#define FW_DHT22_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/message.h"
#include "bus.h"

typedef enum fw_dht22_status {
    FW_DHT22_OK = 0,
    FW_DHT22_SHORT_FRAME,
    FW_DHT22_BAD_PULSE,
    FW_DHT22_CHECKSUM,
    FW_DHT22_OUT_OF_RANGE
} fw_dht22_status;

/* The last 40 pulses are the frame (a capture may begin with the sensor's 80 µs response). */
fw_dht22_status fw_dht22_bits(const uint16_t *high_us, size_t count, uint8_t frame[5]);
fw_dht22_status fw_dht22_decode(const uint8_t frame[5], int32_t *temp_e1, int32_t *humidity_e1);

/* A sensor slot reporting "temperature" in C and "humidity" in %RH. The DHT22 needs 2 s
 * between reads, so the slot answers no more often than that whatever its interval. */
typedef struct fw_dht22 {
    fw_pulse_capture wire;
    bool read_once;
    uint32_t last_read_ms;
    fw_dht22_status last;
} fw_dht22;

int fw_dht22_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);

#endif
