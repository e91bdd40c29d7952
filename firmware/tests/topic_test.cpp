#include <gtest/gtest.h>

#include <string>

#include "fw.h"

TEST(Topic, Builds_the_contract_topics) {
    char buf[FW_TOPIC_MAX];
    ASSERT_TRUE(fw_topic_build(buf, sizeof buf, "acme", "fridge-1", "telemetry"));
    EXPECT_STREQ(buf, "tenants/acme/devices/fridge-1/telemetry");
    ASSERT_TRUE(fw_topic_build(buf, sizeof buf, "acme", "fridge-1", "ack"));
    EXPECT_STREQ(buf, "tenants/acme/devices/fridge-1/ack");
}

TEST(Topic, Refuses_ids_that_would_change_the_topic_shape) {
    EXPECT_FALSE(fw_topic_id_valid(""));
    EXPECT_FALSE(fw_topic_id_valid("a/b"));
    EXPECT_FALSE(fw_topic_id_valid("+"));
    EXPECT_FALSE(fw_topic_id_valid("dev#1"));
    EXPECT_FALSE(fw_topic_id_valid("tab\there"));
    EXPECT_FALSE(fw_topic_id_valid("\x7f"));
    EXPECT_TRUE(fw_topic_id_valid("0192f0c4-5b7e-7d3a-9c11-2f6d8e4a1b00"));
    EXPECT_TRUE(fw_topic_id_valid("carnicer\xC3\xAD" "a"));
}

TEST(Topic, Refuses_ids_longer_than_the_bound) {
    std::string longest(FW_ID_MAX, 'a'), too_long(FW_ID_MAX + 1, 'a');
    EXPECT_TRUE(fw_topic_id_valid(longest.c_str()));
    EXPECT_FALSE(fw_topic_id_valid(too_long.c_str()));
    char buf[FW_TOPIC_MAX];
    EXPECT_TRUE(fw_topic_build(buf, sizeof buf, longest.c_str(), longest.c_str(), "telemetry"));
    EXPECT_FALSE(fw_topic_build(buf, sizeof buf, too_long.c_str(), "d", "telemetry"));
    EXPECT_STREQ(buf, "");
}

TEST(Topic, Refuses_a_buffer_too_small) {
    char buf[16];
    EXPECT_FALSE(fw_topic_build(buf, sizeof buf, "acme", "fridge-1", "telemetry"));
    EXPECT_STREQ(buf, "");
}
