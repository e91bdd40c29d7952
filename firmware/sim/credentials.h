/* The credentials file: one device a line, as the platform's registry issues them,
 *   tenant device username password profile
 * separated by blanks; '#' starts a comment. */
#ifndef SIM_CREDENTIALS_H
#define SIM_CREDENTIALS_H

#include <stddef.h>

#include "sim_device.h"

/* Reads up to max lines into out; the count, or -1 with a message on stderr. */
int sim_credentials_read(const char *path, sim_credentials *out, size_t max);

#endif
