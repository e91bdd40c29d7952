#include <gtest/gtest.h>

#include <memory>

#include "fakes.h"

static fw_message msg(uint32_t boot, uint32_t seq) {
    fw_message m{};
    m.boot = boot;
    m.seq = seq;
    m.count = 1;
    fw_reading_set(&m.readings[0], "temperature", seq, 0, "C");
    return m;
}

// The outbox is ~14 KB: on the heap in tests, in static memory on a device.
static std::unique_ptr<fw_outbox> outbox(fw_storage *storage = nullptr) {
    auto o = std::make_unique<fw_outbox>();
    fw_outbox_init(o.get(), storage);
    return o;
}

static std::vector<uint32_t> seqs(fw_outbox *o) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < o->count; i++) out.push_back(fw_outbox_at(o, i)->seq);
    return out;
}

TEST(Outbox, Keeps_messages_until_acked_in_order) {
    auto o = outbox();
    for (uint32_t s = 1; s <= 5; s++) {
        auto m = msg(1, s);
        fw_outbox_push(o.get(), &m);
    }
    EXPECT_EQ(fw_outbox_ack(o.get(), 1, 3), 3u);
    EXPECT_EQ(seqs(o.get()), (std::vector<uint32_t>{4, 5}));
    EXPECT_EQ(fw_outbox_ack(o.get(), 1, 3), 0u) << "a repeated ack changes nothing";
    EXPECT_EQ(fw_outbox_ack(o.get(), 2, 99), 0u) << "an ack of another boot changes nothing";
    EXPECT_EQ(fw_outbox_ack(o.get(), 1, 99), 2u);
    EXPECT_EQ(o->count, 0u);
    EXPECT_EQ(o->dropped, 0u);
}

TEST(Outbox, Drops_the_oldest_only_when_full_and_counts_it) {
    auto o = outbox();
    for (uint32_t s = 1; s <= FW_OUTBOX_CAPACITY; s++) {
        auto m = msg(1, s);
        fw_outbox_push(o.get(), &m);
    }
    EXPECT_EQ(o->dropped, 0u);
    EXPECT_EQ(fw_outbox_first(o.get(), 1, 5), 0u);
    for (uint32_t s = FW_OUTBOX_CAPACITY + 1; s <= FW_OUTBOX_CAPACITY + 3; s++) {
        auto m = msg(1, s);
        fw_outbox_push(o.get(), &m);
    }
    EXPECT_EQ(o->count, FW_OUTBOX_CAPACITY);
    EXPECT_EQ(o->dropped, 3u);
    EXPECT_EQ(fw_outbox_at(o.get(), 0)->seq, 4u);
    EXPECT_EQ(fw_outbox_at(o.get(), FW_OUTBOX_CAPACITY - 1)->seq, FW_OUTBOX_CAPACITY + 3u);
    EXPECT_EQ(fw_outbox_first(o.get(), 1, 4), 4u) << "seqs 1-3 will never come: the platform may skip them";
    EXPECT_EQ(fw_outbox_first(o.get(), 2, 4), 0u) << "only for the boot that dropped";
}

TEST(Outbox, Resends_what_was_not_acked_after_the_resend_time) {
    auto o = outbox();
    auto a = msg(1, 1), b = msg(1, 2);
    fw_outbox_push(o.get(), &a);
    fw_outbox_push(o.get(), &b);
    EXPECT_EQ(fw_outbox_due(o.get(), 100, 1000), 0);
    fw_outbox_mark_sent(o.get(), 0, 100);
    EXPECT_EQ(fw_outbox_due(o.get(), 100, 1000), 1);
    fw_outbox_mark_sent(o.get(), 1, 100);
    EXPECT_EQ(fw_outbox_due(o.get(), 1099, 1000), -1);
    EXPECT_EQ(fw_outbox_due(o.get(), 1100, 1000), 0);
    fw_outbox_unsend_all(o.get());
    EXPECT_EQ(fw_outbox_due(o.get(), 200, 1000), 0) << "after a reconnect everything is due";
    EXPECT_TRUE(fw_outbox_was_sent(o.get(), 1)) << "and going out again counts as a resend";
}

TEST(Outbox, Resend_timing_survives_the_millisecond_clock_wrapping) {
    auto o = outbox();
    auto a = msg(1, 1);
    fw_outbox_push(o.get(), &a);
    fw_outbox_mark_sent(o.get(), 0, UINT32_MAX - 100);
    EXPECT_EQ(fw_outbox_due(o.get(), 200, 1000), -1);
    EXPECT_EQ(fw_outbox_due(o.get(), 900, 1000), 0);
}

TEST(Outbox, An_ack_for_a_newer_boot_waits_behind_older_messages) {
    auto o = outbox();
    auto old1 = msg(1, 9), new1 = msg(2, 1);
    fw_outbox_push(o.get(), &old1);
    fw_outbox_push(o.get(), &new1);
    EXPECT_EQ(fw_outbox_ack(o.get(), 2, 1), 0u);
    EXPECT_EQ(fw_outbox_ack(o.get(), 1, 9), 1u);
    EXPECT_EQ(fw_outbox_ack(o.get(), 2, 1), 1u);
}

TEST(OutboxFlash, Survives_a_reboot) {
    FakeStorage storage;
    {
        auto o = outbox(&storage.hal);
        for (uint32_t s = 1; s <= 4; s++) {
            auto m = msg(3, s);
            fw_outbox_push(o.get(), &m);
        }
        fw_outbox_ack(o.get(), 3, 1);
    }
    auto again = outbox(&storage.hal);
    EXPECT_EQ(seqs(again.get()), (std::vector<uint32_t>{2, 3, 4}));
    EXPECT_STREQ(fw_outbox_at(again.get(), 0)->readings[0].sensor, "temperature");
    EXPECT_EQ(fw_outbox_due(again.get(), 0, 1000), 0) << "everything goes out again after a reboot";
}

TEST(OutboxFlash, Keeps_drops_and_the_ring_position_across_reboots) {
    FakeStorage storage;
    {
        auto o = outbox(&storage.hal);
        for (uint32_t s = 1; s <= FW_OUTBOX_CAPACITY + 5; s++) {
            auto m = msg(3, s);
            fw_outbox_push(o.get(), &m);
        }
    }
    auto again = outbox(&storage.hal);
    EXPECT_EQ(again->count, FW_OUTBOX_CAPACITY);
    EXPECT_EQ(again->dropped, 5u);
    EXPECT_EQ(fw_outbox_at(again.get(), 0)->seq, 6u);
    EXPECT_EQ(fw_outbox_first(again.get(), 3, 6), 6u);
    auto next = msg(3, FW_OUTBOX_CAPACITY + 6);
    fw_outbox_push(again.get(), &next);
    auto third = outbox(&storage.hal);
    EXPECT_EQ(fw_outbox_at(third.get(), 0)->seq, 7u);
    EXPECT_EQ(fw_outbox_at(third.get(), FW_OUTBOX_CAPACITY - 1)->seq, FW_OUTBOX_CAPACITY + 6u);
}

TEST(OutboxFlash, A_push_cut_off_before_its_header_loses_only_the_dropped_message) {
    FakeStorage storage;
    {
        auto o = outbox(&storage.hal);
        for (uint32_t s = 1; s <= FW_OUTBOX_CAPACITY; s++) {
            auto m = msg(3, s);
            fw_outbox_push(o.get(), &m);
        }
        auto header = storage.blobs["ob_meta"];
        auto m = msg(3, FW_OUTBOX_CAPACITY + 1);
        fw_outbox_push(o.get(), &m);  // overwrites slot 0, then the header...
        storage.blobs["ob_meta"] = header;  // ...whose write the power cut prevented
    }
    auto again = outbox(&storage.hal);
    EXPECT_EQ(again->count, FW_OUTBOX_CAPACITY - 1);
    EXPECT_EQ(fw_outbox_at(again.get(), 0)->seq, 2u);
    EXPECT_EQ(again->dropped, 1u);
    EXPECT_EQ(fw_outbox_first(again.get(), 3, 2), 2u);
    auto third = outbox(&storage.hal);
    EXPECT_EQ(seqs(third.get()), seqs(again.get())) << "the repaired ring was written back";
}

TEST(OutboxFlash, A_corrupt_slot_is_skipped_and_counted) {
    FakeStorage storage;
    {
        auto o = outbox(&storage.hal);
        for (uint32_t s = 1; s <= 4; s++) {
            auto m = msg(3, s);
            fw_outbox_push(o.get(), &m);
        }
    }
    storage.blobs["ob_1"][12] ^= 0x40;
    auto again = outbox(&storage.hal);
    EXPECT_EQ(seqs(again.get()), (std::vector<uint32_t>{1, 3, 4}));
    EXPECT_EQ(again->dropped, 1u);
}

TEST(OutboxFlash, A_header_from_another_layout_starts_empty) {
    FakeStorage storage;
    {
        auto o = outbox(&storage.hal);
        auto m = msg(3, 1);
        fw_outbox_push(o.get(), &m);
    }
    storage.blobs["ob_meta"][4] ^= 1;  // message_size no longer matches
    auto again = outbox(&storage.hal);
    EXPECT_EQ(again->count, 0u);
}

TEST(OutboxFlash, Failed_writes_are_counted_and_the_ram_copy_still_works) {
    FakeStorage storage;
    storage.fail_saves = true;
    auto o = outbox(&storage.hal);
    auto m = msg(3, 1);
    fw_outbox_push(o.get(), &m);
    EXPECT_EQ(o->count, 1u);
    EXPECT_EQ(o->storage_errors, 2u);
}
