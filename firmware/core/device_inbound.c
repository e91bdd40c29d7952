#include "device_inbound.h"

#include "ack.h"
#include "command.h"
#include "crc32.h"
#include "text.h"

/* A reboot waits this long for the outbox to drain, since a RAM outbox dies with it. */
#define REBOOT_GRACE_MS 10000u

/* "iv_" and the CRC of the slot name in hex: a name may be longer than NVS's 15-character
 * keys, and keying by name rather than by position survives reordered sensor tables. */
static void interval_key(char key[16], const char *name)
{
    static const char hex[] = "0123456789abcdef";
    uint32_t crc = fw_crc32(name, fw_str_len(name, FW_SENSOR_NAME_MAX));
    int i;
    fw_str_copy(key, 16, "iv_");
    for (i = 0; i < 8; i++) key[3 + i] = hex[(crc >> (28 - 4 * i)) & 0xFu];
    key[11] = '\0';
}

void fw_device_load_intervals(fw_device *d)
{
    fw_storage *s = d->hal->storage;
    size_t i;
    if (s == NULL) return;
    for (i = 0; i < d->config->sensor_count; i++) {
        char key[16];
        uint32_t seconds;
        interval_key(key, d->config->sensors[i].name);
        if (s->load(s->ctx, key, &seconds, sizeof seconds) != (int)sizeof seconds) continue;
        if (seconds >= FW_INTERVAL_MIN_S && seconds <= FW_INTERVAL_MAX_S) d->interval_ms[i] = seconds * 1000u;
    }
}

static int find_sensor(const fw_device *d, const char *name)
{
    size_t i;
    for (i = 0; i < d->config->sensor_count; i++) {
        if (fw_str_eq(d->config->sensors[i].name, name)) return (int)i;
    }
    return -1;
}

static bool set_interval(fw_device *d, const fw_command *c, uint32_t now)
{
    fw_storage *s = d->hal->storage;
    int i = find_sensor(d, c->sensor);
    if (i < 0) return false;
    d->interval_ms[i] = c->seconds * 1000u;
    d->next_due[i] = now + d->interval_ms[i];
    if (s != NULL) {
        char key[16];
        interval_key(key, c->sensor);
        s->save(s->ctx, key, &c->seconds, sizeof c->seconds);
    }
    return true;
}

/* Switches the relay and reports its new state, so the platform sees what the device did. */
static bool switch_relay(fw_device *d, bool on)
{
    fw_reading r;
    if (d->hal->system.relay == NULL || d->hal->system.relay(d->hal->system.ctx, on) != 0) return false;
    d->relay_on = on;
    fw_reading_set(&r, "relay", on ? 1 : 0, 0, "state");
    fw_device_report(d, &r, 1);
    return true;
}

static bool relay(fw_device *d, const fw_command *c, uint32_t now)
{
    if (!switch_relay(d, c->on)) return false;
    d->relay_timed = c->on && c->seconds > 0;
    d->relay_off_at = now + c->seconds * 1000u;
    return true;
}

void fw_device_relay_timer(fw_device *d, uint32_t now)
{
    if (!d->relay_timed || !fw_time_reached(now, d->relay_off_at)) return;
    d->relay_timed = false;
    switch_relay(d, false);
}

static void command(fw_device *d, const void *payload, size_t len)
{
    fw_command c;
    uint32_t now = d->hal->clock.uptime_ms(d->hal->clock.ctx);
    bool done = false;
    if (fw_command_parse((const char *)payload, len, &c) == FW_COMMAND_OK) {
        switch (c.kind) {
        case FW_COMMAND_SET_INTERVAL: done = set_interval(d, &c, now); break;
        case FW_COMMAND_RELAY: done = relay(d, &c, now); break;
        case FW_COMMAND_REBOOT:
            d->reboot_pending = true;
            d->reboot_at = now + REBOOT_GRACE_MS;
            done = true;
            break;
        }
    }
    if (done) d->stats.commands++;
    else d->stats.commands_refused++;
}

void fw_device_message(fw_device *d, const char *topic, const void *payload, size_t len)
{
    uint32_t boot, seq;
    if (fw_str_eq(topic, d->topic_cmd)) {
        command(d, payload, len);
    } else if (fw_str_eq(topic, d->topic_ack)) {
        if (fw_ack_parse((const char *)payload, len, d->boot, &boot, &seq)) {
            d->stats.acked += (uint32_t)fw_outbox_ack(&d->outbox, boot, seq);
        }
    }
}
