#include "sim_device.h"

#include <string.h>

/* Calibration of the simulated soil probe, as fw_soil_calibration would hold it on a board. */
#define SOIL_DRY_RAW 3100
#define SOIL_WET_RAW 1350

static const char *const profile_names[] = {"fridge", "soil", "climate", "door", "rfid"};

/* Badges of a bar's staff: three MIFARE Classic cards and one 7-byte NTAG sticker. */
static const uint8_t badges[4][7] = {
    {0xB3, 0x6A, 0x2F, 0x1C}, {0x5E, 0x21, 0x9A, 0x07}, {0x8D, 0xF0, 0x13, 0x62},
    {0x04, 0xA2, 0x24, 0x8A, 0x5C, 0x63, 0x80}};

bool sim_profile_parse(const char *name, sim_profile *out)
{
    size_t i;
    for (i = 0; i < sizeof profile_names / sizeof profile_names[0]; i++) {
        if (strcmp(name, profile_names[i]) == 0) {
            *out = (sim_profile)i;
            return true;
        }
    }
    return false;
}

const char *sim_profile_name(sim_profile p)
{
    return profile_names[p];
}

static bool door_level(void *ctx)
{
    return ((sim_device *)ctx)->door_level;
}

static int soil_adc(void *ctx, uint16_t *raw)
{
    sim_device *d = (sim_device *)ctx;
    *raw = sim_soil_adc(&d->soil, &d->rnd, SOIL_DRY_RAW, SOIL_WET_RAW);
    return 0;
}

/* The relay drives the irrigation pump; while the platform holds it on, the local controller
 * stays out of the way. */
static void pump_pin(void *ctx, bool level)
{
    sim_device *d = (sim_device *)ctx;
    d->soil.pump = level;
    d->soil.pump_commanded = level;
}

static void slot(sim_device *d, size_t i, const char *name, uint32_t interval_ms, bool watch,
                 int (*sample)(void *, uint32_t, bool, fw_reading *, size_t), void *ctx)
{
    fw_sensor *s = &d->sensors[i];
    s->name = name;
    s->interval_ms = interval_ms;
    s->watch = watch;
    s->sample = sample;
    s->ctx = ctx;
    d->config.sensor_count = i + 1;
}

static void door_switch(sim_device *d)
{
    d->door_switch.in.ctx = d;
    d->door_switch.in.level = door_level;
    d->door_switch.open_level = true; /* pull-up: the open contact reads high */
    d->door_switch.debounce_ms = 50;
}

void sim_device_wire(sim_device *d, uint64_t seed, uint32_t interval_ms)
{
#define EVERY(ms) (interval_ms ? interval_ms : (ms))
    sim_random_seed(&d->rnd, seed);
    switch (d->cred.profile) {
    case SIM_FRIDGE:
        sim_fridge_init(&d->fridge, &d->rnd);
        sim_ds18b20_bus(&d->probe, &d->ds18b20.bus);
        d->probe.present = true;
        door_switch(d);
        slot(d, 0, "fridge", EVERY(60000), false, fw_ds18b20_sample, &d->ds18b20);
        slot(d, 1, "door", EVERY(300000), true, fw_door_sample, &d->door_switch);
        break;
    case SIM_SOIL:
        sim_soil_init(&d->soil, &d->rnd);
        d->soil_probe.adc.ctx = d;
        d->soil_probe.adc.read = soil_adc;
        d->soil_probe.cal.dry_raw = SOIL_DRY_RAW;
        d->soil_probe.cal.wet_raw = SOIL_WET_RAW;
        d->soil_probe.samples = 8;
        d->relay.out.ctx = d;
        d->relay.out.set = pump_pin;
        fw_relay_init(&d->relay);
        slot(d, 0, "soil", EVERY(300000), false, fw_soil_sample, &d->soil_probe);
        break;
    case SIM_CLIMATE:
        d->dht_part.jitter_state = (uint32_t)seed;
        sim_dht22_wire(&d->dht_part, &d->dht22.wire);
        slot(d, 0, "climate", EVERY(60000), false, fw_dht22_sample, &d->dht22);
        break;
    case SIM_DOOR:
        sim_event_init(&d->door, &d->rnd, 5, 20, 60, 300);
        door_switch(d);
        slot(d, 0, "door", EVERY(300000), true, fw_door_sample, &d->door_switch);
        break;
    case SIM_RFID:
        sim_event_init(&d->card, &d->rnd, 1, 3, 30, 120);
        sim_mfrc522_regs(&d->chip, &d->reader.spi);
        slot(d, 0, "reader", EVERY(60000), true, fw_mfrc522_sample, &d->reader);
        break;
    }
    d->config.sensors = d->sensors;
#undef EVERY
}

void sim_device_step(sim_device *d, double dt_s)
{
    d->world_s += dt_s;
    switch (d->cred.profile) {
    case SIM_FRIDGE:
        sim_fridge_step(&d->fridge, &d->rnd, d->world_s, dt_s);
        d->probe.celsius = d->fridge.celsius + sim_noise(&d->rnd, 0.03);
        d->door_level = d->fridge.door_open;
        break;
    case SIM_SOIL:
        sim_soil_step(&d->soil, &d->rnd, d->world_s, dt_s);
        break;
    case SIM_CLIMATE:
        sim_climate(d->world_s, &d->rnd, &d->dht_part.celsius, &d->dht_part.humidity);
        break;
    case SIM_DOOR:
        d->door_level = sim_event_step(&d->door, &d->rnd, d->world_s);
        break;
    case SIM_RFID: {
        bool was = d->chip.in_field;
        d->chip.in_field = sim_event_step(&d->card, &d->rnd, d->world_s);
        if (d->chip.in_field && !was) {
            int which = (int)sim_uniform(&d->rnd, 0, 4);
            memcpy(d->chip.uid, badges[which], 7);
            d->chip.uid_size = which == 3 ? 7 : 4;
        }
        break;
    }
    }
}
