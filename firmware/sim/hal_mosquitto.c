#include "hal_mosquitto.h"

#include <mosquitto.h>
#include <string.h>

#define KEEPALIVE_S 30

static int connect_(void *ctx, const fw_mqtt_session *s)
{
    sim_device *d = (sim_device *)ctx;
    mosquitto_username_pw_set(d->mosq, s->username, s->password);
    mosquitto_will_set(d->mosq, s->will_topic, (int)strlen(s->will_payload), s->will_payload, 1, true);
    return mosquitto_connect_async(d->mosq, d->host, d->port, KEEPALIVE_S) == MOSQ_ERR_SUCCESS ? 0 : -1;
}

static int publish(void *ctx, const char *topic, const void *payload, size_t len, int qos, bool retain)
{
    sim_device *d = (sim_device *)ctx;
    return mosquitto_publish(d->mosq, NULL, topic, (int)len, payload, qos, retain) == MOSQ_ERR_SUCCESS ? 0 : -1;
}

static int subscribe(void *ctx, const char *topic, int qos)
{
    sim_device *d = (sim_device *)ctx;
    return mosquitto_subscribe(d->mosq, NULL, topic, qos) == MOSQ_ERR_SUCCESS ? 0 : -1;
}

static void on_connect(struct mosquitto *m, void *obj, int rc)
{
    (void)m;
    fw_device_connection(&((sim_device *)obj)->dev, rc == 0);
}

static void on_disconnect(struct mosquitto *m, void *obj, int rc)
{
    (void)m;
    (void)rc;
    fw_device_connection(&((sim_device *)obj)->dev, false);
}

static void on_message(struct mosquitto *m, void *obj, const struct mosquitto_message *msg)
{
    (void)m;
    fw_device_message(&((sim_device *)obj)->dev, msg->topic, msg->payload, (size_t)msg->payloadlen);
}

bool sim_hal_mqtt(sim_device *d, const char *host, int port)
{
    d->host = host;
    d->port = port;
    /* A clean session: the outbox, not the broker, is what keeps readings until acked. */
    d->mosq = mosquitto_new(d->cred.device, true, d);
    if (d->mosq == NULL) return false;
    mosquitto_connect_callback_set(d->mosq, on_connect);
    mosquitto_disconnect_callback_set(d->mosq, on_disconnect);
    mosquitto_message_callback_set(d->mosq, on_message);
    d->hal.mqtt.ctx = d;
    d->hal.mqtt.connect = connect_;
    d->hal.mqtt.publish = publish;
    d->hal.mqtt.subscribe = subscribe;
    return true;
}

void sim_hal_mqtt_loop(sim_device *d)
{
    int rc = mosquitto_loop(d->mosq, 0, 1);
    /* A lost connection with no disconnect callback (the connect itself failed) still has to
     * reach the core, or it would wait for its connect timeout. */
    if (rc == MOSQ_ERR_CONN_REFUSED || rc == MOSQ_ERR_CONN_LOST || rc == MOSQ_ERR_ERRNO) {
        fw_device_connection(&d->dev, false);
    }
}

void sim_hal_mqtt_close(sim_device *d)
{
    if (d->mosq == NULL) return;
    mosquitto_disconnect(d->mosq);
    mosquitto_loop(d->mosq, 0, 1);
    mosquitto_destroy(d->mosq);
    d->mosq = NULL;
}
