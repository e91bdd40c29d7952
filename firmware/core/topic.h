/* Topics of the platform's contract: tenants/{tenant}/devices/{device}/{telemetry|ack|cmd}. */
#ifndef FW_TOPIC_H
#define FW_TOPIC_H

#include <stdbool.h>
#include <stddef.h>

#include "fw_limits.h"

/* An id is one topic level: non-empty, at most FW_ID_MAX bytes, no '/' (it would add a level),
 * no '+' or '#' (wildcards: the broker refuses them in a published topic, and in a subscription
 * they would match other devices), no control characters. */
bool fw_topic_id_valid(const char *id);

/* Writes the topic for (tenant, device, leaf) into buf; false when an id is invalid or the
 * topic does not fit in cap bytes. */
bool fw_topic_build(char *buf, size_t cap, const char *tenant, const char *device, const char *leaf);

#endif
