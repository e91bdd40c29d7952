/* CRC-32 (IEEE 802.3), bitwise: a few dozen bytes of code instead of a 1 KB table, and the
 * outbox checks only a couple of hundred bytes per write. */
#ifndef FW_CRC32_H
#define FW_CRC32_H

#include <stddef.h>
#include <stdint.h>

uint32_t fw_crc32(const void *data, size_t len);

#endif
