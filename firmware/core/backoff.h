/* Reconnect delays: exponential, capped, with jitter. After a broker restart every device of
 * a fleet reconnects at once; the jitter spreads them so the broker is not knocked over again. */
#ifndef FW_BACKOFF_H
#define FW_BACKOFF_H

#include <stdint.h>

typedef struct fw_backoff {
    uint32_t base_ms;
    uint32_t cap_ms;
    uint32_t attempt;
} fw_backoff;

void fw_backoff_init(fw_backoff *b, uint32_t base_ms, uint32_t cap_ms);
/* The delay before the next attempt, counting this attempt: with d = min(cap, base * 2^attempt)
 * it lies in [d/2, d] ("equal jitter": never a hammering zero, never longer than the cap). */
uint32_t fw_backoff_next(fw_backoff *b, uint32_t random);
void fw_backoff_reset(fw_backoff *b);

#endif
