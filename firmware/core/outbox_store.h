/* The outbox's write-through to a fw_storage. Internal to outbox.c. */
#ifndef FW_OUTBOX_STORE_H
#define FW_OUTBOX_STORE_H

#include <stddef.h>

#include "outbox.h"

void fw_outbox_store_load(fw_outbox *o);
/* Writes the i-th message from the head. */
void fw_outbox_store_slot(fw_outbox *o, size_t i);
void fw_outbox_store_meta(fw_outbox *o);

#endif
