#define _POSIX_C_SOURCE 200809L
#include "hal_posix.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static uint32_t uptime_ms(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

static uint64_t epoch_ms(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static uint32_t random32(void *ctx)
{
    sim_device *d = (sim_device *)ctx;
    return (uint32_t)(sim_uniform(&d->rnd, 0, 4294967296.0));
}

void sim_hal_clock(sim_device *d)
{
    d->hal.clock.ctx = d;
    d->hal.clock.uptime_ms = uptime_ms;
    d->hal.clock.epoch_ms = epoch_ms;
    d->hal.clock.random = random32;
}

static void path_of(const sim_device *d, const char *key, char *out, size_t cap, const char *suffix)
{
    snprintf(out, cap, "%s/%s%s", d->state_dir, key, suffix);
}

static int load(void *ctx, const char *key, void *buf, size_t cap)
{
    char path[640];
    FILE *f;
    size_t n;
    int extra;
    path_of((sim_device *)ctx, key, path, sizeof path, "");
    f = fopen(path, "rb");
    if (f == NULL) return -1;
    n = fread(buf, 1, cap, f);
    extra = fgetc(f);
    fclose(f);
    return extra == EOF ? (int)n : -1;
}

static int save(void *ctx, const char *key, const void *buf, size_t len)
{
    char path[640], tmp[648];
    FILE *f;
    int ok;
    path_of((sim_device *)ctx, key, path, sizeof path, "");
    path_of((sim_device *)ctx, key, tmp, sizeof tmp, ".tmp");
    f = fopen(tmp, "wb");
    if (f == NULL) return -1;
    ok = fwrite(buf, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    return ok && rename(tmp, path) == 0 ? 0 : -1;
}

bool sim_hal_storage(sim_device *d, const char *dir)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) return false;
    snprintf(d->state_dir, sizeof d->state_dir, "%s/%s", dir, d->cred.device);
    if (mkdir(d->state_dir, 0755) != 0 && errno != EEXIST) return false;
    d->storage.ctx = d;
    d->storage.load = load;
    d->storage.save = save;
    d->hal.storage = &d->storage;
    return true;
}
