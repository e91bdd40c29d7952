#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "fw.h"

TEST(Backoff, Stays_within_half_and_whole_of_the_doubled_delay) {
    for (uint32_t random : {0u, 1u, 12345u, 0x7FFFFFFFu, UINT32_MAX}) {
        fw_backoff b;
        fw_backoff_init(&b, 1000, 60000);
        uint32_t ceiling = 1000;
        for (int attempt = 0; attempt < 40; attempt++) {
            uint32_t d = fw_backoff_next(&b, random);
            EXPECT_GE(d, ceiling / 2) << "attempt " << attempt;
            EXPECT_LE(d, ceiling) << "attempt " << attempt;
            ceiling = std::min<uint32_t>(ceiling * 2, 60000);
        }
    }
}

TEST(Backoff, Jitter_spreads_devices_that_fail_together) {
    std::set<uint32_t> delays;
    for (uint32_t r = 0; r < 1000; r += 37) {
        fw_backoff b;
        fw_backoff_init(&b, 1000, 60000);
        for (int i = 0; i < 6; i++) fw_backoff_next(&b, 0);
        delays.insert(fw_backoff_next(&b, r * 2654435761u));
    }
    EXPECT_GT(delays.size(), 20u);
}

TEST(Backoff, Never_overflows_with_a_huge_cap_or_attempt_count) {
    fw_backoff b;
    fw_backoff_init(&b, 1000, UINT32_MAX);
    uint32_t last = 0;
    for (int i = 0; i < 100; i++) last = fw_backoff_next(&b, UINT32_MAX);
    EXPECT_GE(last, UINT32_MAX / 2);
    b.attempt = UINT32_MAX;
    EXPECT_GE(fw_backoff_next(&b, 0), UINT32_MAX / 2);
    EXPECT_EQ(b.attempt, UINT32_MAX);
}

TEST(Backoff, Starts_over_after_a_success) {
    fw_backoff b;
    fw_backoff_init(&b, 500, 8000);
    for (int i = 0; i < 10; i++) fw_backoff_next(&b, UINT32_MAX);
    fw_backoff_reset(&b);
    EXPECT_EQ(fw_backoff_next(&b, 250), 500u);  // the top of [250, 500]
    EXPECT_EQ(fw_backoff_next(&b, 0), 500u);    // the bottom of [500, 1000]
}
