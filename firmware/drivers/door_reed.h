/* Door reed switch on a GPIO. A reed contact bounces for a few milliseconds when the magnet
 * passes, so a state counts only once the level has held for the debounce time. */
#ifndef FW_DOOR_REED_H
#define FW_DOOR_REED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/message.h"
#include "bus.h"

typedef struct fw_door {
    fw_gpio_in in;
    bool open_level;      /* level read while the door is open (high with a pull-up, usually) */
    uint32_t debounce_ms;
    /* debouncer state */
    bool tracking;
    bool known;
    bool open;
    bool candidate;
    uint32_t candidate_since;
} fw_door;

/* Feeds one sampled level; true when the debounced state changed (the first settled level
 * counts as a change, so the platform learns the state at boot). */
bool fw_door_update(fw_door *d, bool level, uint32_t now_ms);

/* A watching sensor slot reporting "door" 1 (open) or 0 (closed) on every change, and the
 * current state whenever its interval is due. */
int fw_door_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);

#endif
