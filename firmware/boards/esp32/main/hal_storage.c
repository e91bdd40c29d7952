/* fw_storage on the "outbox" NVS partition. NVS writes a key's new value before erasing the
 * old one, so a power cut leaves the old or the new blob, never half of one; nvs_commit makes
 * each save durable before the core goes on. */
#include "board.h"
#include "nvs.h"
#include "nvs_flash.h"

static nvs_handle_t handle;

static int load(void *ctx, const char *key, void *buf, size_t cap)
{
    size_t len = cap;
    (void)ctx;
    if (nvs_get_blob(handle, key, buf, &len) != ESP_OK) return -1;
    return (int)len;
}

static int save(void *ctx, const char *key, const void *buf, size_t len)
{
    (void)ctx;
    if (nvs_set_blob(handle, key, buf, len) != ESP_OK) return -1;
    return nvs_commit(handle) == ESP_OK ? 0 : -1;
}

esp_err_t board_storage(fw_storage *storage)
{
    esp_err_t err = nvs_flash_init_partition("outbox");
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        /* A full or foreign-format outbox is worth less than a working device. */
        nvs_flash_erase_partition("outbox");
        err = nvs_flash_init_partition("outbox");
    }
    if (err == ESP_OK) err = nvs_open_from_partition("outbox", "fw", NVS_READWRITE, &handle);
    if (err != ESP_OK) return err;
    storage->ctx = NULL;
    storage->load = load;
    storage->save = save;
    return ESP_OK;
}
