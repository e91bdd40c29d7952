#include <gtest/gtest.h>

#include <vector>

#include "fw.h"

// The datasheet's example frame: 65.8 %RH, 26.9 °C, checksum 0xA2.
static const uint8_t kDatasheet[5] = {0x02, 0x92, 0x01, 0x0D, 0xA2};
// -10.1 °C: sign bit set on the temperature's high byte; 65.2 %RH.
static const uint8_t kMinus10_1[5] = {0x02, 0x8C, 0x80, 0x65, 0x73};

// High-pulse widths (µs) as captured by RMT for the datasheet frame: the sensor's 80 µs
// response pulse, then 40 data bits of about 26 µs (0) or 70 µs (1).
static const std::vector<uint16_t> kCapture = {
    80, 24, 27, 23, 25, 23, 26, 74, 26, 71, 28, 26, 74, 24, 23, 71, 23, 26, 26, 27, 23,
    28, 26, 25, 73, 24, 27, 23, 25, 68, 68, 23, 73, 72, 23, 71, 28, 24, 26, 73, 23};

TEST(DHT22, Decodes_the_datasheet_frame) {
    int32_t t, rh;
    ASSERT_EQ(fw_dht22_decode(kDatasheet, &t, &rh), FW_DHT22_OK);
    EXPECT_EQ(t, 269);
    EXPECT_EQ(rh, 658);
}

TEST(DHT22, Decodes_negative_temperatures_in_sign_and_magnitude) {
    int32_t t, rh;
    ASSERT_EQ(fw_dht22_decode(kMinus10_1, &t, &rh), FW_DHT22_OK);
    EXPECT_EQ(t, -101);
    EXPECT_EQ(rh, 652);
}

TEST(DHT22, Refuses_a_bad_checksum_and_impossible_values) {
    int32_t t, rh;
    uint8_t f[5] = {0x02, 0x92, 0x01, 0x0D, 0xA3};
    EXPECT_EQ(fw_dht22_decode(f, &t, &rh), FW_DHT22_CHECKSUM);
    const uint8_t wet[5] = {0x03, 0xE9, 0x00, 0x00, 0xEC};  // 100.1 %RH
    EXPECT_EQ(fw_dht22_decode(wet, &t, &rh), FW_DHT22_OUT_OF_RANGE);
}

TEST(DHT22, Turns_a_pulse_capture_into_the_frame) {
    uint8_t f[5];
    ASSERT_EQ(fw_dht22_bits(kCapture.data(), kCapture.size(), f), FW_DHT22_OK);
    EXPECT_EQ(std::vector<uint8_t>(f, f + 5), std::vector<uint8_t>(kDatasheet, kDatasheet + 5));
}

TEST(DHT22, Refuses_short_captures_and_pulses_that_are_no_bits) {
    uint8_t f[5];
    EXPECT_EQ(fw_dht22_bits(kCapture.data(), 39, f), FW_DHT22_SHORT_FRAME);
    auto broken = kCapture;
    broken[20] = 160;
    EXPECT_EQ(fw_dht22_bits(broken.data(), broken.size(), f), FW_DHT22_BAD_PULSE);
}

struct Wire {
    std::vector<uint16_t> pulses = kCapture;
    int captures = 0;
    fw_pulse_capture cap{this, [](void *c, uint16_t *out, size_t n) {
                             auto *w = static_cast<Wire *>(c);
                             w->captures++;
                             size_t k = std::min(n, w->pulses.size());
                             std::copy(w->pulses.begin(), w->pulses.begin() + k, out);
                             return k;
                         }};
};

TEST(DHT22, Sensor_slot_reports_both_values_and_respects_the_2_s_minimum) {
    Wire w;
    fw_dht22 s{w.cap, false, 0, FW_DHT22_OK};
    fw_reading r[4];
    ASSERT_EQ(fw_dht22_sample(&s, 5000, true, r, 4), 2);
    EXPECT_STREQ(r[0].sensor, "temperature");
    EXPECT_EQ(r[0].value, 269);
    EXPECT_STREQ(r[1].sensor, "humidity");
    EXPECT_STREQ(r[1].unit, "%RH");
    EXPECT_EQ(fw_dht22_sample(&s, 6000, true, r, 4), 0);
    EXPECT_EQ(w.captures, 1);
    w.pulses[5] = 3;
    EXPECT_EQ(fw_dht22_sample(&s, 7000, true, r, 4), -1);
}
