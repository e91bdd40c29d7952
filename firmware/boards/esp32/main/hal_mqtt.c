/* fw_mqtt on esp-mqtt. esp-mqtt runs its own task; its events are copied into a queue and
 * handed to the core by the device task (board_mqtt_deliver), because the core is not
 * re-entrant. esp-mqtt's own reconnect is off: the core reconnects, with backoff and jitter. */
#include <string.h>

#include "board.h"
#include "esp_crt_bundle.h"
#include "esp_log.h"
#include "mqtt_client.h"

static const char *TAG = "mqtt";

typedef enum { LINK_UP, LINK_DOWN, MESSAGE } event_kind;

typedef struct event {
    event_kind kind;
    char topic[FW_TOPIC_MAX];
    char payload[FW_INBOUND_MAX];
    size_t len;
} event;

static QueueHandle_t events;
static esp_mqtt_client_handle_t client;
static const board_credentials *creds;

static void post(const event *e)
{
    /* A full queue drops the event: a lost command is re-sent by its user, a lost ack by the
     * platform on the next resend, and a lost link event is caught by the core's timeouts. */
    if (xQueueSend(events, e, 0) != pdTRUE) ESP_LOGW(TAG, "event queue full");
}

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    esp_mqtt_event_handle_t ev = data;
    static event e;
    (void)arg;
    (void)base;
    switch ((esp_mqtt_event_id_t)id) {
    case MQTT_EVENT_CONNECTED:
        e.kind = LINK_UP;
        post(&e);
        break;
    case MQTT_EVENT_DISCONNECTED:
    case MQTT_EVENT_ERROR:
        e.kind = LINK_DOWN;
        post(&e);
        break;
    case MQTT_EVENT_DATA:
        /* Commands and acks are small; a fragmented or oversized one is not ours to guess at. */
        if (ev->topic_len >= (int)sizeof e.topic || ev->data_len > (int)sizeof e.payload
            || ev->data_len != ev->total_data_len) {
            break;
        }
        e.kind = MESSAGE;
        memcpy(e.topic, ev->topic, (size_t)ev->topic_len);
        e.topic[ev->topic_len] = '\0';
        memcpy(e.payload, ev->data, (size_t)ev->data_len);
        e.len = (size_t)ev->data_len;
        post(&e);
        break;
    default:
        break;
    }
}

static int connect_(void *ctx, const fw_mqtt_session *s)
{
    (void)ctx;
    if (!board_network_up()) return -1;
    if (client != NULL) return esp_mqtt_client_reconnect(client) == ESP_OK ? 0 : -1;
    esp_mqtt_client_config_t cfg = {
        .broker.address.uri = creds->broker_uri,
        .broker.verification.crt_bundle_attach = esp_crt_bundle_attach,
        .credentials.client_id = s->client_id,
        .credentials.username = s->username,
        .credentials.authentication.password = s->password,
        .session.last_will = {.topic = s->will_topic, .msg = s->will_payload, .qos = 1, .retain = 1},
        .session.keepalive = 30,
        .network.disable_auto_reconnect = true,
        .buffer.size = FW_PAYLOAD_MAX + FW_TOPIC_MAX + 16,
    };
    client = esp_mqtt_client_init(&cfg);
    if (client == NULL) return -1;
    esp_mqtt_client_register_event(client, ESP_EVENT_ANY_ID, on_event, NULL);
    return esp_mqtt_client_start(client) == ESP_OK ? 0 : -1;
}

static int publish(void *ctx, const char *topic, const void *payload, size_t len, int qos, bool retain)
{
    (void)ctx;
    /* enqueue, not publish: the device task must not block on the network. */
    return esp_mqtt_client_enqueue(client, topic, payload, (int)len, qos, retain, true) >= 0 ? 0 : -1;
}

static int subscribe(void *ctx, const char *topic, int qos)
{
    (void)ctx;
    return esp_mqtt_client_subscribe_single(client, topic, qos) >= 0 ? 0 : -1;
}

void board_mqtt(fw_mqtt *mqtt, const board_credentials *c)
{
    creds = c;
    events = xQueueCreate(6, sizeof(event));
    mqtt->ctx = NULL;
    mqtt->connect = connect_;
    mqtt->publish = publish;
    mqtt->subscribe = subscribe;
}

void board_mqtt_deliver(fw_device *dev)
{
    static event e;
    while (xQueueReceive(events, &e, 0) == pdTRUE) {
        if (e.kind == MESSAGE) fw_device_message(dev, e.topic, e.payload, e.len);
        else fw_device_connection(dev, e.kind == LINK_UP);
    }
}
