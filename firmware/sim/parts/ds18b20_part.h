/* A DS18B20 on a 1-Wire bus, as the simulator's fridge probe: answers the driver's commands
 * with a scratchpad built from a temperature, so the simulated device runs the real driver. */
#ifndef SIM_DS18B20_PART_H
#define SIM_DS18B20_PART_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/bus.h"

typedef struct sim_ds18b20 {
    double celsius;
    bool present;
    /* protocol state */
    int busy_reads;
    int phase;
    uint8_t scratchpad[9];
    int read_index;
} sim_ds18b20;

void sim_ds18b20_bus(sim_ds18b20 *part, fw_onewire *bus);
/* The scratchpad a DS18B20 at this temperature holds after a 12-bit conversion. */
void sim_ds18b20_scratchpad(double celsius, uint8_t out[9]);

#endif
