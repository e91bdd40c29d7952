// The C headers under test, with C linkage for the C++ tests.
#pragma once

extern "C" {
#include "core/ack.h"
#include "core/backoff.h"
#include "core/command.h"
#include "core/crc32.h"
#include "core/device.h"
#include "core/json_reader.h"
#include "core/outbox.h"
#include "core/payload.h"
#include "core/text.h"
#include "core/topic.h"
#include "drivers/dht22.h"
#include "drivers/door_reed.h"
#include "drivers/ds18b20.h"
#include "drivers/mfrc522.h"
#include "drivers/relay.h"
#include "drivers/soil_moisture.h"
}
