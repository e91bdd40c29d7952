#include "topic.h"

#include "text.h"

bool fw_topic_id_valid(const char *id)
{
    size_t n = fw_str_len(id, FW_ID_MAX);
    size_t i;
    if (n == 0 || n > FW_ID_MAX) return false;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c == '/' || c == '+' || c == '#' || c < 0x20 || c == 0x7F) return false;
    }
    return true;
}

bool fw_topic_build(char *buf, size_t cap, const char *tenant, const char *device, const char *leaf)
{
    fw_text t;
    if (!fw_topic_id_valid(tenant) || !fw_topic_id_valid(device) || !fw_topic_id_valid(leaf)) {
        if (cap > 0) buf[0] = '\0';
        return false;
    }
    fw_text_init(&t, buf, cap);
    fw_text_str(&t, "tenants/");
    fw_text_str(&t, tenant);
    fw_text_str(&t, "/devices/");
    fw_text_str(&t, device);
    fw_text_char(&t, '/');
    fw_text_str(&t, leaf);
    if (t.overflow && cap > 0) buf[0] = '\0';
    return !t.overflow;
}
