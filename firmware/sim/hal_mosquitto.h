/* The simulator's MQTT: one libmosquitto client per device, driven from the main loop's
 * thread (mosquitto_loop), so its callbacks may call into the core directly. */
#ifndef SIM_HAL_MOSQUITTO_H
#define SIM_HAL_MOSQUITTO_H

#include "sim_device.h"

bool sim_hal_mqtt(sim_device *d, const char *host, int port);
/* Runs the client's network I/O without blocking. */
void sim_hal_mqtt_loop(sim_device *d);
void sim_hal_mqtt_close(sim_device *d);

#endif
