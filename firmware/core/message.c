#include "message.h"

#include "text.h"

static void copy_cut(char *dst, size_t cap, const char *s)
{
    size_t i;
    for (i = 0; i + 1 < cap && s[i] != '\0'; i++) dst[i] = s[i];
    dst[i] = '\0';
}

void fw_reading_set(fw_reading *r, const char *sensor, int64_t value, uint8_t decimals, const char *unit)
{
    fw_mem_zero(r, sizeof *r);
    copy_cut(r->sensor, sizeof r->sensor, sensor);
    copy_cut(r->unit, sizeof r->unit, unit);
    r->value = value;
    r->decimals = decimals;
}
