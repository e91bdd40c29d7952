#include "device.h"

#include "device_inbound.h"
#include "payload.h"
#include "text.h"
#include "topic.h"

/* A broker that has not answered CONNECT in this long is treated as unreachable. */
#define CONNECT_TIMEOUT_MS 30000u
/* Messages sent per poll, so a long backlog after an outage does not starve sampling. */
#define SEND_BURST 8u

static uint32_t now_ms(const fw_device *d)
{
    return d->hal->clock.uptime_ms(d->hal->clock.ctx);
}

/* A boot id that differs after every restart, so the platform never mistakes a new message
 * for a duplicate of one sent before the reboot. Counted in storage when there is one. */
static uint32_t next_boot(const fw_hal *hal)
{
    uint32_t boot = 0;
    fw_storage *s = hal->storage;
    if (s != NULL && s->load(s->ctx, "boot", &boot, sizeof boot) != (int)sizeof boot) boot = 0;
    boot++;
    if (s == NULL || s->save(s->ctx, "boot", &boot, sizeof boot) != 0) {
        boot = hal->clock.random(hal->clock.ctx) | 1u;
    }
    return boot;
}

static bool build_topics(fw_device *d)
{
    const char *t = d->config->tenant;
    const char *dev = d->config->device;
    return fw_topic_build(d->topic_telemetry, sizeof d->topic_telemetry, t, dev, "telemetry")
        && fw_topic_build(d->topic_ack, sizeof d->topic_ack, t, dev, "ack")
        && fw_topic_build(d->topic_cmd, sizeof d->topic_cmd, t, dev, "cmd")
        && fw_topic_build(d->topic_status, sizeof d->topic_status, t, dev, "status");
}

fw_device_error fw_device_init(fw_device *d, const fw_device_config *config, const fw_hal *hal)
{
    size_t i;
    uint32_t now;
    fw_mem_zero(d, sizeof *d);
    d->config = config;
    d->hal = hal;
    if (!build_topics(d)) return FW_DEVICE_BAD_ID;
    if (config->sensor_count > FW_SENSORS_MAX) return FW_DEVICE_BAD_SENSORS;
    for (i = 0; i < config->sensor_count; i++) {
        const fw_sensor *s = &config->sensors[i];
        size_t n = fw_str_len(s->name, FW_SENSOR_NAME_MAX);
        if (n == 0 || n > FW_SENSOR_NAME_MAX || s->sample == NULL || s->interval_ms == 0) {
            return FW_DEVICE_BAD_SENSORS;
        }
    }
    d->boot = next_boot(hal);
    d->next_seq = 1;
    fw_backoff_init(&d->backoff, config->backoff_base_ms ? config->backoff_base_ms : 1000u,
                    config->backoff_cap_ms ? config->backoff_cap_ms : 60000u);
    fw_outbox_init(&d->outbox, hal->storage);
    now = now_ms(d);
    for (i = 0; i < config->sensor_count; i++) {
        d->interval_ms[i] = config->sensors[i].interval_ms;
        d->next_due[i] = now;
    }
    fw_device_load_intervals(d);
    d->link = FW_LINK_DOWN;
    d->link_deadline = now;
    return FW_DEVICE_OK;
}

static void schedule_reconnect(fw_device *d, uint32_t now)
{
    d->link = FW_LINK_DOWN;
    d->link_deadline = now + fw_backoff_next(&d->backoff, d->hal->clock.random(d->hal->clock.ctx));
}

static void keep_link(fw_device *d, uint32_t now)
{
    fw_mqtt_session session;
    if (d->link == FW_LINK_CONNECTING && fw_time_reached(now, d->link_deadline)) {
        schedule_reconnect(d, now);
    }
    if (d->link != FW_LINK_DOWN || !fw_time_reached(now, d->link_deadline)) return;
    session.client_id = d->config->device;
    session.username = d->config->username;
    session.password = d->config->password;
    session.will_topic = d->topic_status;
    session.will_payload = "{\"online\":false}";
    if (d->hal->mqtt.connect(d->hal->mqtt.ctx, &session) == 0) {
        d->link = FW_LINK_CONNECTING;
        d->link_deadline = now + CONNECT_TIMEOUT_MS;
    } else {
        schedule_reconnect(d, now);
    }
}

void fw_device_connection(fw_device *d, bool up)
{
    uint32_t now = now_ms(d);
    if (!up) {
        if (d->link != FW_LINK_DOWN) schedule_reconnect(d, now);
        return;
    }
    d->link = FW_LINK_UP;
    d->stats.connects++;
    fw_backoff_reset(&d->backoff);
    d->hal->mqtt.subscribe(d->hal->mqtt.ctx, d->topic_ack, 1);
    d->hal->mqtt.subscribe(d->hal->mqtt.ctx, d->topic_cmd, 1);
    d->hal->mqtt.publish(d->hal->mqtt.ctx, d->topic_status, "{\"online\":true}", 15, 1, true);
    /* The broker may have lost what was in flight (a restart without persistence). */
    fw_outbox_unsend_all(&d->outbox);
}

static void push(fw_device *d, fw_message *m, uint32_t now)
{
    if (m->count == 0) return;
    m->boot = d->boot;
    m->seq = d->next_seq++;
    m->ts_ms = d->hal->clock.epoch_ms(d->hal->clock.ctx);
    m->uptime_ms = now;
    fw_outbox_push(&d->outbox, m);
    m->count = 0;
}

void fw_device_report(fw_device *d, const fw_reading *readings, size_t count)
{
    fw_message m;
    uint32_t now = now_ms(d);
    size_t i;
    fw_mem_zero(&m, sizeof m);
    for (i = 0; i < count; i++) {
        if (m.count == FW_READINGS_MAX) push(d, &m, now);
        m.readings[m.count++] = readings[i];
    }
    push(d, &m, now);
}

static void sample(fw_device *d, uint32_t now)
{
    fw_message m;
    fw_reading got[FW_READINGS_MAX];
    size_t i;
    fw_mem_zero(&m, sizeof m);
    for (i = 0; i < d->config->sensor_count; i++) {
        const fw_sensor *s = &d->config->sensors[i];
        bool due = fw_time_reached(now, d->next_due[i]);
        int n, k;
        if (!due && !s->watch) continue;
        if (due) d->next_due[i] = now + d->interval_ms[i];
        n = s->sample(s->ctx, now, due, got, FW_READINGS_MAX);
        if (n < 0) d->stats.read_errors++;
        for (k = 0; k < n && k < FW_READINGS_MAX; k++) {
            if (m.count == FW_READINGS_MAX) push(d, &m, now);
            m.readings[m.count++] = got[k];
        }
    }
    push(d, &m, now);
}

/* A message sampled before the wall clock was known gets its time once it is known, as long
 * as the uptime it was taken at still means something (same boot). */
static void date(fw_device *d, fw_message *m, uint32_t now)
{
    uint64_t epoch;
    if (m->ts_ms != 0 || m->boot != d->boot) return;
    epoch = d->hal->clock.epoch_ms(d->hal->clock.ctx);
    if (epoch == 0) return;
    m->ts_ms = epoch - (uint64_t)(now - m->uptime_ms);
}

static void send(fw_device *d, uint32_t now)
{
    uint32_t resend = d->config->resend_ms ? d->config->resend_ms : 30000u;
    unsigned burst;
    for (burst = 0; burst < SEND_BURST; burst++) {
        int i = fw_outbox_due(&d->outbox, now, resend);
        fw_message *m;
        size_t len;
        bool again;
        if (i < 0) return;
        m = fw_outbox_at(&d->outbox, (size_t)i);
        again = fw_outbox_was_sent(&d->outbox, (size_t)i);
        date(d, m, now);
        len = fw_payload_encode(d->payload, sizeof d->payload, m, fw_outbox_first(&d->outbox, m->boot, m->seq));
        if (len == 0) {
            /* Cannot happen within fw_limits.h; marked sent so it cannot wedge the queue. */
            fw_outbox_mark_sent(&d->outbox, (size_t)i, now);
            continue;
        }
        if (d->hal->mqtt.publish(d->hal->mqtt.ctx, d->topic_telemetry, d->payload, len, 1, false) != 0) {
            d->stats.publish_errors++;
            return;
        }
        fw_outbox_mark_sent(&d->outbox, (size_t)i, now);
        if (again) d->stats.resent++;
        else d->stats.published++;
    }
}

void fw_device_poll(fw_device *d)
{
    uint32_t now = now_ms(d);
    keep_link(d, now);
    fw_device_relay_timer(d, now);
    sample(d, now);
    if (d->link == FW_LINK_UP) send(d, now);
    if (d->reboot_pending && (d->outbox.count == 0 || fw_time_reached(now, d->reboot_at))) {
        d->reboot_pending = false;
        d->hal->system.reboot(d->hal->system.ctx);
    }
}
