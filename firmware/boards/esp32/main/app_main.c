/* The ESP32 device: credentials from NVS, Wi-Fi, the profile's sensors, and the core driven
 * from one task. */
#include "board.h"
#include "esp_log.h"
#include "esp_system.h"
#include "esp_task_wdt.h"
#include "freertos/task.h"
#include "nvs_flash.h"

static const char *TAG = "device";

/* Static: the device with its outbox is about 16 KB, too much for a task stack. */
static fw_device device;
static fw_device_config config;
static fw_hal hal;
static fw_storage storage;
static fw_sensor sensors[FW_SENSORS_MAX];
static board_credentials creds;

static void reboot(void *ctx)
{
    (void)ctx;
    ESP_LOGW(TAG, "rebooting on the platform's command");
    esp_restart();
}

static void device_task(void *arg)
{
    (void)arg;
    esp_task_wdt_add(NULL);
    for (;;) {
        board_mqtt_deliver(&device);
        fw_device_poll(&device);
        esp_task_wdt_reset();
        vTaskDelay(pdMS_TO_TICKS(20));
    }
}

void app_main(void)
{
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        ESP_LOGE(TAG, "nvs partition unreadable: reflash the credentials (firmware/README.md)");
    }
    if (err != ESP_OK || board_credentials_load(&creds) != ESP_OK) {
        vTaskDelay(pdMS_TO_TICKS(60000));
        esp_restart();
    }
    board_network_start(&creds);
    board_clock(&hal.clock);
    if (board_storage(&storage) == ESP_OK) hal.storage = &storage;
    else ESP_LOGW(TAG, "outbox partition unusable: readings are kept in RAM only");
    board_mqtt(&hal.mqtt, &creds);
    /* fw_system has one context: board_profile sets the relay's; reboot needs none. */
    hal.system.reboot = reboot;

    config.tenant = creds.tenant;
    config.device = creds.device_id;
    config.username = creds.username;
    config.password = creds.password;
    config.sensors = sensors;
    config.sensor_count = board_profile(&creds, sensors, FW_SENSORS_MAX, &hal.system);

    if (fw_device_init(&device, &config, &hal) != FW_DEVICE_OK) {
        ESP_LOGE(TAG, "tenant or device id is not a valid topic level, or no sensors: check the credentials");
        vTaskDelay(pdMS_TO_TICKS(60000));
        esp_restart();
    }
    ESP_LOGI(TAG, "%s/%s boot %u, %u readings waiting in the outbox", creds.tenant, creds.device_id,
             (unsigned)device.boot, (unsigned)device.outbox.count);
    xTaskCreate(device_task, "device", 6144, NULL, 5, NULL);
}
