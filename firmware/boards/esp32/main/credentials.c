#include <string.h>

#include "board.h"
#include "esp_log.h"
#include "nvs.h"

static const char *TAG = "credentials";

static esp_err_t text(nvs_handle_t h, const char *key, char *out, size_t cap, bool required)
{
    size_t len = cap;
    esp_err_t err = nvs_get_str(h, key, out, &len);
    if (err == ESP_ERR_NVS_NOT_FOUND && !required) {
        out[0] = '\0';
        return ESP_OK;
    }
    if (err != ESP_OK) ESP_LOGE(TAG, "%s: %s", key, esp_err_to_name(err));
    return err;
}

esp_err_t board_credentials_load(board_credentials *c)
{
    nvs_handle_t h;
    esp_err_t err;
    memset(c, 0, sizeof *c);
    err = nvs_open("device", NVS_READONLY, &h);
    if (err != ESP_OK) {
        ESP_LOGE(TAG, "no credentials: flash them first (firmware/README.md)");
        return err;
    }
    if ((err = text(h, "tenant", c->tenant, sizeof c->tenant, true)) == ESP_OK
        && (err = text(h, "device_id", c->device_id, sizeof c->device_id, true)) == ESP_OK
        && (err = text(h, "username", c->username, sizeof c->username, true)) == ESP_OK
        && (err = text(h, "password", c->password, sizeof c->password, true)) == ESP_OK
        && (err = text(h, "broker_uri", c->broker_uri, sizeof c->broker_uri, true)) == ESP_OK
        && (err = text(h, "profile", c->profile, sizeof c->profile, true)) == ESP_OK
        && (err = text(h, "pop", c->pop, sizeof c->pop, false)) == ESP_OK) {
        /* Calibration of a soil probe, measured in air and in water; defaults fit most v1.2 probes. */
        if (nvs_get_u16(h, "soil_dry", &c->soil_dry) != ESP_OK) c->soil_dry = 3100;
        if (nvs_get_u16(h, "soil_wet", &c->soil_wet) != ESP_OK) c->soil_wet = 1350;
    }
    nvs_close(h);
    return err;
}
