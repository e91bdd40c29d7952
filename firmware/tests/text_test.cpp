#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "fw.h"

static std::string fixed(int64_t value, uint8_t decimals) {
    char buf[64];
    fw_text t;
    fw_text_init(&t, buf, sizeof buf);
    fw_text_fixed(&t, value, decimals);
    return buf;
}

static std::string json(const char *s) {
    char buf[256];
    fw_text t;
    fw_text_init(&t, buf, sizeof buf);
    fw_text_json_string(&t, s);
    return buf;
}

TEST(FixedPoint, Writes_the_exact_decimal_without_floating_point) {
    EXPECT_EQ(fixed(2150, 2), "21.50");
    EXPECT_EQ(fixed(625, 4), "0.0625");
    EXPECT_EQ(fixed(5, 2), "0.05");
    EXPECT_EQ(fixed(-5, 2), "-0.05");
    EXPECT_EQ(fixed(-101250, 4), "-10.1250");
    EXPECT_EQ(fixed(0, 1), "0.0");
    EXPECT_EQ(fixed(42, 0), "42");
    EXPECT_EQ(fixed(-42, 0), "-42");
}

TEST(FixedPoint, Handles_the_extremes_of_int64) {
    EXPECT_EQ(fixed(INT64_MIN, 0), "-9223372036854775808");
    EXPECT_EQ(fixed(INT64_MAX, 4), "922337203685477.5807");
    EXPECT_EQ(fixed(INT64_MIN, 19), "-0.9223372036854775808");
}

TEST(JsonString, Escapes_quotes_backslashes_and_control_characters) {
    EXPECT_EQ(json("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(json("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(json("line\nnext\ttab\r"), "\"line\\nnext\\ttab\\r\"");
    EXPECT_EQ(json("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
    EXPECT_EQ(json(""), "\"\"");
}

TEST(JsonString, Keeps_valid_utf8_and_replaces_invalid_bytes) {
    EXPECT_EQ(json("\xC2\xB0" "C"), "\"\xC2\xB0" "C\"");                  // °C
    EXPECT_EQ(json("\xF0\x9F\x8C\xA1"), "\"\xF0\x9F\x8C\xA1\"");          // 4-byte emoji
    EXPECT_EQ(json("a\xFF" "b"), "\"a\\ufffdb\"");                         // not UTF-8 at all
    EXPECT_EQ(json("\xC0\xAF"), "\"\\ufffd\\ufffd\"");                     // overlong '/'
    EXPECT_EQ(json("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");          // surrogate
    EXPECT_EQ(json("\xE2\x82"), "\"\\ufffd\\ufffd\"");                     // truncated
}

TEST(Text, Overflow_is_sticky_and_the_text_stays_terminated) {
    char buf[6];
    fw_text t;
    fw_text_init(&t, buf, sizeof buf);
    fw_text_str(&t, "hello world");
    EXPECT_TRUE(t.overflow);
    EXPECT_EQ(std::string(buf), "hello");
    fw_text_char(&t, 'x');
    EXPECT_EQ(std::string(buf), "hello");
}

TEST(Text, Copies_refuse_what_does_not_fit) {
    char buf[4];
    EXPECT_TRUE(fw_str_copy(buf, sizeof buf, "abc"));
    EXPECT_STREQ(buf, "abc");
    EXPECT_FALSE(fw_str_copy(buf, sizeof buf, "abcd"));
    EXPECT_STREQ(buf, "");
    EXPECT_EQ(fw_str_len("abcdef", 3), 4u);
}
