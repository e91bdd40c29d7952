/* The simulator's clock and storage: POSIX clocks, and a folder per device standing in for
 * NVS (one file per key, replaced atomically like an NVS commit). */
#ifndef SIM_HAL_POSIX_H
#define SIM_HAL_POSIX_H

#include "sim_device.h"

void sim_hal_clock(sim_device *d);
/* Gives the device a storage under dir/<device>/; false when the folder cannot be made. */
bool sim_hal_storage(sim_device *d, const char *dir);

#endif
