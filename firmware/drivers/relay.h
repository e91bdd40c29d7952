/* A relay output on a GPIO (the irrigation pump, a fridge's compressor contactor). Most relay
 * boards sold for the ESP32 switch on a low level, hence active_low. Starts off. */
#ifndef FW_RELAY_H
#define FW_RELAY_H

#include <stdbool.h>

#include "bus.h"

typedef struct fw_relay {
    fw_gpio_out out;
    bool active_low;
    bool on;
} fw_relay;

void fw_relay_init(fw_relay *r);
void fw_relay_set(fw_relay *r, bool on);
/* fw_system.relay for a board with one relay: ctx is the fw_relay. */
int fw_relay_switch(void *ctx, bool on);

#endif
