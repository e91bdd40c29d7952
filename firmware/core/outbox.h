/* Messages kept until the platform's ack says they are stored. A broker PUBACK only means the
 * broker has them in memory, so nothing leaves the outbox on PUBACK. When full, the oldest
 * message is dropped and counted: fresh readings matter more than old ones to a fridge alarm.
 *
 * With a storage (NVS on the ESP32) every change is written through, so readings survive a
 * reboot or a power cut; without one the outbox lives in RAM only. */
#ifndef FW_OUTBOX_H
#define FW_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fw_limits.h"
#include "hal.h"
#include "message.h"

typedef struct fw_outbox {
    fw_message slots[FW_OUTBOX_CAPACITY];
    /* When each message was last handed to MQTT, whether on this connection, and whether
     * ever; RAM only: after a reboot everything goes out again. */
    uint32_t sent_at[FW_OUTBOX_CAPACITY];
    bool sent[FW_OUTBOX_CAPACITY];
    bool ever_sent[FW_OUTBOX_CAPACITY];
    uint16_t head;
    uint16_t count;
    /* Position of the head in the endless sequence of pushes; a stored slot carries its own,
     * so a slot overwritten by a push whose header write never happened is recognised. */
    uint32_t head_pos;
    uint32_t dropped;
    /* The last message dropped for lack of room, (0, 0) if none: below it, nothing of that
     * boot will ever be sent again. */
    uint32_t drop_boot;
    uint32_t drop_seq;
    uint32_t storage_errors;
    fw_storage *storage;
} fw_outbox;

/* storage may be NULL. With a storage, what it holds is loaded; unreadable or torn entries
 * are counted as dropped. */
void fw_outbox_init(fw_outbox *o, fw_storage *storage);
/* Appends a copy of m, dropping the oldest message first when full. */
void fw_outbox_push(fw_outbox *o, const fw_message *m);
/* The platform stored every message of boot up to seq: removes them from the head, in order.
 * Returns how many were removed. */
size_t fw_outbox_ack(fw_outbox *o, uint32_t boot, uint32_t seq);
/* The i-th message from the oldest (i < count). */
fw_message *fw_outbox_at(fw_outbox *o, size_t i);
/* The oldest message that was never sent, or whose resend_ms have passed; -1 when none. */
int fw_outbox_due(const fw_outbox *o, uint32_t now_ms, uint32_t resend_ms);
/* Whether the i-th message was handed to MQTT before (so sending it now is a resend). */
bool fw_outbox_was_sent(const fw_outbox *o, size_t i);
void fw_outbox_mark_sent(fw_outbox *o, size_t i, uint32_t now_ms);
/* After a reconnect everything unacked goes out again. */
void fw_outbox_unsend_all(fw_outbox *o);
/* The "first" field for the message (boot, seq): see fw_payload_encode. */
uint32_t fw_outbox_first(const fw_outbox *o, uint32_t boot, uint32_t seq);

#endif
