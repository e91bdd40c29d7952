/* Reads the flat JSON objects that arrive on .../cmd and .../ack: string, integer, boolean
 * and null members, nothing nested. Anything else is an error rather than a guess, because a
 * misread command moves a relay. Bounded: keys and strings longer than the limits are errors. */
#ifndef FW_JSON_READER_H
#define FW_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FW_JSON_KEY_MAX 15
#define FW_JSON_STRING_MAX 31

typedef enum fw_json_type {
    FW_JSON_STRING,
    FW_JSON_INTEGER,
    FW_JSON_BOOL,
    FW_JSON_NULL
} fw_json_type;

typedef struct fw_json_member {
    char key[FW_JSON_KEY_MAX + 1];
    fw_json_type type;
    char string[FW_JSON_STRING_MAX + 1];
    int64_t integer;
    bool boolean;
} fw_json_member;

typedef struct fw_json_reader {
    const char *p;
    const char *end;
    bool first;
    bool failed;
} fw_json_reader;

/* False unless text (len bytes, no NUL needed) starts, after whitespace, with '{'. */
bool fw_json_open(fw_json_reader *r, const char *text, size_t len);
/* 1: a member was read into m; 0: the object ended and only whitespace follows; -1: error
 * (and every later call answers -1 too). */
int fw_json_next(fw_json_reader *r, fw_json_member *m);
/* True when the whole text is one integer, surrounded by whitespace at most. */
bool fw_json_integer(const char *text, size_t len, int64_t *out);

#endif
