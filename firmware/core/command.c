#include "command.h"

#include "json_reader.h"
#include "text.h"

/* What the members said, before the command they form is checked. */
typedef struct fields {
    bool has_cmd, has_sensor, has_seconds, has_state;
    char cmd[FW_JSON_STRING_MAX + 1];
    char sensor[FW_JSON_STRING_MAX + 1];
    char state[FW_JSON_STRING_MAX + 1];
    int64_t seconds;
} fields;

static bool take_string(bool *seen, char *dst, const fw_json_member *m)
{
    if (*seen || m->type != FW_JSON_STRING) return false;
    *seen = true;
    return fw_str_copy(dst, FW_JSON_STRING_MAX + 1, m->string);
}

static fw_command_error read_fields(const char *payload, size_t len, fields *f)
{
    fw_json_reader r;
    fw_json_member m;
    int status;
    fw_mem_zero(f, sizeof *f);
    if (!fw_json_open(&r, payload, len)) return FW_COMMAND_SYNTAX;
    while ((status = fw_json_next(&r, &m)) == 1) {
        bool ok;
        if (fw_str_eq(m.key, "cmd")) ok = take_string(&f->has_cmd, f->cmd, &m);
        else if (fw_str_eq(m.key, "sensor")) ok = take_string(&f->has_sensor, f->sensor, &m);
        else if (fw_str_eq(m.key, "state")) ok = take_string(&f->has_state, f->state, &m);
        else if (fw_str_eq(m.key, "seconds")) {
            ok = !f->has_seconds && m.type == FW_JSON_INTEGER;
            f->has_seconds = true;
            f->seconds = m.integer;
        } else ok = false;
        if (!ok) return FW_COMMAND_BAD_FIELD;
    }
    return status == 0 ? FW_COMMAND_OK : FW_COMMAND_SYNTAX;
}

static bool seconds_in_range(int64_t s)
{
    return s >= (int64_t)FW_INTERVAL_MIN_S && s <= (int64_t)FW_INTERVAL_MAX_S;
}

static fw_command_error set_interval(const fields *f, fw_command *out)
{
    if (!f->has_sensor || !f->has_seconds || f->has_state) return FW_COMMAND_BAD_FIELD;
    if (!fw_str_copy(out->sensor, sizeof out->sensor, f->sensor) || out->sensor[0] == '\0') {
        return FW_COMMAND_BAD_FIELD;
    }
    if (!seconds_in_range(f->seconds)) return FW_COMMAND_OUT_OF_RANGE;
    out->kind = FW_COMMAND_SET_INTERVAL;
    out->seconds = (uint32_t)f->seconds;
    return FW_COMMAND_OK;
}

static fw_command_error relay(const fields *f, fw_command *out)
{
    if (!f->has_state || f->has_sensor) return FW_COMMAND_BAD_FIELD;
    if (fw_str_eq(f->state, "on")) out->on = true;
    else if (fw_str_eq(f->state, "off")) out->on = false;
    else return FW_COMMAND_BAD_FIELD;
    /* "off for 10 minutes" has no meaning: a time limit exists to stop a pump left running. */
    if (f->has_seconds && !out->on) return FW_COMMAND_BAD_FIELD;
    if (f->has_seconds && !seconds_in_range(f->seconds)) return FW_COMMAND_OUT_OF_RANGE;
    out->kind = FW_COMMAND_RELAY;
    out->seconds = f->has_seconds ? (uint32_t)f->seconds : 0u;
    return FW_COMMAND_OK;
}

fw_command_error fw_command_parse(const char *payload, size_t len, fw_command *out)
{
    fields f;
    fw_command_error e;
    fw_mem_zero(out, sizeof *out);
    if (len > FW_INBOUND_MAX) return FW_COMMAND_TOO_LONG;
    e = read_fields(payload, len, &f);
    if (e != FW_COMMAND_OK) return e;
    if (!f.has_cmd) return FW_COMMAND_BAD_FIELD;
    if (fw_str_eq(f.cmd, "set_interval")) return set_interval(&f, out);
    if (fw_str_eq(f.cmd, "relay")) return relay(&f, out);
    if (fw_str_eq(f.cmd, "reboot")) {
        if (f.has_sensor || f.has_seconds || f.has_state) return FW_COMMAND_BAD_FIELD;
        out->kind = FW_COMMAND_REBOOT;
        return FW_COMMAND_OK;
    }
    return FW_COMMAND_UNKNOWN;
}

const char *fw_command_error_name(fw_command_error e)
{
    switch (e) {
    case FW_COMMAND_OK: return "ok";
    case FW_COMMAND_TOO_LONG: return "too_long";
    case FW_COMMAND_SYNTAX: return "syntax";
    case FW_COMMAND_UNKNOWN: return "unknown_command";
    case FW_COMMAND_BAD_FIELD: return "bad_field";
    case FW_COMMAND_OUT_OF_RANGE: return "out_of_range";
    }
    return "unknown_error";
}
