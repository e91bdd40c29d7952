#include <gtest/gtest.h>

#include <deque>

#include "fw.h"

// A capacitive v1.2 probe on the ESP32's 12-bit ADC: 3100 in air, 1350 in water.
static const fw_soil_calibration kProbe = {3100, 1350};

TEST(SoilMoisture, Maps_the_calibrated_range_to_tenths_of_a_percent) {
    int32_t p;
    ASSERT_TRUE(fw_soil_permille(&kProbe, 3100, &p));
    EXPECT_EQ(p, 0);
    ASSERT_TRUE(fw_soil_permille(&kProbe, 1350, &p));
    EXPECT_EQ(p, 1000);
    ASSERT_TRUE(fw_soil_permille(&kProbe, 2225, &p));
    EXPECT_EQ(p, 500);
    ASSERT_TRUE(fw_soil_permille(&kProbe, 2800, &p));
    EXPECT_EQ(p, 171);
}

TEST(SoilMoisture, Clamps_beyond_the_calibration_points) {
    int32_t p;
    ASSERT_TRUE(fw_soil_permille(&kProbe, 3400, &p));
    EXPECT_EQ(p, 0);
    ASSERT_TRUE(fw_soil_permille(&kProbe, 900, &p));
    EXPECT_EQ(p, 1000);
}

TEST(SoilMoisture, Works_for_probes_that_rise_when_wet_and_refuses_a_useless_calibration) {
    const fw_soil_calibration rising = {800, 2800};
    int32_t p;
    ASSERT_TRUE(fw_soil_permille(&rising, 1800, &p));
    EXPECT_EQ(p, 500);
    const fw_soil_calibration flat = {2000, 1950};
    EXPECT_FALSE(fw_soil_permille(&flat, 1980, &p));
}

TEST(SoilMoisture, Filter_drops_the_spikes_of_the_esp32_adc) {
    // Recorded from a probe in damp soil: two ADC spikes among steady counts.
    const uint16_t recorded[8] = {2231, 2228, 4095, 2230, 2226, 0, 2229, 2232};
    uint16_t raw;
    ASSERT_TRUE(fw_soil_filter(recorded, 8, &raw));
    EXPECT_EQ(raw, 2229);
    EXPECT_FALSE(fw_soil_filter(recorded, 2, &raw));
}

struct RecordedAdc {
    std::deque<uint16_t> counts;
    fw_adc adc{this, [](void *c, uint16_t *raw) {
                   auto &q = static_cast<RecordedAdc *>(c)->counts;
                   if (q.empty()) return -1;
                   *raw = q.front();
                   q.pop_front();
                   return 0;
               }};
};

TEST(SoilMoisture, Sensor_slot_reports_moisture_from_filtered_counts) {
    RecordedAdc rec;
    rec.counts = {2231, 2228, 4095, 2230, 2226};
    fw_soil s{rec.adc, kProbe, 5};
    fw_reading r[1];
    ASSERT_EQ(fw_soil_sample(&s, 0, true, r, 1), 1);
    EXPECT_STREQ(r[0].sensor, "moisture");
    EXPECT_EQ(r[0].value, 497);  // 2231 2228 2230 average 2230: 49.7 %
    EXPECT_EQ(r[0].decimals, 1);
    EXPECT_EQ(fw_soil_sample(&s, 0, true, r, 1), -1) << "the ADC ran dry";
}
