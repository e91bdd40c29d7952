/* A DHT22 answering the start signal with the pulse widths of a frame, with the jitter of a
 * real sensor, so the simulated device runs the real decoder. */
#ifndef SIM_DHT22_PART_H
#define SIM_DHT22_PART_H

#include <stdint.h>

#include "drivers/bus.h"

typedef struct sim_dht22 {
    double celsius;
    double humidity;
    uint32_t jitter_state;
} sim_dht22;

void sim_dht22_wire(sim_dht22 *part, fw_pulse_capture *wire);

#endif
