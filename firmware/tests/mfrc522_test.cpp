#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <vector>

#include "fw.h"

using Bytes = std::vector<uint8_t>;

// Anticollision answers as cards return them: UID bytes and their BCC.
static const Bytes kClassic1k = {0xB3, 0x6A, 0x2F, 0x1C, 0xEA};        // MIFARE Classic 1K
static const Bytes kNtagLevel1 = {0x88, 0x04, 0xA2, 0x24, 0x0A};       // NTAG213: cascade tag first
static const Bytes kNtagLevel2 = {0x8A, 0x5C, 0x63, 0x80, 0x35};

TEST(MFRC522, Checks_the_bcc_of_a_cascade_level) {
    EXPECT_TRUE(fw_mfrc522_bcc_ok(kClassic1k.data()));
    EXPECT_TRUE(fw_mfrc522_bcc_ok(kNtagLevel1.data()));
    Bytes bad = kClassic1k;
    bad[4] ^= 0x10;
    EXPECT_FALSE(fw_mfrc522_bcc_ok(bad.data()));
}

TEST(MFRC522, Crc_a_matches_the_iso_14443_examples) {
    const uint8_t zeros[2] = {0x00, 0x00}, sample[2] = {0x12, 0x34};
    EXPECT_EQ(fw_crc_a(zeros, 2), 0x1EA0);
    EXPECT_EQ(fw_crc_a(sample, 2), 0xCF26);
}

// The chip's registers with one card in the field that answers with recorded frames. A
// SELECT with a wrong CRC_A is ignored, as a real card ignores it.
struct Chip {
    std::map<Bytes, Bytes> card;  // frame from the reader -> the card's answer
    bool in_field = true;
    Bytes fifo_in;
    std::deque<uint8_t> fifo_out;
    uint8_t irq = 0, error = 0, tx_control = 0x80;
    std::vector<Bytes> heard;

    void run() {
        heard.push_back(fifo_in);
        auto it = card.find(fifo_in);
        bool select = fifo_in.size() == 9;
        if (select && fw_crc_a(fifo_in.data(), 7) != (fifo_in[7] | fifo_in[8] << 8)) it = card.end();
        if (!in_field || it == card.end()) {
            irq = 0x01;  // the chip's timer ran out
        } else {
            fifo_out.assign(it->second.begin(), it->second.end());
            irq = 0x30;
        }
        fifo_in.clear();
    }

    // Chips are returned by value: the context is pointed at this copy when asked for.
    const fw_spi_regs *regs() {
        spi.ctx = this;
        return &spi;
    }

    fw_spi_regs spi{this,
                    [](void *c, uint8_t reg, uint8_t v) {
                        auto *chip = static_cast<Chip *>(c);
                        if (reg == FW_MFRC522_FIFO_LEVEL && (v & 0x80)) chip->fifo_out.clear();
                        if (reg == FW_MFRC522_FIFO_DATA) chip->fifo_in.push_back(v);
                        if (reg == FW_MFRC522_COM_IRQ) chip->irq = 0;
                        if (reg == FW_MFRC522_TX_CONTROL) chip->tx_control = v;
                        if (reg == FW_MFRC522_BIT_FRAMING && (v & 0x80)) chip->run();
                    },
                    [](void *c, uint8_t reg) -> uint8_t {
                        auto *chip = static_cast<Chip *>(c);
                        switch (reg) {
                        case FW_MFRC522_COM_IRQ: return chip->irq;
                        case FW_MFRC522_ERROR: return chip->error;
                        case FW_MFRC522_FIFO_LEVEL: return static_cast<uint8_t>(chip->fifo_out.size());
                        case FW_MFRC522_TX_CONTROL: return chip->tx_control;
                        case FW_MFRC522_FIFO_DATA: {
                            uint8_t b = chip->fifo_out.front();
                            chip->fifo_out.pop_front();
                            return b;
                        }
                        default: return 0;
                        }
                    }};
};

static Bytes select(uint8_t level, const Bytes &answer) {
    Bytes f = {level, 0x70};
    f.insert(f.end(), answer.begin(), answer.end());
    uint16_t crc = fw_crc_a(f.data(), 7);
    f.push_back(static_cast<uint8_t>(crc & 0xFF));
    f.push_back(static_cast<uint8_t>(crc >> 8));
    return f;
}

static Bytes sak(uint8_t value) {
    uint16_t crc = fw_crc_a(&value, 1);
    return {value, static_cast<uint8_t>(crc & 0xFF), static_cast<uint8_t>(crc >> 8)};
}

static Chip classic_card() {
    Chip chip;
    chip.card[{0x26}] = {0x04, 0x00};
    chip.card[{0x93, 0x20}] = kClassic1k;
    chip.card[select(0x93, kClassic1k)] = sak(0x08);
    return chip;
}

static Chip ntag_card() {
    Chip chip;
    chip.card[{0x26}] = {0x44, 0x00};
    chip.card[{0x93, 0x20}] = kNtagLevel1;
    chip.card[select(0x93, kNtagLevel1)] = sak(0x04);  // UID not complete
    chip.card[{0x95, 0x20}] = kNtagLevel2;
    chip.card[select(0x95, kNtagLevel2)] = sak(0x00);
    return chip;
}

TEST(MFRC522, Reads_a_four_byte_uid) {
    Chip chip = classic_card();
    fw_mfrc522_uid uid;
    ASSERT_EQ(fw_mfrc522_read_uid(chip.regs(), &uid), FW_MFRC522_OK);
    EXPECT_EQ(Bytes(uid.bytes, uid.bytes + uid.size), (Bytes{0xB3, 0x6A, 0x2F, 0x1C}));
    EXPECT_EQ(fw_mfrc522_uid_value(&uid), 3010080540LL);
}

TEST(MFRC522, Reads_a_seven_byte_uid_through_two_cascade_levels) {
    Chip chip = ntag_card();
    fw_mfrc522_uid uid;
    ASSERT_EQ(fw_mfrc522_read_uid(chip.regs(), &uid), FW_MFRC522_OK);
    EXPECT_EQ(Bytes(uid.bytes, uid.bytes + uid.size), (Bytes{0x04, 0xA2, 0x24, 0x8A, 0x5C, 0x63, 0x80}));
    EXPECT_EQ(fw_mfrc522_uid_value(&uid), 1304177730675584LL);
}

TEST(MFRC522, Refuses_a_uid_whose_bcc_is_wrong) {
    Chip chip = classic_card();
    Bytes corrupted = kClassic1k;
    corrupted[2] ^= 0x01;
    chip.card[{0x93, 0x20}] = corrupted;
    fw_mfrc522_uid uid;
    EXPECT_EQ(fw_mfrc522_read_uid(chip.regs(), &uid), FW_MFRC522_BCC);
    EXPECT_EQ(chip.heard.size(), 2u) << "no SELECT after a bad BCC";
}

TEST(MFRC522, Reports_no_card_and_collisions) {
    Chip empty = classic_card();
    empty.in_field = false;
    fw_mfrc522_uid uid;
    EXPECT_EQ(fw_mfrc522_read_uid(empty.regs(), &uid), FW_MFRC522_NO_CARD);
    EXPECT_EQ(empty.heard.size(), 2u) << "REQA is tried twice";
    Chip two = classic_card();
    two.error = 0x08;
    EXPECT_EQ(fw_mfrc522_read_uid(two.regs(), &uid), FW_MFRC522_COLLISION);
}

TEST(MFRC522, Sensor_slot_reports_each_presentation_once) {
    Chip chip = classic_card();
    fw_mfrc522 reader{};
    reader.spi = *chip.regs();
    fw_reading r[1];
    ASSERT_EQ(fw_mfrc522_sample(&reader, 0, false, r, 1), 1);
    EXPECT_STREQ(r[0].sensor, "card");
    EXPECT_STREQ(r[0].unit, "uid");
    EXPECT_EQ(r[0].value, 3010080540LL);
    EXPECT_EQ(chip.tx_control & 0x03, 0x03) << "antenna switched on";
    EXPECT_EQ(fw_mfrc522_sample(&reader, 100, false, r, 1), 0) << "the card is still there";
    chip.in_field = false;
    EXPECT_EQ(fw_mfrc522_sample(&reader, 200, false, r, 1), 0);
    EXPECT_EQ(fw_mfrc522_sample(&reader, 300, false, r, 1), 0);
    chip.in_field = true;
    EXPECT_EQ(fw_mfrc522_sample(&reader, 400, false, r, 1), 1) << "presented again";
}
