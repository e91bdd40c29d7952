/* Wi-Fi and wall clock. On first boot the device opens an access point named PROV_<device>
 * and waits for the ESP SoftAP Provisioning app (security 1, proof of possession from the
 * credentials' "pop"); the network is then stored in NVS by esp_wifi and joined at every boot.
 * Wi-Fi drops are retried here; MQTT reconnects are the core's, with its backoff. */
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "esp_event.h"
#include "esp_log.h"
#include "esp_netif.h"
#include "esp_netif_sntp.h"
#include "esp_wifi.h"
#include "wifi_provisioning/manager.h"
#include "wifi_provisioning/scheme_softap.h"

static const char *TAG = "network";
static volatile bool ip_up;

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    (void)arg;
    (void)data;
    if (base == WIFI_EVENT && id == WIFI_EVENT_STA_START) {
        esp_wifi_connect();
    } else if (base == WIFI_EVENT && id == WIFI_EVENT_STA_DISCONNECTED) {
        ip_up = false;
        esp_wifi_connect();
    } else if (base == IP_EVENT && id == IP_EVENT_STA_GOT_IP) {
        ip_up = true;
        ESP_LOGI(TAG, "connected");
    } else if (base == WIFI_PROV_EVENT && id == WIFI_PROV_END) {
        wifi_prov_mgr_deinit();
    }
}

void board_network_start(const board_credentials *c)
{
    wifi_init_config_t wifi = WIFI_INIT_CONFIG_DEFAULT();
    wifi_prov_mgr_config_t prov = {
        .scheme = wifi_prov_scheme_softap,
        .scheme_event_handler = WIFI_PROV_EVENT_HANDLER_NONE,
    };
    esp_sntp_config_t sntp = ESP_NETIF_SNTP_DEFAULT_CONFIG("pool.ntp.org");
    bool provisioned = false;

    ESP_ERROR_CHECK(esp_netif_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());
    ESP_ERROR_CHECK(esp_event_handler_register(WIFI_EVENT, ESP_EVENT_ANY_ID, on_event, NULL));
    ESP_ERROR_CHECK(esp_event_handler_register(IP_EVENT, IP_EVENT_STA_GOT_IP, on_event, NULL));
    ESP_ERROR_CHECK(esp_event_handler_register(WIFI_PROV_EVENT, ESP_EVENT_ANY_ID, on_event, NULL));
    esp_netif_create_default_wifi_sta();
    esp_netif_create_default_wifi_ap();
    ESP_ERROR_CHECK(esp_wifi_init(&wifi));

    ESP_ERROR_CHECK(wifi_prov_mgr_init(prov));
    ESP_ERROR_CHECK(wifi_prov_mgr_is_provisioned(&provisioned));
    if (!provisioned) {
        char service[33];
        snprintf(service, sizeof service, "PROV_%.27s", c->device_id);
        ESP_LOGI(TAG, "not provisioned: access point %s waiting for the provisioning app", service);
        ESP_ERROR_CHECK(wifi_prov_mgr_start_provisioning(WIFI_PROV_SECURITY_1, c->pop[0] ? c->pop : NULL,
                                                         service, NULL));
    } else {
        wifi_prov_mgr_deinit();
        ESP_ERROR_CHECK(esp_wifi_set_mode(WIFI_MODE_STA));
        ESP_ERROR_CHECK(esp_wifi_start());
    }
    /* Readings taken before SNTP answers are dated by the core once it does. */
    esp_netif_sntp_init(&sntp);
}

bool board_network_up(void)
{
    return ip_up;
}
