#include "door_reed.h"

bool fw_door_update(fw_door *d, bool level, uint32_t now_ms)
{
    bool open = level == d->open_level;
    /* Every change of level restarts the wait: only a level that held counts. */
    if (!d->tracking || open != d->candidate) {
        d->tracking = true;
        d->candidate = open;
        d->candidate_since = now_ms;
    }
    if (d->known && open == d->open) return false;
    if ((uint32_t)(now_ms - d->candidate_since) < d->debounce_ms) return false;
    d->open = open;
    d->known = true;
    return true;
}

int fw_door_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap)
{
    fw_door *d = (fw_door *)ctx;
    bool changed = fw_door_update(d, d->in.level(d->in.ctx), now_ms);
    if (cap < 1 || !d->known || (!changed && !due)) return 0;
    fw_reading_set(out, "door", d->open ? 1 : 0, 0, "state");
    return 1;
}
