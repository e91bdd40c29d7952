/* Every bound the core works within. The core never allocates: each buffer below is sized
 * here, at compile time, so a board can see its RAM cost before flashing. A board may
 * override any of them with -D before including core headers. */
#ifndef FW_LIMITS_H
#define FW_LIMITS_H

/* Tenant and device ids are topic levels; 64 keeps a topic under 160 bytes. */
#ifndef FW_ID_MAX
#define FW_ID_MAX 64
#endif

/* "tenants/" + tenant + "/devices/" + device + "/telemetry" + NUL */
#define FW_TOPIC_MAX (8 + FW_ID_MAX + 9 + FW_ID_MAX + 10 + 1)

#ifndef FW_SENSOR_NAME_MAX
#define FW_SENSOR_NAME_MAX 23
#endif

#ifndef FW_UNIT_MAX
#define FW_UNIT_MAX 7
#endif

/* Readings sampled in one poll travel in one message; more are split across messages. */
#ifndef FW_READINGS_MAX
#define FW_READINGS_MAX 4
#endif

/* Messages kept until acked. 64 messages is about 14 KB on the ESP32; at one message a minute
 * that rides out an hour of broker or Wi-Fi outage before the oldest is dropped. */
#ifndef FW_OUTBOX_CAPACITY
#define FW_OUTBOX_CAPACITY 64
#endif

/* Worst case of one JSON payload: every name character escaped as \uXXXX (6 bytes), every
 * number at its widest (a value is at most 22 characters: -0.9223372036854775808). Sized from
 * the other bounds so that encoding a valid message cannot overflow. */
#define FW_READING_JSON_MAX (11 + 6 * FW_SENSOR_NAME_MAX + 10 + 22 + 9 + 6 * FW_UNIT_MAX + 3)
#define FW_PAYLOAD_MAX (96 + FW_READINGS_MAX * FW_READING_JSON_MAX + 2)

/* Commands and acks are short; anything longer is refused unread. */
#ifndef FW_INBOUND_MAX
#define FW_INBOUND_MAX 256
#endif

#ifndef FW_SENSORS_MAX
#define FW_SENSORS_MAX 8
#endif

#endif
