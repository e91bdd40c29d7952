#include "outbox_store.h"

#include "crc32.h"
#include "text.h"

/* A firmware whose fw_message differs (new limits, new fields) must not read an older
 * layout as its own, so the header names the layout it was written with. */
#define STORE_MAGIC 0x4F425831u /* "OBX1" */

typedef struct store_meta {
    uint32_t magic;
    uint32_t message_size;
    uint32_t capacity;
    uint32_t head_pos;
    uint32_t head;
    uint32_t count;
    uint32_t dropped;
    uint32_t drop_boot;
    uint32_t drop_seq;
    uint32_t crc;
} store_meta;

typedef struct store_slot {
    uint32_t pos;
    fw_message message;
    uint32_t crc;
} store_slot;

/* The CRC covers every byte before the crc field; both records are zeroed first so padding
 * bytes are deterministic. */
static uint32_t meta_crc(const store_meta *m)
{
    return fw_crc32(m, (size_t)((const char *)&m->crc - (const char *)m));
}

static uint32_t slot_crc(const store_slot *s)
{
    return fw_crc32(s, (size_t)((const char *)&s->crc - (const char *)s));
}

/* "ob_" and the slot number: NVS keys are at most 15 characters. */
static void slot_key(char key[16], size_t slot)
{
    fw_text t;
    fw_text_init(&t, key, 16);
    fw_text_str(&t, "ob_");
    fw_text_u64(&t, slot);
}

static void save(fw_outbox *o, const char *key, const void *data, size_t len)
{
    if (o->storage->save(o->storage->ctx, key, data, len) != 0) o->storage_errors++;
}

void fw_outbox_store_meta(fw_outbox *o)
{
    store_meta m;
    fw_mem_zero(&m, sizeof m);
    m.magic = STORE_MAGIC;
    m.message_size = (uint32_t)sizeof(fw_message);
    m.capacity = FW_OUTBOX_CAPACITY;
    m.head_pos = o->head_pos;
    m.head = o->head;
    m.count = o->count;
    m.dropped = o->dropped;
    m.drop_boot = o->drop_boot;
    m.drop_seq = o->drop_seq;
    m.crc = meta_crc(&m);
    save(o, "ob_meta", &m, sizeof m);
}

void fw_outbox_store_slot(fw_outbox *o, size_t i)
{
    store_slot s;
    char key[16];
    size_t slot = ((size_t)o->head + i) % FW_OUTBOX_CAPACITY;
    fw_mem_zero(&s, sizeof s);
    s.pos = o->head_pos + (uint32_t)i;
    s.message = o->slots[slot];
    s.crc = slot_crc(&s);
    slot_key(key, slot);
    save(o, key, &s, sizeof s);
}

static bool terminated(const char *s, size_t cap)
{
    return fw_str_len(s, cap) < cap;
}

static bool message_sane(const fw_message *m)
{
    uint8_t i;
    if (m->count > FW_READINGS_MAX) return false;
    for (i = 0; i < m->count; i++) {
        if (!terminated(m->readings[i].sensor, sizeof m->readings[i].sensor)) return false;
        if (!terminated(m->readings[i].unit, sizeof m->readings[i].unit)) return false;
    }
    return true;
}

static bool load_meta(fw_outbox *o, store_meta *m)
{
    if (o->storage->load(o->storage->ctx, "ob_meta", m, sizeof *m) != (int)sizeof *m) return false;
    return m->magic == STORE_MAGIC && m->message_size == sizeof(fw_message)
        && m->capacity == FW_OUTBOX_CAPACITY && m->head < FW_OUTBOX_CAPACITY
        && m->count <= FW_OUTBOX_CAPACITY && m->crc == meta_crc(m);
}

static bool load_slot(fw_outbox *o, size_t slot, uint32_t pos, fw_message *out)
{
    store_slot s;
    char key[16];
    slot_key(key, slot);
    if (o->storage->load(o->storage->ctx, key, &s, sizeof s) != (int)sizeof s) return false;
    if (s.crc != slot_crc(&s) || s.pos != pos || !message_sane(&s.message)) return false;
    *out = s.message;
    return true;
}

void fw_outbox_store_load(fw_outbox *o)
{
    store_meta m;
    uint32_t i;
    uint32_t lost = 0;
    bool after_lost = false;
    if (!load_meta(o, &m)) return;
    o->dropped = m.dropped;
    o->drop_boot = m.drop_boot;
    o->drop_seq = m.drop_seq;
    o->head_pos = m.head_pos;
    o->head = (uint16_t)m.head;
    /* Messages keep their slots; a torn or stale slot is skipped and counted, and the ones
     * after it move up so the ring has no holes. */
    for (i = 0; i < m.count; i++) {
        fw_message *next = &o->slots[((size_t)o->head + o->count) % FW_OUTBOX_CAPACITY];
        if (load_slot(o, (m.head + i) % FW_OUTBOX_CAPACITY, m.head_pos + i, next)) {
            o->count++;
            /* An unreadable message is as gone as a dropped one: tell the platform so its
             * contiguous sequence does not wait for it (see fw_outbox_first). */
            if (after_lost && next->seq > 1u) {
                o->drop_boot = next->boot;
                o->drop_seq = next->seq - 1u;
            }
            after_lost = false;
        } else {
            lost++;
            after_lost = true;
        }
    }
    if (lost == 0) return;
    /* Moved messages are written where the header now says they are, with their new positions. */
    o->dropped += lost;
    o->head_pos += lost;
    for (i = 0; i < o->count; i++) fw_outbox_store_slot(o, i);
    fw_outbox_store_meta(o);
}
