#include "physics.h"

#include <math.h>

#define SHOP_CELSIUS 24.0
#define PI 3.14159265358979323846

static uint64_t next(sim_random *r)
{
    /* xorshift64*: deterministic per seed, so a simulation run can be repeated. */
    r->state ^= r->state >> 12;
    r->state ^= r->state << 25;
    r->state ^= r->state >> 27;
    return r->state * 2685821657736338717ULL;
}

void sim_random_seed(sim_random *r, uint64_t seed)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    r->state = (z ^ (z >> 31)) | 1u;
}

double sim_uniform(sim_random *r, double lo, double hi)
{
    return lo + (hi - lo) * (double)(next(r) >> 11) / 9007199254740992.0;
}

double sim_noise(sim_random *r, double sigma)
{
    /* Sum of uniforms: close enough to normal for sensor noise, and cheap. */
    double s = 0;
    int i;
    for (i = 0; i < 6; i++) s += sim_uniform(r, -1.0, 1.0);
    return s * sigma / sqrt(2.0);
}

/* Moves value towards target with time constant tau over dt. */
static double approach(double value, double target, double tau, double dt)
{
    return target + (value - target) * exp(-dt / tau);
}

void sim_fridge_init(sim_fridge *f, sim_random *r)
{
    f->celsius = sim_uniform(r, 2.5, 3.5);
    f->compressor = false;
    f->door_open = false;
    f->door_open_at = sim_uniform(r, 30, 600);
    f->door_close_at = 0;
}

void sim_fridge_step(sim_fridge *f, sim_random *r, double now_s, double dt_s)
{
    if (!f->door_open && now_s >= f->door_open_at) {
        f->door_open = true;
        f->door_close_at = now_s + sim_uniform(r, 10, 90);
    } else if (f->door_open && now_s >= f->door_close_at) {
        f->door_open = false;
        f->door_open_at = now_s + sim_uniform(r, 120, 1200);
    }
    if (f->celsius > 4.0) f->compressor = true;
    if (f->celsius < 2.0) f->compressor = false;
    /* Open: the shop's air rushes in (minutes). Closed: slow leak through the walls (hours),
     * against the compressor pulling towards -6 °C when it runs. */
    if (f->door_open) f->celsius = approach(f->celsius, SHOP_CELSIUS, 240.0, dt_s);
    else f->celsius = approach(f->celsius, SHOP_CELSIUS, 7200.0, dt_s);
    if (f->compressor && !f->door_open) f->celsius = approach(f->celsius, -6.0, 900.0, dt_s);
}

void sim_soil_init(sim_soil *s, sim_random *r)
{
    s->moisture = sim_uniform(r, 45, 70);
    s->pump = false;
    s->pump_commanded = false;
    s->pump_until = 0;
}

void sim_soil_step(sim_soil *s, sim_random *r, double now_s, double dt_s)
{
    (void)r;
    /* The local controller waters for 10 minutes when the soil is dry, unless the platform
     * is driving the pump itself. */
    if (!s->pump_commanded && !s->pump && s->moisture < 30.0) {
        s->pump = true;
        s->pump_until = now_s + 600.0;
    }
    if (!s->pump_commanded && s->pump && now_s >= s->pump_until) s->pump = false;
    if (s->pump) s->moisture = approach(s->moisture, 85.0, 400.0, dt_s);
    else s->moisture = approach(s->moisture, 5.0, 130000.0, dt_s); /* days to dry out */
}

uint16_t sim_soil_adc(const sim_soil *s, sim_random *r, uint16_t dry_raw, uint16_t wet_raw)
{
    double raw = dry_raw - s->moisture / 100.0 * (dry_raw - wet_raw) + sim_noise(r, 6.0);
    if (sim_uniform(r, 0, 1) < 0.01) raw = sim_uniform(r, 0, 1) < 0.5 ? 0 : 4095;
    if (raw < 0) raw = 0;
    if (raw > 4095) raw = 4095;
    return (uint16_t)lround(raw);
}

void sim_event_init(sim_event *e, sim_random *r, double on_min, double on_max, double off_min, double off_max)
{
    e->on = false;
    e->on_min = on_min;
    e->on_max = on_max;
    e->off_min = off_min;
    e->off_max = off_max;
    e->next_change = sim_uniform(r, off_min / 4, off_max / 2);
}

bool sim_event_step(sim_event *e, sim_random *r, double now_s)
{
    if (now_s < e->next_change) return e->on;
    e->on = !e->on;
    e->next_change = now_s + (e->on ? sim_uniform(r, e->on_min, e->on_max) : sim_uniform(r, e->off_min, e->off_max));
    return e->on;
}

void sim_climate(double now_s, sim_random *r, double *celsius, double *humidity)
{
    double day = sin(2.0 * PI * now_s / 86400.0);
    *celsius = 22.0 + 4.0 * day + sim_noise(r, 0.1);
    *humidity = 55.0 - 12.0 * day + sim_noise(r, 0.5);
}
