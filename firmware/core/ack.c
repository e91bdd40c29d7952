#include "ack.h"

#include "fw_limits.h"
#include "json_reader.h"
#include "text.h"

static bool as_u32(const fw_json_member *m, uint32_t *out)
{
    if (m->type != FW_JSON_INTEGER || m->integer < 0 || m->integer > (int64_t)UINT32_MAX) return false;
    *out = (uint32_t)m->integer;
    return true;
}

bool fw_ack_parse(const char *payload, size_t len, uint32_t current_boot, uint32_t *boot, uint32_t *seq)
{
    fw_json_reader r;
    fw_json_member m;
    int64_t bare;
    bool has_boot = false, has_seq = false;
    int status;
    if (len > FW_INBOUND_MAX) return false;
    if (fw_json_integer(payload, len, &bare)) {
        if (bare < 0 || bare > (int64_t)UINT32_MAX) return false;
        *boot = current_boot;
        *seq = (uint32_t)bare;
        return true;
    }
    if (!fw_json_open(&r, payload, len)) return false;
    *boot = current_boot;
    while ((status = fw_json_next(&r, &m)) == 1) {
        /* Members the device does not know (a timestamp, say) are the platform's business. */
        if (fw_str_eq(m.key, "boot")) {
            if (has_boot || !as_u32(&m, boot)) return false;
            has_boot = true;
        } else if (fw_str_eq(m.key, "seq")) {
            if (has_seq || !as_u32(&m, seq)) return false;
            has_seq = true;
        }
    }
    return status == 0 && has_seq;
}
