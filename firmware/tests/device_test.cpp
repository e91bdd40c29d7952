#include <gtest/gtest.h>

#include <memory>

#include "fakes.h"

// A sensor whose next value the test sets; counts how often it was sampled.
struct Probe {
    int64_t value = 40;
    int samples = 0;
    bool fail = false;
    static int sample(void *ctx, uint32_t, bool due, fw_reading *out, size_t) {
        auto *p = static_cast<Probe *>(ctx);
        if (!due) return 0;
        p->samples++;
        if (p->fail) return -1;
        fw_reading_set(out, "temperature", p->value++, 1, "C");
        return 1;
    }
};

class Device : public ::testing::Test {
protected:
    FakeStorage storage;
    FakeBoard board{&storage.hal};
    Probe probe;
    fw_sensor sensors[1] = {{"fridge", 1000, false, &Probe::sample, &probe}};
    fw_device_config config{"acme", "fridge-1", "fridge-1", "secret", sensors, 1, 5000, 1000, 8000};
    std::unique_ptr<fw_device> dev = std::make_unique<fw_device>();

    void SetUp() override { ASSERT_EQ(fw_device_init(dev.get(), &config, &board.hal), FW_DEVICE_OK); }

    void advance(uint32_t ms, uint32_t step = 100) {
        for (uint32_t t = 0; t < ms; t += step) {
            board.uptime += step;
            fw_device_poll(dev.get());
        }
    }

    void message(const char *leaf, const std::string &payload) {
        std::string topic = std::string("tenants/acme/devices/fridge-1/") + leaf;
        fw_device_message(dev.get(), topic.c_str(), payload.data(), payload.size());
    }

    void connect() {
        fw_device_poll(dev.get());
        fw_device_connection(dev.get(), true);
    }

    std::vector<long long> sent_seqs() {
        std::vector<long long> out;
        for (auto &p : board.telemetry()) out.push_back(json_number(p.payload, "seq"));
        return out;
    }
};

TEST_F(Device, Connects_with_its_credentials_and_a_will) {
    fw_device_poll(dev.get());
    EXPECT_EQ(board.connects, 1);
    EXPECT_STREQ(board.last_session.username, "fridge-1");
    EXPECT_STREQ(board.last_session.password, "secret");
    EXPECT_STREQ(board.last_session.will_topic, "tenants/acme/devices/fridge-1/status");
    fw_device_connection(dev.get(), true);
    EXPECT_EQ(board.subscribed, (std::vector<std::string>{"tenants/acme/devices/fridge-1/ack",
                                                          "tenants/acme/devices/fridge-1/cmd"}));
    ASSERT_FALSE(board.published.empty());
    EXPECT_EQ(board.published[0].payload, "{\"online\":true}");
    EXPECT_TRUE(board.published[0].retain);
}

TEST_F(Device, Refuses_ids_that_break_the_topic) {
    fw_device_config bad = config;
    bad.device = "fridge/1";
    auto other = std::make_unique<fw_device>();
    EXPECT_EQ(fw_device_init(other.get(), &bad, &board.hal), FW_DEVICE_BAD_ID);
    bad.device = "fridge-#";
    EXPECT_EQ(fw_device_init(other.get(), &bad, &board.hal), FW_DEVICE_BAD_ID);
}

TEST_F(Device, Publishes_readings_with_increasing_seq_at_qos1) {
    connect();
    advance(3000);
    auto t = board.telemetry();
    ASSERT_GE(t.size(), 3u);
    EXPECT_EQ(sent_seqs()[0], 1);
    EXPECT_EQ(sent_seqs()[1], 2);
    EXPECT_EQ(sent_seqs()[2], 3);
    EXPECT_EQ(t[0].qos, 1);
    EXPECT_EQ(json_number(t[0].payload, "boot"), dev->boot);
    EXPECT_EQ(json_number(t[0].payload, "ts"), static_cast<long long>(board.epoch));
    EXPECT_NE(t[0].payload.find("\"value\":4.0,\"unit\":\"C\""), std::string::npos) << t[0].payload;
}

TEST_F(Device, Keeps_readings_until_the_platform_acks_them) {
    connect();
    advance(2500);  // seqs 1-3 published
    EXPECT_EQ(dev->outbox.count, 3u) << "a PUBACK is not an ack";
    message("ack", "{\"boot\":" + std::to_string(dev->boot) + ",\"seq\":2}");
    EXPECT_EQ(dev->outbox.count, 1u);
    EXPECT_EQ(dev->stats.acked, 2u);
    board.published.clear();
    advance(5000);
    auto seqs = sent_seqs();
    EXPECT_EQ(std::count(seqs.begin(), seqs.end(), 1), 0) << "acked messages are never resent";
    EXPECT_EQ(std::count(seqs.begin(), seqs.end(), 3), 1) << "unacked ones are, after resend_ms";
}

TEST_F(Device, Resends_everything_unacked_after_a_reconnect_in_order) {
    connect();
    advance(2500);
    fw_device_connection(dev.get(), false);
    advance(3000);  // offline: samples pile up in the outbox
    EXPECT_GE(dev->outbox.count, 5u);
    EXPECT_GE(board.connects, 2) << "reconnected within the backoff";
    board.published.clear();
    fw_device_connection(dev.get(), true);
    advance(200);
    auto seqs = sent_seqs();
    ASSERT_GE(seqs.size(), 5u);
    for (size_t i = 0; i < seqs.size(); i++) EXPECT_EQ(seqs[i], static_cast<long long>(i + 1));
    EXPECT_GE(dev->stats.resent, 3u);
}

TEST_F(Device, Reconnects_with_backoff_when_the_broker_refuses) {
    board.connect_result = -1;
    fw_device_poll(dev.get());
    EXPECT_EQ(board.connects, 1);
    advance(499, 1);
    EXPECT_EQ(board.connects, 1) << "not before half the base delay";
    advance(30000, 10);
    EXPECT_LT(board.connects, 12) << "the delay doubles up to the cap";
    EXPECT_GT(board.connects, 4);
}

TEST_F(Device, Gives_up_on_a_connect_that_never_answers) {
    fw_device_poll(dev.get());
    EXPECT_EQ(dev->link, FW_LINK_CONNECTING);
    advance(31000, 500);
    EXPECT_GE(board.connects, 2);
}

TEST_F(Device, Drops_the_oldest_while_offline_too_long_and_tells_the_platform) {
    advance((FW_OUTBOX_CAPACITY + 10) * 1000, 1000);
    EXPECT_EQ(dev->outbox.count, FW_OUTBOX_CAPACITY);
    EXPECT_GT(dev->outbox.dropped, 0u);
    board.published.clear();
    connect();
    advance(100);
    auto t = board.telemetry();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(json_number(t[0].payload, "first"), json_number(t[0].payload, "seq"));
}

TEST_F(Device, Dates_readings_taken_before_the_clock_was_known) {
    board.epoch = 0;
    fw_device_poll(dev.get());  // sampled at uptime 1000 with no wall clock
    board.uptime += 4000;
    board.epoch = 1767225605000ULL;
    fw_device_connection(dev.get(), true);
    fw_device_poll(dev.get());
    auto t = board.telemetry();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(json_number(t[0].payload, "ts"), 1767225601000LL);
}

TEST_F(Device, Set_interval_changes_the_cadence_and_survives_a_reboot) {
    connect();
    message("cmd", R"({"cmd":"set_interval","sensor":"fridge","seconds":3})");
    EXPECT_EQ(dev->stats.commands, 1u);
    int before = probe.samples;
    advance(9000);
    EXPECT_EQ(probe.samples - before, 3);
    auto rebooted = std::make_unique<fw_device>();
    ASSERT_EQ(fw_device_init(rebooted.get(), &config, &board.hal), FW_DEVICE_OK);
    EXPECT_EQ(rebooted->interval_ms[0], 3000u);
    EXPECT_EQ(rebooted->boot, dev->boot + 1) << "each boot has its own id";
}

TEST_F(Device, Refuses_commands_it_cannot_carry_out) {
    connect();
    message("cmd", R"({"cmd":"set_interval","sensor":"freezer","seconds":3})");
    message("cmd", R"({"cmd":"set_interval","sensor":"fridge","seconds":0})");
    message("cmd", "garbage");
    EXPECT_EQ(dev->stats.commands_refused, 3u);
    EXPECT_EQ(dev->interval_ms[0], 1000u);
}

TEST_F(Device, Relay_on_for_a_while_then_off_and_each_state_reported) {
    connect();
    message("cmd", R"({"cmd":"relay","state":"on","seconds":2})");
    EXPECT_EQ(board.relay_calls, (std::vector<bool>{true}));
    advance(2100);
    EXPECT_EQ(board.relay_calls, (std::vector<bool>{true, false}));
    int reports = 0;
    for (auto &p : board.telemetry()) reports += p.payload.find("\"sensor\":\"relay\"") != std::string::npos;
    EXPECT_EQ(reports, 2);
}

TEST_F(Device, Relay_commands_are_refused_without_a_relay) {
    FakeBoard plain(nullptr, false);
    auto d = std::make_unique<fw_device>();
    ASSERT_EQ(fw_device_init(d.get(), &config, &plain.hal), FW_DEVICE_OK);
    std::string cmd = R"({"cmd":"relay","state":"on"})";
    fw_device_message(d.get(), "tenants/acme/devices/fridge-1/cmd", cmd.data(), cmd.size());
    EXPECT_EQ(d->stats.commands_refused, 1u);
}

TEST_F(Device, Reboots_once_the_outbox_is_drained) {
    connect();
    advance(1500);
    message("cmd", R"({"cmd":"reboot"})");
    advance(500);
    EXPECT_EQ(board.reboots, 0) << "unacked readings would die with a RAM outbox";
    message("ack", std::to_string(dev->next_seq - 1));
    advance(100);
    EXPECT_EQ(board.reboots, 1);
}

TEST_F(Device, Reboots_anyway_after_the_grace_time) {
    message("cmd", R"({"cmd":"reboot"})");
    advance(10100);
    EXPECT_EQ(board.reboots, 1);
}

TEST_F(Device, Counts_sensor_failures_and_keeps_going) {
    probe.fail = true;
    connect();
    advance(2000);
    EXPECT_EQ(dev->stats.read_errors, 3u);
    probe.fail = false;
    advance(1000);
    EXPECT_EQ(board.telemetry().size(), 1u);
}

TEST_F(Device, Without_storage_the_boot_id_is_random_and_nonzero) {
    FakeBoard plain;
    plain.random = 0x1234;
    auto d = std::make_unique<fw_device>();
    ASSERT_EQ(fw_device_init(d.get(), &config, &plain.hal), FW_DEVICE_OK);
    EXPECT_EQ(d->boot, 0x1235u);
}
