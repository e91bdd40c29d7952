/* ADC, plain GPIO and the MFRC522's SPI. */
#include "board.h"
#include "driver/spi_master.h"

static adc_oneshot_unit_handle_t adc_unit;

static int adc_read(void *ctx, uint16_t *raw)
{
    int value;
    if (adc_oneshot_read(adc_unit, (adc_channel_t)(intptr_t)ctx, &value) != ESP_OK) return -1;
    *raw = (uint16_t)value;
    return 0;
}

void board_adc(fw_adc *adc, adc_channel_t channel)
{
    adc_oneshot_unit_init_cfg_t unit = {.unit_id = ADC_UNIT_1};
    /* 12 dB: the full 0-3.1 V a capacitive probe swings over. */
    adc_oneshot_chan_cfg_t chan = {.atten = ADC_ATTEN_DB_12, .bitwidth = ADC_BITWIDTH_12};
    if (adc_unit == NULL) ESP_ERROR_CHECK(adc_oneshot_new_unit(&unit, &adc_unit));
    ESP_ERROR_CHECK(adc_oneshot_config_channel(adc_unit, channel, &chan));
    adc->ctx = (void *)(intptr_t)channel;
    adc->read = adc_read;
}

static bool gpio_level(void *ctx)
{
    return gpio_get_level((gpio_num_t)(intptr_t)ctx) != 0;
}

void board_gpio_in(fw_gpio_in *in, gpio_num_t pin)
{
    gpio_set_direction(pin, GPIO_MODE_INPUT);
    gpio_set_pull_mode(pin, GPIO_PULLUP_ONLY);
    in->ctx = (void *)(intptr_t)pin;
    in->level = gpio_level;
}

static void gpio_write(void *ctx, bool level)
{
    gpio_set_level((gpio_num_t)(intptr_t)ctx, level ? 1 : 0);
}

void board_gpio_out(fw_gpio_out *out, gpio_num_t pin)
{
    gpio_set_direction(pin, GPIO_MODE_OUTPUT);
    out->ctx = (void *)(intptr_t)pin;
    out->set = gpio_write;
}

static spi_device_handle_t mfrc522;

/* The MFRC522's SPI framing: address byte (reg << 1), bit 7 set for a read. */
static void spi_write(void *ctx, uint8_t reg, uint8_t value)
{
    spi_transaction_t t = {.length = 16, .flags = SPI_TRANS_USE_TXDATA};
    (void)ctx;
    t.tx_data[0] = (uint8_t)((reg << 1) & 0x7E);
    t.tx_data[1] = value;
    spi_device_polling_transmit(mfrc522, &t);
}

static uint8_t spi_read(void *ctx, uint8_t reg)
{
    spi_transaction_t t = {.length = 16, .flags = SPI_TRANS_USE_TXDATA | SPI_TRANS_USE_RXDATA};
    (void)ctx;
    t.tx_data[0] = (uint8_t)(((reg << 1) & 0x7E) | 0x80);
    t.tx_data[1] = 0;
    if (spi_device_polling_transmit(mfrc522, &t) != ESP_OK) return 0;
    return t.rx_data[1];
}

void board_spi(fw_spi_regs *spi, gpio_num_t cs)
{
    spi_bus_config_t bus = {
        .mosi_io_num = PIN_SPI_MOSI, .miso_io_num = PIN_SPI_MISO, .sclk_io_num = PIN_SPI_SCLK,
        .quadwp_io_num = -1, .quadhd_io_num = -1,
    };
    spi_device_interface_config_t dev = {.clock_speed_hz = 4000000, .mode = 0, .spics_io_num = cs, .queue_size = 1};
    ESP_ERROR_CHECK(spi_bus_initialize(SPI3_HOST, &bus, SPI_DMA_DISABLED));
    ESP_ERROR_CHECK(spi_bus_add_device(SPI3_HOST, &dev, &mfrc522));
    spi->ctx = NULL;
    spi->write = spi_write;
    spi->read = spi_read;
}
