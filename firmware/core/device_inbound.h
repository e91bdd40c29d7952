/* What arrives on .../ack and .../cmd, applied to the device. Internal to device.c. */
#ifndef FW_DEVICE_INBOUND_H
#define FW_DEVICE_INBOUND_H

#include <stdint.h>

#include "device.h"

/* Intervals set by command survive reboots when the board has storage. */
void fw_device_load_intervals(fw_device *d);
/* Switches a relay off when the time an "on" command gave it has run out. */
void fw_device_relay_timer(fw_device *d, uint32_t now);

#endif
