#include "backoff.h"

void fw_backoff_init(fw_backoff *b, uint32_t base_ms, uint32_t cap_ms)
{
    b->base_ms = base_ms == 0 ? 1 : base_ms;
    b->cap_ms = cap_ms < b->base_ms ? b->base_ms : cap_ms;
    b->attempt = 0;
}

uint32_t fw_backoff_next(fw_backoff *b, uint32_t random)
{
    uint32_t ceiling = b->base_ms;
    uint32_t i;
    uint32_t half;
    /* Doubling stops at the cap, so a device offline for days cannot overflow the shift. */
    for (i = 0; i < b->attempt && ceiling < b->cap_ms; i++) {
        ceiling = ceiling > b->cap_ms / 2u ? b->cap_ms : ceiling * 2u;
    }
    if (ceiling > b->cap_ms) ceiling = b->cap_ms;
    if (b->attempt < UINT32_MAX) b->attempt++;
    half = ceiling / 2u;
    return half + random % (ceiling - half + 1u);
}

void fw_backoff_reset(fw_backoff *b)
{
    b->attempt = 0;
}
