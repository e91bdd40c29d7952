// The simulator's part models through the real drivers: what the simulator publishes is what
// the drivers decode, so a simulated reading means the same as a real one.
#include <gtest/gtest.h>

#include "fw.h"

extern "C" {
#include "sim/parts/dht22_part.h"
#include "sim/parts/ds18b20_part.h"
#include "sim/parts/mfrc522_part.h"
}

TEST(SimParts, Ds18b20_model_reads_back_through_the_driver) {
    for (double celsius : {-10.125, 3.0625, 0.0, -0.5, 24.5}) {
        sim_ds18b20 part{};
        part.present = true;
        part.celsius = celsius;
        fw_onewire bus;
        sim_ds18b20_bus(&part, &bus);
        int32_t t;
        ASSERT_EQ(fw_ds18b20_read(&bus, &t), FW_DS18B20_OK);
        EXPECT_EQ(t, static_cast<int32_t>(celsius * 10000));
    }
}

TEST(SimParts, Dht22_model_reads_back_through_the_driver) {
    sim_dht22 part{-7.3, 81.2, 42};
    fw_dht22 drv{};
    sim_dht22_wire(&part, &drv.wire);
    fw_reading r[2];
    ASSERT_EQ(fw_dht22_sample(&drv, 0, true, r, 2), 2);
    EXPECT_EQ(r[0].value, -73);
    EXPECT_EQ(r[1].value, 812);
}

TEST(SimParts, Mfrc522_model_reads_back_through_the_driver) {
    sim_mfrc522 part{{0x04, 0xA2, 0x24, 0x8A, 0x5C, 0x63, 0x80}, 7, true, {}, 0, {}, 0, 0, 0, 0};
    fw_spi_regs spi;
    sim_mfrc522_regs(&part, &spi);
    fw_mfrc522_init(&spi);
    fw_mfrc522_uid uid;
    ASSERT_EQ(fw_mfrc522_read_uid(&spi, &uid), FW_MFRC522_OK);
    EXPECT_EQ(fw_mfrc522_uid_value(&uid), 1304177730675584LL);
}
