/* Commands the platform publishes on .../cmd:
 *   {"cmd":"set_interval","sensor":"fridge","seconds":60}
 *   {"cmd":"reboot"}
 *   {"cmd":"relay","state":"on","seconds":600}   (seconds optional: switch off again after)
 *   {"cmd":"relay","state":"off"}
 * Parsing is strict: an unknown member, a duplicate, a wrong type or a value out of range
 * refuses the whole command, because a half-understood command is worse than none. */
#ifndef FW_COMMAND_H
#define FW_COMMAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fw_limits.h"

/* Below a second a device would spend its life publishing; above a day it looks dead. */
#define FW_INTERVAL_MIN_S 1u
#define FW_INTERVAL_MAX_S 86400u

typedef enum fw_command_kind {
    FW_COMMAND_SET_INTERVAL,
    FW_COMMAND_REBOOT,
    FW_COMMAND_RELAY
} fw_command_kind;

typedef enum fw_command_error {
    FW_COMMAND_OK = 0,
    FW_COMMAND_TOO_LONG,
    FW_COMMAND_SYNTAX,
    FW_COMMAND_UNKNOWN,
    FW_COMMAND_BAD_FIELD,
    FW_COMMAND_OUT_OF_RANGE
} fw_command_error;

typedef struct fw_command {
    fw_command_kind kind;
    char sensor[FW_SENSOR_NAME_MAX + 1];
    /* set_interval: the new interval; relay on: seconds until off again, 0 for no limit. */
    uint32_t seconds;
    bool on;
} fw_command;

fw_command_error fw_command_parse(const char *payload, size_t len, fw_command *out);
const char *fw_command_error_name(fw_command_error e);

#endif
