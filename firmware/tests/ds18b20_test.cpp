#include <gtest/gtest.h>

#include <deque>
#include <vector>

#include "fw.h"

// Scratchpads in the datasheet's layout (temperature LSB/MSB, TH, TL, config, reserved x3, CRC),
// at the datasheet's table values; the CRC bytes were computed with a separate implementation.
static const uint8_t kPlus25_0625[9] = {0x91, 0x01, 0x4B, 0x46, 0x7F, 0xFF, 0x0F, 0x10, 0x25};
static const uint8_t kMinus10_125[9] = {0x5E, 0xFF, 0x4B, 0x46, 0x7F, 0xFF, 0x02, 0x10, 0xB6};
static const uint8_t kMinus55[9] = {0x90, 0xFC, 0x4B, 0x46, 0x7F, 0xFF, 0x10, 0x10, 0xEE};
static const uint8_t kPlus125[9] = {0xD0, 0x07, 0x4B, 0x46, 0x7F, 0xFF, 0x10, 0x10, 0x55};
static const uint8_t kMinus0_5[9] = {0xF8, 0xFF, 0x4B, 0x46, 0x7F, 0xFF, 0x08, 0x10, 0xF8};
static const uint8_t kMeasured85[9] = {0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x10, 0x10, 0xBD};
// 9-bit resolution (config 0x1F): the three lowest bits are undefined and here happen to be set.
static const uint8_t kNineBit25[9] = {0x97, 0x01, 0x4B, 0x46, 0x1F, 0xFF, 0x09, 0x10, 0x8C};
// What every DS18B20 holds at power-on, before any conversion: as read off real sensors.
static const uint8_t kPowerOn[9] = {0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0x1C};

static int32_t decoded(const uint8_t sp[9]) {
    int32_t t = INT32_MIN;
    EXPECT_EQ(fw_ds18b20_decode(sp, &t), FW_DS18B20_OK);
    return t;
}

TEST(DS18B20, Decodes_the_datasheet_temperatures_exactly) {
    EXPECT_EQ(decoded(kPlus25_0625), 250625);
    EXPECT_EQ(decoded(kMinus10_125), -101250);
    EXPECT_EQ(decoded(kMinus55), -550000);
    EXPECT_EQ(decoded(kPlus125), 1250000);
    EXPECT_EQ(decoded(kMinus0_5), -5000);
    EXPECT_EQ(decoded(kMeasured85), 850000);
}

TEST(DS18B20, Masks_the_undefined_bits_at_lower_resolution) {
    EXPECT_EQ(decoded(kNineBit25), 250000);
}

TEST(DS18B20, Refuses_a_bad_crc_a_shorted_bus_and_the_power_on_value) {
    uint8_t sp[9];
    std::copy(kPlus25_0625, kPlus25_0625 + 9, sp);
    sp[0] ^= 0x01;
    int32_t t;
    EXPECT_EQ(fw_ds18b20_decode(sp, &t), FW_DS18B20_CRC);
    const uint8_t zeros[9] = {0};
    EXPECT_EQ(fw_ds18b20_decode(zeros, &t), FW_DS18B20_CRC);
    const uint8_t ones[9] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    EXPECT_EQ(fw_ds18b20_decode(ones, &t), FW_DS18B20_CRC);
    EXPECT_EQ(fw_ds18b20_decode(kPowerOn, &t), FW_DS18B20_POWER_ON);
}

// A 1-Wire bus that answers with recorded bytes and records what the driver wrote.
struct RecordedBus {
    bool present = true;
    std::deque<uint8_t> reads;
    std::vector<uint8_t> written;
    uint32_t slept_ms = 0;
    fw_onewire bus{this, [](void *c) { return static_cast<RecordedBus *>(c)->present; },
                   [](void *c, uint8_t b) { static_cast<RecordedBus *>(c)->written.push_back(b); },
                   [](void *c) -> uint8_t {
                       auto &q = static_cast<RecordedBus *>(c)->reads;
                       if (q.empty()) return 0xFF;
                       uint8_t b = q.front();
                       q.pop_front();
                       return b;
                   },
                   [](void *c, uint32_t ms) { static_cast<RecordedBus *>(c)->slept_ms += ms; }};
};

TEST(DS18B20, Converts_then_reads_the_scratchpad) {
    RecordedBus rec;
    rec.reads = {0x00, 0x00, 0x00, 0xFF};  // busy for three polls, then done
    rec.reads.insert(rec.reads.end(), kMinus10_125, kMinus10_125 + 9);
    int32_t t;
    ASSERT_EQ(fw_ds18b20_read(&rec.bus, &t), FW_DS18B20_OK);
    EXPECT_EQ(t, -101250);
    EXPECT_EQ(rec.written, (std::vector<uint8_t>{0xCC, 0x44, 0xCC, 0xBE}));
    EXPECT_EQ(rec.slept_ms, 40u);
}

TEST(DS18B20, Reports_a_missing_sensor_and_a_conversion_that_never_ends) {
    RecordedBus absent;
    absent.present = false;
    int32_t t;
    EXPECT_EQ(fw_ds18b20_read(&absent.bus, &t), FW_DS18B20_NO_DEVICE);
    RecordedBus stuck;
    stuck.reads = std::deque<uint8_t>(200, 0x00);
    EXPECT_EQ(fw_ds18b20_read(&stuck.bus, &t), FW_DS18B20_TIMEOUT);
    EXPECT_LE(stuck.slept_ms, 1000u);
}

TEST(DS18B20, Sensor_slot_reports_temperature_in_celsius) {
    RecordedBus rec;
    rec.reads = {0xFF};
    rec.reads.insert(rec.reads.end(), kPlus25_0625, kPlus25_0625 + 9);
    fw_ds18b20 s{rec.bus, FW_DS18B20_OK};
    fw_reading r[4];
    EXPECT_EQ(fw_ds18b20_sample(&s, 0, false, r, 4), 0);
    ASSERT_EQ(fw_ds18b20_sample(&s, 0, true, r, 4), 1);
    EXPECT_STREQ(r[0].sensor, "temperature");
    EXPECT_EQ(r[0].value, 250625);
    EXPECT_EQ(r[0].decimals, 4);
    EXPECT_STREQ(r[0].unit, "C");
}
