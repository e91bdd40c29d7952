#include <gtest/gtest.h>

#include <string>

#include "fw.h"

static fw_command_error parse(const std::string &payload, fw_command *c) {
    return fw_command_parse(payload.data(), payload.size(), c);
}

TEST(Command, Set_interval) {
    fw_command c;
    ASSERT_EQ(parse(R"({"cmd":"set_interval","sensor":"fridge","seconds":60})", &c), FW_COMMAND_OK);
    EXPECT_EQ(c.kind, FW_COMMAND_SET_INTERVAL);
    EXPECT_STREQ(c.sensor, "fridge");
    EXPECT_EQ(c.seconds, 60u);
}

TEST(Command, Reboot) {
    fw_command c;
    ASSERT_EQ(parse(" { \"cmd\" : \"reboot\" } \n", &c), FW_COMMAND_OK);
    EXPECT_EQ(c.kind, FW_COMMAND_REBOOT);
}

TEST(Command, Relay_on_off_and_on_for_a_while) {
    fw_command c;
    ASSERT_EQ(parse(R"({"cmd":"relay","state":"on"})", &c), FW_COMMAND_OK);
    EXPECT_EQ(c.kind, FW_COMMAND_RELAY);
    EXPECT_TRUE(c.on);
    EXPECT_EQ(c.seconds, 0u);
    ASSERT_EQ(parse(R"({"state":"on","seconds":600,"cmd":"relay"})", &c), FW_COMMAND_OK);
    EXPECT_TRUE(c.on);
    EXPECT_EQ(c.seconds, 600u);
    ASSERT_EQ(parse(R"({"cmd":"relay","state":"off"})", &c), FW_COMMAND_OK);
    EXPECT_FALSE(c.on);
}

struct Refused {
    const char *payload;
    fw_command_error error;
};

class BadCommand : public ::testing::TestWithParam<Refused> {};

TEST_P(BadCommand, Is_refused) {
    fw_command c;
    EXPECT_EQ(parse(GetParam().payload, &c), GetParam().error) << GetParam().payload;
}

INSTANTIATE_TEST_SUITE_P(Command, BadCommand, ::testing::Values(
    Refused{R"({"cmd":"self_destruct"})", FW_COMMAND_UNKNOWN},
    Refused{R"({"sensor":"fridge","seconds":60})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","sensor":"fridge"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","seconds":60})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","sensor":"","seconds":60})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","sensor":"a_name_longer_than_23_chars","seconds":60})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":0})", FW_COMMAND_OUT_OF_RANGE},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":86401})", FW_COMMAND_OUT_OF_RANGE},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":-5})", FW_COMMAND_OUT_OF_RANGE},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":99999999999999999999})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":1.5})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":1e3})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":"60"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"set_interval","sensor":"fridge","seconds":60,"seconds":5})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"reboot","cmd":"reboot"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"reboot","force":true})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"reboot","seconds":5})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"relay","state":"maybe"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"relay","state":true})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"relay"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"relay","state":"off","seconds":60})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":"relay","state":"on","seconds":0})", FW_COMMAND_OUT_OF_RANGE},
    Refused{R"({"cmd":"relay","state":"on","sensor":"pump"})", FW_COMMAND_BAD_FIELD},
    Refused{R"({"cmd":{"name":"reboot"}})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":["reboot"]})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"reboot"} trailing)", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"reboot",})", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"reboot")", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"reb)", FW_COMMAND_SYNTAX},
    Refused{R"({"cmd":"re\u0062oot"})", FW_COMMAND_SYNTAX},
    Refused{R"(["reboot"])", FW_COMMAND_SYNTAX},
    Refused{"reboot", FW_COMMAND_SYNTAX},
    Refused{"", FW_COMMAND_SYNTAX},
    Refused{"{\"cmd\":\"re\nboot\"}", FW_COMMAND_SYNTAX}));

TEST(Command, Longer_than_the_inbound_bound_is_refused_unread) {
    std::string padded = R"({"cmd":"reboot")" + std::string(FW_INBOUND_MAX, ' ') + "}";
    fw_command c;
    EXPECT_EQ(parse(padded, &c), FW_COMMAND_TOO_LONG);
}

TEST(Command, Reads_a_payload_that_is_not_nul_terminated) {
    const char raw[] = {'{', '"', 'c', 'm', 'd', '"', ':', '"', 'r', 'e', 'b', 'o', 'o', 't', '"', '}', 'X'};
    fw_command c;
    EXPECT_EQ(fw_command_parse(raw, sizeof raw - 1, &c), FW_COMMAND_OK);
}

TEST(Ack, Object_with_boot_and_seq) {
    std::string p = R"({"boot":7,"seq":42,"stored_at":"2026-01-01T00:00:00Z"})";
    uint32_t boot = 0, seq = 0;
    ASSERT_TRUE(fw_ack_parse(p.data(), p.size(), 9, &boot, &seq));
    EXPECT_EQ(boot, 7u);
    EXPECT_EQ(seq, 42u);
}

TEST(Ack, Bare_sequence_means_the_current_boot) {
    uint32_t boot = 0, seq = 0;
    ASSERT_TRUE(fw_ack_parse(" 17 ", 4, 9, &boot, &seq));
    EXPECT_EQ(boot, 9u);
    EXPECT_EQ(seq, 17u);
    std::string p = R"({"seq":3})";
    ASSERT_TRUE(fw_ack_parse(p.data(), p.size(), 9, &boot, &seq));
    EXPECT_EQ(boot, 9u);
}

TEST(Ack, Malformed_acks_are_ignored) {
    uint32_t boot, seq;
    for (std::string p : {"", "-1", "4294967296", "1.5", "{\"boot\":1}", "{\"seq\":-1}", "{\"seq\":\"3\"}",
                          "{\"seq\":1,\"seq\":2}", "{\"seq\":1", "[1]", "{\"seq\":{}}"}) {
        EXPECT_FALSE(fw_ack_parse(p.data(), p.size(), 9, &boot, &seq)) << p;
    }
}
