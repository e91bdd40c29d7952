/* One device: its sensors sampled on their intervals, readings kept in the outbox and sent
 * until acked, the MQTT link kept up with backoff, commands applied. A board owns one
 * fw_device in static memory and drives it from one task:
 *
 *   fw_device_init(&dev, &config, &hal);
 *   for (;;) { fw_device_poll(&dev); sleep about 10-100 ms; }
 *   // from the board's MQTT callbacks, queued to the same task:
 *   fw_device_connection(&dev, true/false);
 *   fw_device_message(&dev, topic, payload, len);
 */
#ifndef FW_DEVICE_H
#define FW_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backoff.h"
#include "fw_limits.h"
#include "hal.h"
#include "message.h"
#include "outbox.h"

/* A sensor slot: one driver instance. sample() gets due=true when the slot's interval has
 * passed and then reports its current value; a watching slot (door, card reader) is also
 * called on every poll with due=false and reports only changes. It writes up to cap
 * readings and returns how many, or -1 when the sensor could not be read. */
typedef struct fw_sensor {
    const char *name;
    uint32_t interval_ms;
    bool watch;
    int (*sample)(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);
    void *ctx;
} fw_sensor;

typedef struct fw_device_config {
    const char *tenant;
    const char *device;
    const char *username;
    const char *password;
    fw_sensor *sensors;
    size_t sensor_count;
    /* Unacked messages go out again after this long; 0 means 30 s. */
    uint32_t resend_ms;
    /* Reconnect backoff; 0 means 1 s and 60 s. */
    uint32_t backoff_base_ms;
    uint32_t backoff_cap_ms;
} fw_device_config;

typedef struct fw_device_stats {
    uint32_t published;
    uint32_t resent;
    uint32_t acked;
    uint32_t commands;
    uint32_t commands_refused;
    uint32_t connects;
    uint32_t read_errors;
    uint32_t publish_errors;
} fw_device_stats;

typedef enum fw_link {
    FW_LINK_DOWN,
    FW_LINK_CONNECTING,
    FW_LINK_UP
} fw_link;

typedef enum fw_device_error {
    FW_DEVICE_OK = 0,
    FW_DEVICE_BAD_ID,
    FW_DEVICE_BAD_SENSORS
} fw_device_error;

typedef struct fw_device {
    const fw_device_config *config;
    const fw_hal *hal;
    char topic_telemetry[FW_TOPIC_MAX];
    char topic_ack[FW_TOPIC_MAX];
    char topic_cmd[FW_TOPIC_MAX];
    char topic_status[FW_TOPIC_MAX];
    uint32_t boot;
    uint32_t next_seq;
    uint32_t interval_ms[FW_SENSORS_MAX];
    uint32_t next_due[FW_SENSORS_MAX];
    fw_link link;
    uint32_t link_deadline;
    fw_backoff backoff;
    bool relay_on;
    bool relay_timed;
    uint32_t relay_off_at;
    bool reboot_pending;
    uint32_t reboot_at;
    fw_device_stats stats;
    fw_outbox outbox;
    char payload[FW_PAYLOAD_MAX];
} fw_device;

fw_device_error fw_device_init(fw_device *d, const fw_device_config *config, const fw_hal *hal);
void fw_device_poll(fw_device *d);
void fw_device_connection(fw_device *d, bool up);
void fw_device_message(fw_device *d, const char *topic, const void *payload, size_t len);

/* Queues one message with these readings now, as a sampled slot would (the relay's state
 * after a command goes out this way). */
void fw_device_report(fw_device *d, const fw_reading *readings, size_t count);

#endif
