/* Capacitive soil moisture probe on an ADC. The probe's count falls as the soil gets wetter;
 * where it sits in air and in water differs from probe to probe, so each is calibrated. */
#ifndef FW_SOIL_MOISTURE_H
#define FW_SOIL_MOISTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/message.h"
#include "bus.h"

#define FW_SOIL_SAMPLES_MAX 16u

typedef struct fw_soil_calibration {
    uint16_t dry_raw; /* probe in air */
    uint16_t wet_raw; /* probe in water */
} fw_soil_calibration;

/* Moisture in tenths of a percent (0-1000), clamped; false when the calibration is unusable. */
bool fw_soil_permille(const fw_soil_calibration *cal, uint16_t raw, int32_t *permille);
/* Mean of the samples without the lowest and the highest: the ESP32's ADC has spikes. */
bool fw_soil_filter(const uint16_t *samples, size_t count, uint16_t *raw);

/* A sensor slot reporting "moisture" in %. */
typedef struct fw_soil {
    fw_adc adc;
    fw_soil_calibration cal;
    uint8_t samples; /* per reading, 3 to FW_SOIL_SAMPLES_MAX */
} fw_soil;

int fw_soil_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap);

#endif
