#include "credentials.h"

#include <stdio.h>
#include <string.h>

#include "core/topic.h"

static int field(char **cursor, char *out)
{
    char *p = *cursor;
    size_t n = 0;
    while (*p == ' ' || *p == '\t') p++;
    while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
        if (n + 1 >= SIM_FIELD_MAX) return -1;
        out[n++] = *p++;
    }
    out[n] = '\0';
    *cursor = p;
    return n > 0 ? 0 : -1;
}

int sim_credentials_read(const char *path, sim_credentials *out, size_t max)
{
    FILE *f = fopen(path, "r");
    char line[1024], profile[SIM_FIELD_MAX];
    int count = 0, number = 0;
    if (f == NULL) {
        fprintf(stderr, "fw_sim: cannot open credentials file %s\n", path);
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL && (size_t)count < max) {
        char *cursor = line, *hash = strchr(line, '#');
        sim_credentials *c = &out[count];
        number++;
        if (hash != NULL) *hash = '\0';
        if (strspn(line, " \t\r\n") == strlen(line)) continue;
        if (field(&cursor, c->tenant) || field(&cursor, c->device) || field(&cursor, c->username)
            || field(&cursor, c->password) || field(&cursor, profile)) {
            fprintf(stderr, "fw_sim: %s:%d: want 'tenant device username password profile'\n", path, number);
            fclose(f);
            return -1;
        }
        if (!sim_profile_parse(profile, &c->profile)) {
            fprintf(stderr, "fw_sim: %s:%d: unknown profile '%s' (fridge, soil, climate, door, rfid)\n",
                    path, number, profile);
            fclose(f);
            return -1;
        }
        if (!fw_topic_id_valid(c->tenant) || !fw_topic_id_valid(c->device)) {
            fprintf(stderr, "fw_sim: %s:%d: tenant and device must be topic levels (no / + #)\n", path, number);
            fclose(f);
            return -1;
        }
        count++;
    }
    fclose(f);
    return count;
}
