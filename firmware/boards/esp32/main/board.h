/* The ESP32 board layer: the HAL of core/hal.h and the buses of drivers/bus.h on ESP-IDF. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "core/device.h"
#include "drivers/bus.h"
#include "driver/gpio.h"
#include "esp_adc/adc_oneshot.h"
#include "esp_err.h"
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"

/* Wiring on an ESP32-DevKitC (see firmware/README.md). GPIO 34-39 are input-only, hence the
 * ADC there; the SPI pins are VSPI's defaults. */
#define PIN_ONEWIRE GPIO_NUM_4   /* DS18B20 data, 4.7 kOhm pull-up to 3.3 V */
#define PIN_DHT22 GPIO_NUM_16    /* DHT22 data, 10 kOhm pull-up */
#define PIN_DOOR GPIO_NUM_17     /* reed switch to GND, internal pull-up: open door reads high */
#define PIN_RELAY GPIO_NUM_26    /* relay board input, active low */
#define SOIL_ADC_CHANNEL ADC_CHANNEL_6 /* GPIO 34 */
#define PIN_SPI_MOSI GPIO_NUM_23
#define PIN_SPI_MISO GPIO_NUM_19
#define PIN_SPI_SCLK GPIO_NUM_18
#define PIN_MFRC522_CS GPIO_NUM_5

typedef struct board_credentials {
    char tenant[FW_ID_MAX + 1];
    char device_id[FW_ID_MAX + 1];
    char username[65];
    char password[129];
    char broker_uri[160];
    char profile[16];
    char pop[65];
    uint16_t soil_dry;
    uint16_t soil_wet;
} board_credentials;

/* credentials.c: the "device" namespace of the nvs partition, flashed once per device. */
esp_err_t board_credentials_load(board_credentials *c);

/* network.c: Wi-Fi (provisioning over SoftAP on first boot), reconnects, SNTP. */
void board_network_start(const board_credentials *c);
bool board_network_up(void);

/* hal_clock.c, hal_storage.c */
void board_clock(fw_clock *clock);
esp_err_t board_storage(fw_storage *storage);

/* hal_mqtt.c: esp-mqtt, its events queued to the device task. */
void board_mqtt(fw_mqtt *mqtt, const board_credentials *c);
void board_mqtt_deliver(fw_device *dev);

/* bus_onewire.c, bus_dht.c, bus_peripherals.c */
void board_onewire(fw_onewire *bus, gpio_num_t pin);
void board_dht(fw_pulse_capture *wire, gpio_num_t pin);
void board_adc(fw_adc *adc, adc_channel_t channel);
void board_gpio_in(fw_gpio_in *in, gpio_num_t pin);
void board_gpio_out(fw_gpio_out *out, gpio_num_t pin);
void board_spi(fw_spi_regs *spi, gpio_num_t cs);

/* profile.c: the sensor slots and relay of the device's profile. */
size_t board_profile(const board_credentials *c, fw_sensor *sensors, size_t cap, fw_system *system);
