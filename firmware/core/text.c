#include "text.h"

void fw_text_init(fw_text *t, char *buf, size_t cap)
{
    t->buf = buf;
    t->cap = cap;
    t->len = 0;
    t->overflow = cap == 0;
    if (cap > 0) buf[0] = '\0';
}

void fw_text_char(fw_text *t, char c)
{
    if (t->overflow || t->len + 1 >= t->cap) {
        t->overflow = true;
        return;
    }
    t->buf[t->len++] = c;
    t->buf[t->len] = '\0';
}

void fw_text_str(fw_text *t, const char *s)
{
    while (*s != '\0' && !t->overflow) fw_text_char(t, *s++);
}

void fw_text_u64(fw_text *t, uint64_t v)
{
    char digits[20];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + (int)(v % 10u));
        v /= 10u;
    } while (v != 0u);
    while (n > 0) fw_text_char(t, digits[--n]);
}

/* Magnitude as unsigned so INT64_MIN does not overflow when negated. */
static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void fw_text_i64(fw_text *t, int64_t v)
{
    if (v < 0) fw_text_char(t, '-');
    fw_text_u64(t, magnitude(v));
}

void fw_text_fixed(fw_text *t, int64_t value, uint8_t decimals)
{
    uint64_t m = magnitude(value);
    uint64_t scale = 1;
    uint64_t fraction;
    uint8_t i;
    /* 10^19 is the largest power of ten a uint64_t holds. */
    if (decimals > 19) decimals = 19;
    for (i = 0; i < decimals; i++) scale *= 10u;
    if (value < 0) fw_text_char(t, '-');
    fw_text_u64(t, m / scale);
    if (decimals == 0) return;
    fw_text_char(t, '.');
    fraction = m % scale;
    /* Leading zeros of the fraction: 5 with 2 decimals is 0.05, not 0.5. */
    for (scale /= 10u; scale > 0u; scale /= 10u) {
        fw_text_char(t, (char)('0' + (int)(fraction / scale)));
        fraction %= scale;
    }
}

/* Length of the valid UTF-8 sequence starting at s, or 0 when it is not one. Overlong forms,
 * surrogates and code points past U+10FFFF are invalid: the platform's JSON parser refuses them. */
static size_t utf8_sequence(const unsigned char *s)
{
    size_t n, i;
    uint32_t cp;
    if (s[0] < 0x80) return 1;
    if ((s[0] & 0xE0) == 0xC0) { n = 2; cp = s[0] & 0x1Fu; }
    else if ((s[0] & 0xF0) == 0xE0) { n = 3; cp = s[0] & 0x0Fu; }
    else if ((s[0] & 0xF8) == 0xF0) { n = 4; cp = s[0] & 0x07u; }
    else return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

static void json_escape_control(fw_text *t, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case '\b': fw_text_str(t, "\\b"); return;
    case '\f': fw_text_str(t, "\\f"); return;
    case '\n': fw_text_str(t, "\\n"); return;
    case '\r': fw_text_str(t, "\\r"); return;
    case '\t': fw_text_str(t, "\\t"); return;
    default:
        fw_text_str(t, "\\u00");
        fw_text_char(t, hex[c >> 4]);
        fw_text_char(t, hex[c & 0x0F]);
    }
}

void fw_text_json_string(fw_text *t, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fw_text_char(t, '"');
    while (*p != '\0' && !t->overflow) {
        size_t n = utf8_sequence(p);
        if (n == 0) {
            fw_text_str(t, "\\ufffd");
            p++;
        } else if (n > 1) {
            while (n-- > 0) fw_text_char(t, (char)*p++);
        } else if (*p == '"' || *p == '\\') {
            fw_text_char(t, '\\');
            fw_text_char(t, (char)*p++);
        } else if (*p < 0x20 || *p == 0x7F) {
            json_escape_control(t, *p++);
        } else {
            fw_text_char(t, (char)*p++);
        }
    }
    fw_text_char(t, '"');
}

size_t fw_str_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') n++;
    return n;
}

bool fw_str_eq(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

bool fw_str_copy(char *dst, size_t cap, const char *s)
{
    size_t n = fw_str_len(s, cap);
    if (cap == 0) return false;
    if (n >= cap) {
        dst[0] = '\0';
        return false;
    }
    fw_mem_copy(dst, s, n + 1);
    return true;
}

void fw_mem_copy(void *dst, const void *src, size_t n)
{
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    while (n-- > 0) *d++ = *s++;
}

void fw_mem_zero(void *dst, size_t n)
{
    unsigned char *d = (unsigned char *)dst;
    while (n-- > 0) *d++ = 0;
}
