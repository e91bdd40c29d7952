/* The hardware-abstraction contract: everything the core needs from a board, as function
 * pointers with a context. The ESP32 board layer implements it on ESP-IDF (esp_timer, NVS,
 * esp-mqtt), the simulator on POSIX and libmosquitto, the tests with fakes.
 *
 * Threading: the core is not re-entrant. A board calls fw_device_poll, fw_device_connection
 * and fw_device_message from one task only; callbacks from another task (esp-mqtt's) must be
 * queued to that task. No function below may call back into the core. */
#ifndef FW_HAL_H
#define FW_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fw_clock {
    void *ctx;
    /* Monotonic milliseconds since boot; wraps after 49 days and the core compares with wrap. */
    uint32_t (*uptime_ms)(void *ctx);
    /* Unix time in milliseconds, or 0 while unknown (before SNTP answers). */
    uint64_t (*epoch_ms)(void *ctx);
    /* Any 32 random bits (esp_random on the ESP32); spreads reconnects across a fleet. */
    uint32_t (*random)(void *ctx);
} fw_clock;

/* Small named blobs that survive a reboot (NVS on the ESP32). Keys are at most 15 characters,
 * NVS's limit. A board without persistent storage passes NULL where a storage is optional. */
typedef struct fw_storage {
    void *ctx;
    /* Copies the blob into buf: its length, or -1 when absent or longer than cap. */
    int (*load)(void *ctx, const char *key, void *buf, size_t cap);
    /* 0 when the blob is durably written (committed), -1 otherwise. */
    int (*save)(void *ctx, const char *key, const void *buf, size_t len);
} fw_storage;

typedef struct fw_mqtt_session {
    const char *client_id;
    const char *username;
    const char *password;
    /* Sent by the broker, retained, when the device disappears without saying goodbye. */
    const char *will_topic;
    const char *will_payload;
} fw_mqtt_session;

/* MQTT 3.1.1 over the board's network. connect only starts connecting: the board reports the
 * outcome, and every later loss, with fw_device_connection. The core reconnects with backoff,
 * so a board must not reconnect on its own (esp-mqtt: disable_auto_reconnect). */
typedef struct fw_mqtt {
    void *ctx;
    int (*connect)(void *ctx, const fw_mqtt_session *session);
    /* 0 when handed to the client; QoS 1 messages are kept by the client until PUBACK. */
    int (*publish)(void *ctx, const char *topic, const void *payload, size_t len, int qos, bool retain);
    int (*subscribe)(void *ctx, const char *topic, int qos);
} fw_mqtt;

typedef struct fw_system {
    void *ctx;
    /* Does not return on a board; the simulator restarts the device's core instead. */
    void (*reboot)(void *ctx);
    /* The relay the platform switches with {"cmd":"relay",...}; NULL when the device has none.
     * 0 when switched. */
    int (*relay)(void *ctx, bool on);
} fw_system;

typedef struct fw_hal {
    fw_clock clock;
    fw_storage *storage;
    fw_mqtt mqtt;
    fw_system system;
} fw_hal;

/* true when now is at or past deadline on the wrapping millisecond clock (within 24 days). */
static inline bool fw_time_reached(uint32_t now, uint32_t deadline)
{
    return (int32_t)(now - deadline) >= 0;
}

#endif
