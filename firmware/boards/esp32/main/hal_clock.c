#include <sys/time.h>

#include "board.h"
#include "esp_random.h"
#include "esp_timer.h"

static uint32_t uptime_ms(void *ctx)
{
    (void)ctx;
    return (uint32_t)(esp_timer_get_time() / 1000);
}

/* Before SNTP the RTC counts from 1970; anything before 2024 means "not set yet". */
static uint64_t epoch_ms(void *ctx)
{
    struct timeval tv;
    (void)ctx;
    gettimeofday(&tv, NULL);
    if (tv.tv_sec < 1704067200) return 0;
    return (uint64_t)tv.tv_sec * 1000u + (uint64_t)tv.tv_usec / 1000u;
}

/* With Wi-Fi on, esp_random is a true random source: devices rebooted together get
 * different jitter and different boot ids. */
static uint32_t random32(void *ctx)
{
    (void)ctx;
    return esp_random();
}

void board_clock(fw_clock *clock)
{
    clock->ctx = NULL;
    clock->uptime_ms = uptime_ms;
    clock->epoch_ms = epoch_ms;
    clock->random = random32;
}
