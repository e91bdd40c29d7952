/* fw_sim: N simulated devices running the firmware's core and drivers against an MQTT broker.
 * See firmware/README.md. */
#define _POSIX_C_SOURCE 200809L
#include <mosquitto.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "credentials.h"
#include "hal_mosquitto.h"
#include "hal_posix.h"
#include "sim_device.h"

#define DEVICES_MAX 1000
#define LOOP_MS 10

typedef struct options {
    const char *credentials;
    const char *host;
    int port;
    int devices;
    double duration_s;
    uint32_t interval_ms;
    uint32_t resend_ms;
    double speed;
    const char *state_dir;
    uint64_t seed;
    double stats_every_s;
} options;

static volatile sig_atomic_t stopping;

static void stop(int sig)
{
    (void)sig;
    stopping = 1;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: fw_sim --credentials FILE [--host 127.0.0.1] [--port 1883] [--devices N]\n"
            "              [--duration SECONDS] [--interval-ms MS] [--resend-ms MS] [--speed X]\n"
            "              [--state DIR] [--seed N] [--stats-every SECONDS]\n");
}

static int parse(int argc, char **argv, options *o)
{
    int i;
    memset(o, 0, sizeof *o);
    o->host = "127.0.0.1";
    o->port = 1883;
    o->speed = 1.0;
    o->seed = 1;
    o->stats_every_s = 10;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (v == NULL) return -1;
        if (strcmp(a, "--credentials") == 0) o->credentials = v;
        else if (strcmp(a, "--host") == 0) o->host = v;
        else if (strcmp(a, "--port") == 0) o->port = atoi(v);
        else if (strcmp(a, "--devices") == 0) o->devices = atoi(v);
        else if (strcmp(a, "--duration") == 0) o->duration_s = atof(v);
        else if (strcmp(a, "--interval-ms") == 0) o->interval_ms = (uint32_t)strtoul(v, NULL, 10);
        else if (strcmp(a, "--resend-ms") == 0) o->resend_ms = (uint32_t)strtoul(v, NULL, 10);
        else if (strcmp(a, "--speed") == 0) o->speed = atof(v);
        else if (strcmp(a, "--state") == 0) o->state_dir = v;
        else if (strcmp(a, "--seed") == 0) o->seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--stats-every") == 0) o->stats_every_s = atof(v);
        else return -1;
        i++;
    }
    return o->credentials != NULL && o->port > 0 && o->speed > 0 ? 0 : -1;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_stats(const sim_device *d, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        const fw_device_stats *s = &d[i].dev.stats;
        fprintf(stderr,
                "fw_sim: device=%s profile=%s boot=%u next_seq=%u published=%u resent=%u acked=%u outbox=%u "
                "dropped=%u commands=%u refused=%u connects=%u read_errors=%u reboots=%u\n",
                d[i].cred.device, sim_profile_name(d[i].cred.profile), d[i].dev.boot, d[i].dev.next_seq,
                s->published, s->resent, s->acked, d[i].dev.outbox.count, d[i].dev.outbox.dropped, s->commands,
                s->commands_refused, s->connects, s->read_errors, d[i].reboots);
    }
}

/* On a board a reboot restarts everything; here the device's core and connection start over,
 * its storage (if any) kept, as flash would be. */
static void reboot(void *ctx)
{
    ((sim_device *)ctx)->reboot_requested = true;
}

static int relay(void *ctx, bool on)
{
    return fw_relay_switch(&((sim_device *)ctx)->relay, on);
}

static int start(sim_device *d, const options *o)
{
    if (d->mosq == NULL && !sim_hal_mqtt(d, o->host, o->port)) return -1;
    if (fw_device_init(&d->dev, &d->config, &d->hal) != FW_DEVICE_OK) {
        fprintf(stderr, "fw_sim: device %s refused its configuration\n", d->cred.device);
        return -1;
    }
    return 0;
}

static int setup(sim_device *d, const options *o, size_t index)
{
    sim_device_wire(d, o->seed * 1000003u + index, o->interval_ms);
    d->config.tenant = d->cred.tenant;
    d->config.device = d->cred.device;
    d->config.username = d->cred.username;
    d->config.password = d->cred.password;
    d->config.resend_ms = o->resend_ms;
    sim_hal_clock(d);
    if (o->state_dir != NULL && !sim_hal_storage(d, o->state_dir)) {
        fprintf(stderr, "fw_sim: cannot use state folder %s\n", o->state_dir);
        return -1;
    }
    d->hal.system.ctx = d;
    d->hal.system.reboot = reboot;
    d->hal.system.relay = d->cred.profile == SIM_SOIL ? relay : NULL;
    return start(d, o);
}

int main(int argc, char **argv)
{
    options o;
    static sim_credentials creds[DEVICES_MAX];
    sim_device *devices;
    int count, i;
    double started, last, next_stats;
    if (parse(argc, argv, &o) != 0) {
        usage();
        return 2;
    }
    count = sim_credentials_read(o.credentials, creds, DEVICES_MAX);
    if (count <= 0) {
        if (count == 0) fprintf(stderr, "fw_sim: no devices in %s\n", o.credentials);
        return 2;
    }
    if (o.devices > 0 && o.devices < count) count = o.devices;
    devices = calloc((size_t)count, sizeof *devices);
    if (devices == NULL) return 1;
    mosquitto_lib_init();
    signal(SIGINT, stop);
    signal(SIGTERM, stop);
    for (i = 0; i < count; i++) {
        devices[i].cred = creds[i];
        if (setup(&devices[i], &o, (size_t)i) != 0) return 1;
    }
    fprintf(stderr, "fw_sim: %d devices against %s:%d\n", count, o.host, o.port);
    started = last = now_s();
    next_stats = started + o.stats_every_s;
    while (!stopping && (o.duration_s <= 0 || now_s() - started < o.duration_s)) {
        struct timespec pause = {0, LOOP_MS * 1000000L};
        double t = now_s();
        for (i = 0; i < count; i++) {
            sim_device *d = &devices[i];
            sim_hal_mqtt_loop(d);
            sim_device_step(d, (t - last) * o.speed);
            fw_device_poll(&d->dev);
            if (d->reboot_requested) {
                d->reboot_requested = false;
                d->reboots++;
                mosquitto_disconnect(d->mosq);
                if (start(d, &o) != 0) return 1;
            }
        }
        last = t;
        if (o.stats_every_s > 0 && t >= next_stats) {
            print_stats(devices, (size_t)count);
            next_stats = t + o.stats_every_s;
        }
        nanosleep(&pause, NULL);
    }
    print_stats(devices, (size_t)count);
    for (i = 0; i < count; i++) sim_hal_mqtt_close(&devices[i]);
    mosquitto_lib_cleanup();
    free(devices);
    return 0;
}
