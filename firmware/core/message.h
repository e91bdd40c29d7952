/* A reading and the message that carries the readings of one sampling instant. */
#ifndef FW_MESSAGE_H
#define FW_MESSAGE_H

#include <stdint.h>

#include "fw_limits.h"

/* Values are fixed-point (value / 10^decimals) so the core needs no floating point and the
 * payload carries exactly what the sensor measured: a DS18B20 step of 0.0625 °C stays 0.0625. */
typedef struct fw_reading {
    char sensor[FW_SENSOR_NAME_MAX + 1];
    char unit[FW_UNIT_MAX + 1];
    int64_t value;
    uint8_t decimals;
} fw_reading;

/* (boot, seq) names a message for the platform's de-duplication and acks. ts_ms is Unix time
 * in milliseconds, 0 while the wall clock is unknown; uptime_ms lets the device date such a
 * message once the clock is set, as long as it has not rebooted since. */
typedef struct fw_message {
    uint32_t boot;
    uint32_t seq;
    uint64_t ts_ms;
    uint32_t uptime_ms;
    uint8_t count;
    fw_reading readings[FW_READINGS_MAX];
} fw_message;

/* Fills r; names longer than the bounds are cut, since drivers pass their own constants. */
void fw_reading_set(fw_reading *r, const char *sensor, int64_t value, uint8_t decimals, const char *unit);

#endif
