/* The world the simulated sensors measure, stepped in simulated seconds (--speed scales real
 * time). Plausible rather than exact: enough for rules and dashboards to have something real
 * to chew on. */
#ifndef SIM_PHYSICS_H
#define SIM_PHYSICS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct sim_random {
    uint64_t state;
} sim_random;

/* Seeds through splitmix64, so neighbouring seeds (device 3, device 4) give unrelated streams. */
void sim_random_seed(sim_random *r, uint64_t seed);
double sim_uniform(sim_random *r, double lo, double hi);
double sim_noise(sim_random *r, double sigma);

/* A butcher's display fridge: a compressor holding 2-4 °C, a door opened often, and the air
 * inside drifting towards the shop's temperature while it stands open. */
typedef struct sim_fridge {
    double celsius;
    bool compressor;
    bool door_open;
    double door_close_at;
    double door_open_at;
} sim_fridge;

void sim_fridge_init(sim_fridge *f, sim_random *r);
void sim_fridge_step(sim_fridge *f, sim_random *r, double now_s, double dt_s);

/* A bed of soil on a capacitive probe: it dries between irrigations; the pump (the device's
 * relay, switched locally when the soil gets dry or by the platform's command) wets it. */
typedef struct sim_soil {
    double moisture; /* percent of the probe's calibrated range */
    bool pump;
    bool pump_commanded;
    double pump_until;
} sim_soil;

void sim_soil_init(sim_soil *s, sim_random *r);
void sim_soil_step(sim_soil *s, sim_random *r, double now_s, double dt_s);
/* The ADC count the probe gives at this moisture, noise and the odd spike included. */
uint16_t sim_soil_adc(const sim_soil *s, sim_random *r, uint16_t dry_raw, uint16_t wet_raw);

/* A shop's door, or a card presented to a reader: on for a while, now and then. */
typedef struct sim_event {
    bool on;
    double next_change;
    double on_min, on_max, off_min, off_max;
} sim_event;

void sim_event_init(sim_event *e, sim_random *r, double on_min, double on_max, double off_min, double off_max);
bool sim_event_step(sim_event *e, sim_random *r, double now_s);

/* A room's daily cycle of temperature and humidity. */
void sim_climate(double now_s, sim_random *r, double *celsius, double *humidity);

#endif
