/* The platform's ack on .../ack: the highest contiguous sequence it has stored, either as
 * {"boot":B,"seq":S} or as a bare S meaning the device's current boot. */
#ifndef FW_ACK_H
#define FW_ACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool fw_ack_parse(const char *payload, size_t len, uint32_t current_boot, uint32_t *boot, uint32_t *seq);

#endif
