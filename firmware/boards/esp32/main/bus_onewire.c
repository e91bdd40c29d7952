/* 1-Wire by bit-banging an open-drain GPIO, with the datasheet's standard-speed timings. Each
 * slot runs with interrupts off (at most ~500 µs, the reset), never a whole transaction. */
#include "board.h"
#include "esp_rom_sys.h"
#include "freertos/task.h"

static portMUX_TYPE lock = portMUX_INITIALIZER_UNLOCKED;

static gpio_num_t pin_of(void *ctx)
{
    return (gpio_num_t)(intptr_t)ctx;
}

static bool reset(void *ctx)
{
    gpio_num_t pin = pin_of(ctx);
    bool present;
    portENTER_CRITICAL(&lock);
    gpio_set_level(pin, 0);
    esp_rom_delay_us(480);
    gpio_set_level(pin, 1);
    esp_rom_delay_us(70);
    present = gpio_get_level(pin) == 0;
    portEXIT_CRITICAL(&lock);
    esp_rom_delay_us(410);
    return present;
}

static void write_bit(gpio_num_t pin, int bit)
{
    portENTER_CRITICAL(&lock);
    gpio_set_level(pin, 0);
    esp_rom_delay_us(bit ? 6 : 60);
    gpio_set_level(pin, 1);
    esp_rom_delay_us(bit ? 64 : 10);
    portEXIT_CRITICAL(&lock);
}

static int read_bit(gpio_num_t pin)
{
    int bit;
    portENTER_CRITICAL(&lock);
    gpio_set_level(pin, 0);
    esp_rom_delay_us(6);
    gpio_set_level(pin, 1);
    esp_rom_delay_us(9);
    bit = gpio_get_level(pin);
    portEXIT_CRITICAL(&lock);
    esp_rom_delay_us(55);
    return bit;
}

static void write_byte(void *ctx, uint8_t b)
{
    for (int i = 0; i < 8; i++) write_bit(pin_of(ctx), (b >> i) & 1);
}

static uint8_t read_byte(void *ctx)
{
    uint8_t b = 0;
    for (int i = 0; i < 8; i++) b |= (uint8_t)(read_bit(pin_of(ctx)) << i);
    return b;
}

static void delay_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    vTaskDelay(pdMS_TO_TICKS(ms) ? pdMS_TO_TICKS(ms) : 1);
}

void board_onewire(fw_onewire *bus, gpio_num_t pin)
{
    gpio_set_direction(pin, GPIO_MODE_INPUT_OUTPUT_OD);
    gpio_set_level(pin, 1);
    bus->ctx = (void *)(intptr_t)pin;
    bus->reset = reset;
    bus->write_byte = write_byte;
    bus->read_byte = read_byte;
    bus->delay_ms = delay_ms;
}
