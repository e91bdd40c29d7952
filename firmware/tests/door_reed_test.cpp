#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "fw.h"

// A reed switch read every 5 ms as the door opens, recorded with a pull-up (high = open):
// the contact chatters for about 15 ms before it settles.
static const std::vector<std::pair<uint32_t, bool>> kOpening = {
    {0, false}, {5, false}, {10, true}, {15, false}, {20, true}, {25, true}, {30, false},
    {35, true}, {40, true}, {45, true}, {50, true}, {55, true}, {60, true}, {65, true},
    {70, true}, {75, true}, {80, true}, {85, true}, {90, true}};

static fw_door door() {
    fw_door d{};
    d.open_level = true;
    d.debounce_ms = 50;
    return d;
}

TEST(DoorReed, Reports_the_first_settled_state_then_one_change_through_the_chatter) {
    fw_door d = door();
    std::vector<std::pair<uint32_t, bool>> changes;
    for (auto [t, level] : kOpening) {
        if (fw_door_update(&d, level, 1000 + t)) changes.push_back({t, d.open});
    }
    // Closed was seen from t=0 but never held 50 ms before the chatter: nothing until the
    // open level held from t=35 to t=85.
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0], std::make_pair(85u, true));
}

TEST(DoorReed, Ignores_a_glitch_shorter_than_the_debounce) {
    fw_door d = door();
    for (uint32_t t = 0; t <= 60; t += 5) fw_door_update(&d, false, t);
    ASSERT_TRUE(d.known);
    EXPECT_FALSE(d.open);
    EXPECT_FALSE(fw_door_update(&d, true, 65));
    EXPECT_FALSE(fw_door_update(&d, true, 90));
    EXPECT_FALSE(fw_door_update(&d, false, 95));
    for (uint32_t t = 100; t <= 200; t += 5) EXPECT_FALSE(fw_door_update(&d, false, t));
    EXPECT_FALSE(d.open);
}

TEST(DoorReed, Works_with_the_open_level_low) {
    fw_door d = door();
    d.open_level = false;
    fw_door_update(&d, false, 0);
    EXPECT_TRUE(fw_door_update(&d, false, 50));
    EXPECT_TRUE(d.open);
}

struct Pin {
    bool level = false;
    fw_gpio_in in{this, [](void *c) { return static_cast<Pin *>(c)->level; }};
};

TEST(DoorReed, Sensor_slot_reports_changes_at_once_and_the_state_when_due) {
    Pin pin;
    fw_door d = door();
    d.in = pin.in;
    fw_reading r[1];
    EXPECT_EQ(fw_door_sample(&d, 0, false, r, 1), 0);
    ASSERT_EQ(fw_door_sample(&d, 50, false, r, 1), 1);
    EXPECT_STREQ(r[0].sensor, "door");
    EXPECT_EQ(r[0].value, 0);
    EXPECT_EQ(fw_door_sample(&d, 60, false, r, 1), 0);
    ASSERT_EQ(fw_door_sample(&d, 70, true, r, 1), 1) << "the interval's heartbeat";
    pin.level = true;
    fw_door_sample(&d, 100, false, r, 1);
    ASSERT_EQ(fw_door_sample(&d, 150, false, r, 1), 1);
    EXPECT_EQ(r[0].value, 1);
}
