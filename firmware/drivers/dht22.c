#include "dht22.h"

/* Between the datasheet's 26-28 µs zero and 70 µs one; anything past 100 µs is no data bit. */
#define ONE_ABOVE_US 48u
#define PULSE_MAX_US 100u
#define PULSE_MIN_US 10u
#define MIN_PERIOD_MS 2000u
#define FRAME_PULSES 41u

fw_dht22_status fw_dht22_bits(const uint16_t *high_us, size_t count, uint8_t frame[5])
{
    size_t i;
    if (count < 40) return FW_DHT22_SHORT_FRAME;
    high_us += count - 40;
    for (i = 0; i < 5; i++) frame[i] = 0;
    for (i = 0; i < 40; i++) {
        uint16_t w = high_us[i];
        if (w < PULSE_MIN_US || w > PULSE_MAX_US) return FW_DHT22_BAD_PULSE;
        if (w > ONE_ABOVE_US) frame[i / 8] |= (uint8_t)(0x80u >> (i % 8));
    }
    return FW_DHT22_OK;
}

fw_dht22_status fw_dht22_decode(const uint8_t frame[5], int32_t *temp_e1, int32_t *humidity_e1)
{
    uint8_t sum = (uint8_t)(frame[0] + frame[1] + frame[2] + frame[3]);
    int32_t rh, t;
    if (sum != frame[4]) return FW_DHT22_CHECKSUM;
    rh = (int32_t)frame[0] << 8 | frame[1];
    /* Sign and magnitude, not two's complement: the top bit of the temperature is its sign. */
    t = (int32_t)(frame[2] & 0x7Fu) << 8 | frame[3];
    if (frame[2] & 0x80u) t = -t;
    /* Outside the sensor's range (0-100 %RH, -40-80 °C) a frame with a lucky checksum is noise. */
    if (rh > 1000 || t < -400 || t > 800) return FW_DHT22_OUT_OF_RANGE;
    *temp_e1 = t;
    *humidity_e1 = rh;
    return FW_DHT22_OK;
}

int fw_dht22_sample(void *ctx, uint32_t now_ms, bool due, fw_reading *out, size_t cap)
{
    fw_dht22 *s = (fw_dht22 *)ctx;
    uint16_t pulses[FRAME_PULSES + 2];
    uint8_t frame[5];
    int32_t t, rh;
    size_t n;
    if (!due || cap < 2) return 0;
    if (s->read_once && (uint32_t)(now_ms - s->last_read_ms) < MIN_PERIOD_MS) return 0;
    s->read_once = true;
    s->last_read_ms = now_ms;
    n = s->wire.capture(s->wire.ctx, pulses, sizeof pulses / sizeof pulses[0]);
    s->last = fw_dht22_bits(pulses, n, frame);
    if (s->last == FW_DHT22_OK) s->last = fw_dht22_decode(frame, &t, &rh);
    if (s->last != FW_DHT22_OK) return -1;
    fw_reading_set(&out[0], "temperature", t, 1, "C");
    fw_reading_set(&out[1], "humidity", rh, 1, "%RH");
    return 2;
}
