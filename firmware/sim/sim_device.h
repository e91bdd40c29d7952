/* One simulated device: the world it measures, the parts on its buses, the real drivers and
 * core on top, and its MQTT connection. */
#ifndef SIM_DEVICE_H
#define SIM_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/device.h"
#include "drivers/dht22.h"
#include "drivers/door_reed.h"
#include "drivers/ds18b20.h"
#include "drivers/mfrc522.h"
#include "drivers/relay.h"
#include "drivers/soil_moisture.h"
#include "parts/dht22_part.h"
#include "parts/ds18b20_part.h"
#include "parts/mfrc522_part.h"
#include "physics.h"

typedef enum sim_profile {
    SIM_FRIDGE,
    SIM_SOIL,
    SIM_CLIMATE,
    SIM_DOOR,
    SIM_RFID
} sim_profile;

#define SIM_FIELD_MAX 128

typedef struct sim_credentials {
    char tenant[SIM_FIELD_MAX];
    char device[SIM_FIELD_MAX];
    char username[SIM_FIELD_MAX];
    char password[SIM_FIELD_MAX];
    sim_profile profile;
} sim_credentials;

struct mosquitto;

typedef struct sim_device {
    sim_credentials cred;
    sim_random rnd;
    double world_s;
    /* the world */
    sim_fridge fridge;
    sim_soil soil;
    sim_event door;
    sim_event card;
    /* parts on the buses */
    sim_ds18b20 probe;
    sim_dht22 dht_part;
    sim_mfrc522 chip;
    bool door_level;
    /* drivers, as a board would wire them */
    fw_ds18b20 ds18b20;
    fw_dht22 dht22;
    fw_soil soil_probe;
    fw_door door_switch;
    fw_mfrc522 reader;
    fw_relay relay;
    fw_sensor sensors[2];
    /* the core and what it runs on */
    fw_device_config config;
    fw_storage storage;
    char state_dir[512];
    fw_hal hal;
    struct mosquitto *mosq;
    const char *host;
    int port;
    bool reboot_requested;
    uint32_t reboots;
    fw_device dev;
} sim_device;

bool sim_profile_parse(const char *name, sim_profile *out);
const char *sim_profile_name(sim_profile p);
/* Wires parts, drivers and sensor slots for the device's profile. interval_ms 0 keeps the
 * profile's own intervals. */
void sim_device_wire(sim_device *d, uint64_t seed, uint32_t interval_ms);
/* Advances the world by dt simulated seconds and sets what the parts will answer. */
void sim_device_step(sim_device *d, double dt_s);

#endif
