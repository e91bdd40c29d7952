#include "soil_moisture.h"

bool fw_soil_permille(const fw_soil_calibration *cal, uint16_t raw, int32_t *permille)
{
    int32_t dry = cal->dry_raw, wet = cal->wet_raw, v;
    /* Closer than this and a count of ADC noise is several percent. */
    if (dry - wet < 100 && wet - dry < 100) return false;
    v = (dry - (int32_t)raw) * 1000 / (dry - wet);
    *permille = v < 0 ? 0 : v > 1000 ? 1000 : v;
    return true;
}

bool fw_soil_filter(const uint16_t *samples, size_t count, uint16_t *raw)
{
    uint32_t sum = 0;
    uint16_t lo = 0xFFFF, hi = 0;
    size_t i;
    if (count < 3 || count > FW_SOIL_SAMPLES_MAX) return false;
    for (i = 0; i < count; i++) {
        sum += samples[i];
        if (samples[i] < lo) lo = samples[i];
        if (samples[i] > hi) hi = samples[i];
    }
    sum -= (uint32_t)lo + hi;
    /* Rounded to nearest rather than truncated, so the filter has no downward bias. */
    *raw = (uint16_t)((sum + (uint32_t)(count - 2) / 2u) / (uint32_t)(count - 2));
    return true;
}

int fw_soil_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap)
{
    fw_soil *s = (fw_soil *)ctx;
    uint16_t samples[FW_SOIL_SAMPLES_MAX];
    uint16_t raw;
    int32_t permille;
    size_t i, n = s->samples < 3 ? 3 : s->samples > FW_SOIL_SAMPLES_MAX ? FW_SOIL_SAMPLES_MAX : s->samples;
    (void)now_ms;
    if (!due || cap < 1) return 0;
    for (i = 0; i < n; i++) {
        if (s->adc.read(s->adc.ctx, &samples[i]) != 0) return -1;
    }
    if (!fw_soil_filter(samples, n, &raw) || !fw_soil_permille(&s->cal, raw, &permille)) return -1;
    fw_reading_set(out, "moisture", permille, 1, "%");
    return 1;
}
