#include "relay.h"

void fw_relay_init(fw_relay *r)
{
    fw_relay_set(r, false);
}

void fw_relay_set(fw_relay *r, bool on)
{
    r->on = on;
    r->out.set(r->out.ctx, on != r->active_low);
}

int fw_relay_switch(void *ctx, bool on)
{
    fw_relay_set((fw_relay *)ctx, on);
    return 0;
}
