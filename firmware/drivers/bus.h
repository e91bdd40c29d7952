/* The buses drivers talk through. A board implements them on its peripherals (ESP-IDF GPIO,
 * RMT, ADC, SPI), the simulator on models of the parts, the tests on recorded bytes. Drivers
 * hold only protocol and decoding, so what the tests check is what runs on the device. */
#ifndef FW_BUS_H
#define FW_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 1-Wire, one device on the bus (addressed with Skip ROM). */
typedef struct fw_onewire {
    void *ctx;
    /* true when a device answered the reset with a presence pulse */
    bool (*reset)(void *ctx);
    void (*write_byte)(void *ctx, uint8_t byte);
    uint8_t (*read_byte)(void *ctx);
    void (*delay_ms)(void *ctx, uint32_t ms);
} fw_onewire;

/* The DHT22's single wire: sends the start signal and captures the widths in microseconds of
 * the high pulses of the answer (the RMT peripheral on the ESP32). Returns how many. */
typedef struct fw_pulse_capture {
    void *ctx;
    size_t (*capture)(void *ctx, uint16_t *high_us, size_t cap);
} fw_pulse_capture;

typedef struct fw_adc {
    void *ctx;
    /* 0 and the raw count, or -1 */
    int (*read)(void *ctx, uint16_t *raw);
} fw_adc;

typedef struct fw_gpio_in {
    void *ctx;
    bool (*level)(void *ctx);
} fw_gpio_in;

typedef struct fw_gpio_out {
    void *ctx;
    void (*set)(void *ctx, bool level);
} fw_gpio_out;

/* Register access to a chip on SPI (the MFRC522's address byte framing is the board's). */
typedef struct fw_spi_regs {
    void *ctx;
    void (*write)(void *ctx, uint8_t reg, uint8_t value);
    uint8_t (*read)(void *ctx, uint8_t reg);
} fw_spi_regs;

#endif
