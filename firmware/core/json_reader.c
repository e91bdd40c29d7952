#include "json_reader.h"

#include "text.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_space(fw_json_reader *r)
{
    while (r->p < r->end && is_space(*r->p)) r->p++;
}

static bool take(fw_json_reader *r, char c)
{
    skip_space(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    return false;
}

/* A string into out (cap bytes with NUL). Only the escapes a command can need; \u is refused
 * because ids and states are ASCII. */
static bool read_string(fw_json_reader *r, char *out, size_t cap)
{
    size_t n = 0;
    if (!take(r, '"')) return false;
    while (r->p < r->end) {
        char c = *r->p++;
        if (c == '"') {
            out[n] = '\0';
            return true;
        }
        if ((unsigned char)c < 0x20) return false;
        if (c == '\\') {
            if (r->p >= r->end) return false;
            c = *r->p++;
            if (c != '"' && c != '\\' && c != '/') return false;
        }
        if (n + 1 >= cap) return false;
        out[n++] = c;
    }
    return false;
}

/* An integer with no fraction or exponent: a command's seconds are whole, and 1.5 or 1e3 is
 * more likely a mistake than an intent. */
static bool read_integer(const char **pp, const char *end, int64_t *out)
{
    const char *p = *pp;
    bool negative = false;
    uint64_t v = 0;
    uint64_t limit;
    size_t digits = 0;
    if (p < end && *p == '-') {
        negative = true;
        p++;
    }
    limit = negative ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
    while (p < end && *p >= '0' && *p <= '9') {
        uint64_t d = (uint64_t)(*p - '0');
        if (v > (limit - d) / 10u) return false;
        v = v * 10u + d;
        p++;
        digits++;
    }
    if (digits == 0) return false;
    if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) return false;
    *out = negative ? (int64_t)(0 - v) : (int64_t)v;
    *pp = p;
    return true;
}

static bool read_word(fw_json_reader *r, const char *word)
{
    while (*word != '\0') {
        if (r->p >= r->end || *r->p != *word) return false;
        r->p++;
        word++;
    }
    return true;
}

static bool read_value(fw_json_reader *r, fw_json_member *m)
{
    skip_space(r);
    if (r->p >= r->end) return false;
    switch (*r->p) {
    case '"':
        m->type = FW_JSON_STRING;
        return read_string(r, m->string, sizeof m->string);
    case 't':
        m->type = FW_JSON_BOOL;
        m->boolean = true;
        return read_word(r, "true");
    case 'f':
        m->type = FW_JSON_BOOL;
        m->boolean = false;
        return read_word(r, "false");
    case 'n':
        m->type = FW_JSON_NULL;
        return read_word(r, "null");
    default:
        m->type = FW_JSON_INTEGER;
        return read_integer(&r->p, r->end, &m->integer);
    }
}

bool fw_json_open(fw_json_reader *r, const char *text, size_t len)
{
    r->p = text;
    r->end = text + len;
    r->first = true;
    r->failed = !take(r, '{');
    return !r->failed;
}

static int fail(fw_json_reader *r)
{
    r->failed = true;
    return -1;
}

int fw_json_next(fw_json_reader *r, fw_json_member *m)
{
    if (r->failed) return -1;
    fw_mem_zero(m, sizeof *m);
    if (take(r, '}')) {
        skip_space(r);
        return r->p == r->end ? 0 : fail(r);
    }
    if (!r->first && !take(r, ',')) return fail(r);
    r->first = false;
    if (!read_string(r, m->key, sizeof m->key)) return fail(r);
    if (!take(r, ':')) return fail(r);
    if (!read_value(r, m)) return fail(r);
    return 1;
}

bool fw_json_integer(const char *text, size_t len, int64_t *out)
{
    const char *p = text;
    const char *end = text + len;
    while (p < end && is_space(*p)) p++;
    if (!read_integer(&p, end, out)) return false;
    while (p < end && is_space(*p)) p++;
    return p == end;
}
