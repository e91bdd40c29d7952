#include "payload.h"

#include "text.h"

size_t fw_payload_encode(char *buf, size_t cap, const fw_message *m, uint32_t first)
{
    fw_text t;
    uint8_t i;
    fw_text_init(&t, buf, cap);
    fw_text_str(&t, "{\"boot\":");
    fw_text_u64(&t, m->boot);
    fw_text_str(&t, ",\"seq\":");
    fw_text_u64(&t, m->seq);
    fw_text_str(&t, ",\"ts\":");
    fw_text_u64(&t, m->ts_ms);
    if (first != 0) {
        fw_text_str(&t, ",\"first\":");
        fw_text_u64(&t, first);
    }
    fw_text_str(&t, ",\"readings\":[");
    for (i = 0; i < m->count && i < FW_READINGS_MAX; i++) {
        const fw_reading *r = &m->readings[i];
        if (i > 0) fw_text_char(&t, ',');
        fw_text_str(&t, "{\"sensor\":");
        fw_text_json_string(&t, r->sensor);
        fw_text_str(&t, ",\"value\":");
        fw_text_fixed(&t, r->value, r->decimals);
        fw_text_str(&t, ",\"unit\":");
        fw_text_json_string(&t, r->unit);
        fw_text_char(&t, '}');
    }
    fw_text_str(&t, "]}");
    if (t.overflow) {
        if (cap > 0) buf[0] = '\0';
        return 0;
    }
    return t.len;
}
