/* The sensor slots of each device profile the platform knows, on the pins of board.h. The
 * drivers are the ones the host tests check; only their buses are the ESP32's. */
#include <string.h>

#include "board.h"
#include "drivers/dht22.h"
#include "drivers/door_reed.h"
#include "drivers/ds18b20.h"
#include "drivers/mfrc522.h"
#include "drivers/relay.h"
#include "drivers/soil_moisture.h"
#include "esp_log.h"

static fw_ds18b20 probe;
static fw_dht22 dht;
static fw_soil soil;
static fw_door door;
static fw_mfrc522 reader;
static fw_relay relay;

static size_t add(fw_sensor *sensors, size_t n, size_t cap, const char *name, uint32_t interval_ms, bool watch,
                  int (*sample)(void *, uint32_t, bool, fw_reading *, size_t), void *ctx)
{
    if (n >= cap) return n;
    sensors[n] = (fw_sensor){.name = name, .interval_ms = interval_ms, .watch = watch, .sample = sample, .ctx = ctx};
    return n + 1;
}

static size_t add_door(fw_sensor *sensors, size_t n, size_t cap)
{
    board_gpio_in(&door.in, PIN_DOOR);
    door.open_level = true;
    door.debounce_ms = 50;
    return add(sensors, n, cap, "door", 300000, true, fw_door_sample, &door);
}

size_t board_profile(const board_credentials *c, fw_sensor *sensors, size_t cap, fw_system *system)
{
    size_t n = 0;
    system->relay = NULL;
    if (strcmp(c->profile, "fridge") == 0) {
        board_onewire(&probe.bus, PIN_ONEWIRE);
        n = add(sensors, n, cap, "fridge", 60000, false, fw_ds18b20_sample, &probe);
        n = add_door(sensors, n, cap);
    } else if (strcmp(c->profile, "soil") == 0) {
        board_adc(&soil.adc, SOIL_ADC_CHANNEL);
        soil.cal.dry_raw = c->soil_dry;
        soil.cal.wet_raw = c->soil_wet;
        soil.samples = 8;
        n = add(sensors, n, cap, "soil", 300000, false, fw_soil_sample, &soil);
        board_gpio_out(&relay.out, PIN_RELAY);
        relay.active_low = true;
        fw_relay_init(&relay);
        system->relay = fw_relay_switch;
        system->ctx = &relay;
    } else if (strcmp(c->profile, "climate") == 0) {
        board_dht(&dht.wire, PIN_DHT22);
        n = add(sensors, n, cap, "climate", 60000, false, fw_dht22_sample, &dht);
    } else if (strcmp(c->profile, "door") == 0) {
        n = add_door(sensors, n, cap);
    } else if (strcmp(c->profile, "rfid") == 0) {
        board_spi(&reader.spi, PIN_MFRC522_CS);
        n = add(sensors, n, cap, "reader", 60000, true, fw_mfrc522_sample, &reader);
    } else {
        ESP_LOGE("profile", "unknown profile '%s' (fridge, soil, climate, door, rfid)", c->profile);
    }
    return n;
}
