/* The DHT22's answer captured by timing its high pulses. The 41 pulses take about 5 ms, read
 * with interrupts off so Wi-Fi cannot stretch a 26 µs zero into a one. */
#include "board.h"
#include "esp_rom_sys.h"
#include "esp_timer.h"

static portMUX_TYPE lock = portMUX_INITIALIZER_UNLOCKED;

/* Microseconds until the pin reads level, or -1 after timeout_us. */
static int wait_for(gpio_num_t pin, int level, int timeout_us)
{
    int64_t start = esp_timer_get_time();
    while (gpio_get_level(pin) != level) {
        if (esp_timer_get_time() - start > timeout_us) return -1;
    }
    return (int)(esp_timer_get_time() - start);
}

static size_t capture(void *ctx, uint16_t *high_us, size_t cap)
{
    gpio_num_t pin = (gpio_num_t)(intptr_t)ctx;
    size_t n = 0;
    /* Start signal: at least 1 ms low, then release and let the pull-up raise the line. */
    gpio_set_level(pin, 0);
    esp_rom_delay_us(1200);
    portENTER_CRITICAL(&lock);
    gpio_set_level(pin, 1);
    if (wait_for(pin, 0, 100) >= 0) {
        while (n < cap && n < 41) {
            int width;
            if (wait_for(pin, 1, 120) < 0) break;
            width = wait_for(pin, 0, 120);
            if (width < 0) break;
            high_us[n++] = (uint16_t)width;
        }
    }
    portEXIT_CRITICAL(&lock);
    return n;
}

void board_dht(fw_pulse_capture *wire, gpio_num_t pin)
{
    gpio_set_direction(pin, GPIO_MODE_INPUT_OUTPUT_OD);
    gpio_set_level(pin, 1);
    wire->ctx = (void *)(intptr_t)pin;
    wire->capture = capture;
}
