/* The telemetry payload of the platform's contract:
 * {"boot":..,"seq":..,"ts":..,"readings":[{"sensor":..,"value":..,"unit":..}]} */
#ifndef FW_PAYLOAD_H
#define FW_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "message.h"

/* first is 0, or the lowest sequence of this boot the device can still send: everything below
 * was acked or dropped when the outbox was full. It is written as "first" only when non-zero,
 * so the platform can count a dropped gap as done instead of waiting for it forever.
 * Returns the payload length, or 0 when it does not fit in cap. */
size_t fw_payload_encode(char *buf, size_t cap, const fw_message *m, uint32_t first);

#endif
