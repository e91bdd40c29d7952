#include "outbox.h"

#include "outbox_store.h"
#include "text.h"

static size_t slot_of(const fw_outbox *o, size_t i)
{
    return ((size_t)o->head + i) % FW_OUTBOX_CAPACITY;
}

void fw_outbox_init(fw_outbox *o, fw_storage *storage)
{
    fw_mem_zero(o, sizeof *o);
    o->storage = storage;
    if (storage != NULL) fw_outbox_store_load(o);
}

static void drop_oldest(fw_outbox *o)
{
    const fw_message *oldest = &o->slots[o->head];
    o->drop_boot = oldest->boot;
    o->drop_seq = oldest->seq;
    o->dropped++;
    o->head = (uint16_t)((o->head + 1u) % FW_OUTBOX_CAPACITY);
    o->head_pos++;
    o->count--;
}

void fw_outbox_push(fw_outbox *o, const fw_message *m)
{
    size_t slot;
    if (o->count == FW_OUTBOX_CAPACITY) drop_oldest(o);
    slot = slot_of(o, o->count);
    o->slots[slot] = *m;
    o->sent[slot] = false;
    o->ever_sent[slot] = false;
    o->count++;
    if (o->storage != NULL) {
        /* Slot before header: a power cut in between loses only this message. */
        fw_outbox_store_slot(o, (size_t)o->count - 1u);
        fw_outbox_store_meta(o);
    }
}

size_t fw_outbox_ack(fw_outbox *o, uint32_t boot, uint32_t seq)
{
    size_t removed = 0;
    /* Only from the head: acks are cumulative per boot, and messages are in the order sent. */
    while (o->count > 0 && o->slots[o->head].boot == boot && o->slots[o->head].seq <= seq) {
        o->head = (uint16_t)((o->head + 1u) % FW_OUTBOX_CAPACITY);
        o->head_pos++;
        o->count--;
        removed++;
    }
    if (removed > 0 && o->storage != NULL) fw_outbox_store_meta(o);
    return removed;
}

fw_message *fw_outbox_at(fw_outbox *o, size_t i)
{
    return &o->slots[slot_of(o, i)];
}

int fw_outbox_due(const fw_outbox *o, uint32_t now_ms, uint32_t resend_ms)
{
    size_t i;
    for (i = 0; i < o->count; i++) {
        size_t slot = slot_of(o, i);
        if (!o->sent[slot] || fw_time_reached(now_ms, o->sent_at[slot] + resend_ms)) return (int)i;
    }
    return -1;
}

bool fw_outbox_was_sent(const fw_outbox *o, size_t i)
{
    return o->ever_sent[slot_of(o, i)];
}

void fw_outbox_mark_sent(fw_outbox *o, size_t i, uint32_t now_ms)
{
    size_t slot = slot_of(o, i);
    o->sent[slot] = true;
    o->ever_sent[slot] = true;
    o->sent_at[slot] = now_ms;
}

void fw_outbox_unsend_all(fw_outbox *o)
{
    size_t i;
    for (i = 0; i < FW_OUTBOX_CAPACITY; i++) o->sent[i] = false;
}

uint32_t fw_outbox_first(const fw_outbox *o, uint32_t boot, uint32_t seq)
{
    if (o->dropped == 0 || o->drop_boot != boot || o->drop_seq >= seq) return 0;
    return o->drop_seq + 1u;
}
