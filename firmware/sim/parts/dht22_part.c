#include "dht22_part.h"

#include <math.h>

static uint32_t next_jitter(sim_dht22 *p)
{
    p->jitter_state = p->jitter_state * 1664525u + 1013904223u;
    return (p->jitter_state >> 24) % 5u;
}

static size_t capture(void *ctx, uint16_t *high_us, size_t cap)
{
    sim_dht22 *p = (sim_dht22 *)ctx;
    long t = lround(p->celsius * 10.0), rh = lround(p->humidity * 10.0);
    uint8_t frame[5];
    size_t i, n = 0;
    if (rh < 0) rh = 0;
    if (rh > 1000) rh = 1000;
    if (t < -400) t = -400;
    if (t > 800) t = 800;
    frame[0] = (uint8_t)(rh >> 8);
    frame[1] = (uint8_t)(rh & 0xFF);
    frame[2] = (uint8_t)(((t < 0 ? -t : t) >> 8) | (t < 0 ? 0x80 : 0));
    frame[3] = (uint8_t)((t < 0 ? -t : t) & 0xFF);
    frame[4] = (uint8_t)(frame[0] + frame[1] + frame[2] + frame[3]);
    if (cap < 41) return 0;
    high_us[n++] = (uint16_t)(78u + next_jitter(p));
    for (i = 0; i < 40; i++) {
        int one = (frame[i / 8] >> (7 - i % 8)) & 1;
        high_us[n++] = (uint16_t)((one ? 68u : 24u) + next_jitter(p));
    }
    return n;
}

void sim_dht22_wire(sim_dht22 *part, fw_pulse_capture *wire)
{
    wire->ctx = part;
    wire->capture = capture;
}
