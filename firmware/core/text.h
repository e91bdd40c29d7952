/* Bounded text building and the few string helpers the core needs. The core is freestanding
 * (the Xtensa check compiles it with no C library), so it cannot lean on string.h or snprintf. */
#ifndef FW_TEXT_H
#define FW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Appends never write past cap - 1 and always leave the text NUL-terminated; a write that
 * does not fit sets overflow, so a caller checks once at the end instead of after each append. */
typedef struct fw_text {
    char *buf;
    size_t cap;
    size_t len;
    bool overflow;
} fw_text;

void fw_text_init(fw_text *t, char *buf, size_t cap);
void fw_text_char(fw_text *t, char c);
void fw_text_str(fw_text *t, const char *s);
void fw_text_u64(fw_text *t, uint64_t v);
void fw_text_i64(fw_text *t, int64_t v);
/* value / 10^decimals written exactly, without floating point: 2150 with 2 decimals is 21.50. */
void fw_text_fixed(fw_text *t, int64_t value, uint8_t decimals);
/* A JSON string with quotes; control characters escaped, invalid UTF-8 replaced by U+FFFD. */
void fw_text_json_string(fw_text *t, const char *s);

/* Length of s, or max + 1 when s is longer than max (so callers can refuse it). */
size_t fw_str_len(const char *s, size_t max);
bool fw_str_eq(const char *a, const char *b);
/* Copies s into dst (cap bytes); false, with dst empty, when it does not fit. */
bool fw_str_copy(char *dst, size_t cap, const char *s);
void fw_mem_copy(void *dst, const void *src, size_t n);
void fw_mem_zero(void *dst, size_t n);

#endif
