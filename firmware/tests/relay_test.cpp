#include <gtest/gtest.h>

#include <vector>

#include "fw.h"

struct OutPin {
    std::vector<bool> levels;
    fw_gpio_out out{this, [](void *c, bool level) { static_cast<OutPin *>(c)->levels.push_back(level); }};
};

TEST(Relay, Active_low_boards_get_the_inverted_level_and_start_off) {
    OutPin pin;
    fw_relay r{pin.out, true, false};
    fw_relay_init(&r);
    fw_relay_set(&r, true);
    fw_relay_set(&r, false);
    EXPECT_EQ(pin.levels, (std::vector<bool>{true, false, true}));
}

TEST(Relay, Active_high_boards_get_the_level_as_is_through_the_hal_switch) {
    OutPin pin;
    fw_relay r{pin.out, false, false};
    fw_relay_init(&r);
    EXPECT_EQ(fw_relay_switch(&r, true), 0);
    EXPECT_TRUE(r.on);
    EXPECT_EQ(pin.levels, (std::vector<bool>{false, true}));
}
