#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "fw.h"

static fw_message message() {
    fw_message m{};
    m.boot = 7;
    m.seq = 42;
    m.ts_ms = 1767225600123ULL;
    m.count = 2;
    fw_reading_set(&m.readings[0], "temperature", -101250, 4, "C");
    fw_reading_set(&m.readings[1], "humidity", 658, 1, "%RH");
    return m;
}

TEST(Payload, Follows_the_platform_contract) {
    char buf[FW_PAYLOAD_MAX];
    fw_message m = message();
    size_t len = fw_payload_encode(buf, sizeof buf, &m, 0);
    EXPECT_EQ(std::string(buf, len),
              "{\"boot\":7,\"seq\":42,\"ts\":1767225600123,\"readings\":["
              "{\"sensor\":\"temperature\",\"value\":-10.1250,\"unit\":\"C\"},"
              "{\"sensor\":\"humidity\",\"value\":65.8,\"unit\":\"%RH\"}]}");
}

TEST(Payload, Says_first_only_after_a_drop) {
    char buf[FW_PAYLOAD_MAX];
    fw_message m = message();
    m.count = 0;
    size_t len = fw_payload_encode(buf, sizeof buf, &m, 40);
    EXPECT_EQ(std::string(buf, len), "{\"boot\":7,\"seq\":42,\"ts\":1767225600123,\"first\":40,\"readings\":[]}");
}

TEST(Payload, Escapes_names_and_units) {
    char buf[FW_PAYLOAD_MAX];
    fw_message m{};
    m.count = 1;
    fw_reading_set(&m.readings[0], "a\"b\\c\n", 1, 0, "\xC2\xB0" "C");
    size_t len = fw_payload_encode(buf, sizeof buf, &m, 0);
    EXPECT_NE(std::string(buf, len).find("{\"sensor\":\"a\\\"b\\\\c\\n\",\"value\":1,\"unit\":\"\xC2\xB0" "C\"}"),
              std::string::npos);
}

TEST(Payload, The_worst_case_fits_the_bound) {
    char buf[FW_PAYLOAD_MAX];
    fw_message m{};
    m.boot = UINT32_MAX;
    m.seq = UINT32_MAX;
    m.ts_ms = UINT64_MAX;
    m.count = FW_READINGS_MAX;
    std::string name(FW_SENSOR_NAME_MAX, '\x01'), unit(FW_UNIT_MAX, '\xFF');
    for (auto &r : m.readings) fw_reading_set(&r, name.c_str(), INT64_MIN, 19, unit.c_str());
    size_t len = fw_payload_encode(buf, sizeof buf, &m, UINT32_MAX);
    EXPECT_GT(len, 0u);
    EXPECT_LT(len, sizeof buf);
}

TEST(Payload, Refuses_a_buffer_too_small) {
    char buf[40];
    fw_message m = message();
    EXPECT_EQ(fw_payload_encode(buf, sizeof buf, &m, 0), 0u);
    EXPECT_STREQ(buf, "");
}
