using Platform.Api.Public;

namespace Platform.Api.Tests.Buyers;

public sealed class PriceFormatTests
{
    [Theory]
    [InlineData(182_000_000, "COP", "$182.000.000")]
    [InlineData(1_250_000.5, "MXN", "$1,250,000.50")]
    [InlineData(1_250_000, "MXN", "$1,250,000")]
    [InlineData(45_900, "PEN", "S/ 45,900")]
    [InlineData(12_990_000, "CLP", "$12.990.000")]
    [InlineData(25_000.75, "USD", "US$25,000.75")]
    [InlineData(99_500, "BRL", "R$99.500")]
    [InlineData(1000, "XYZ", "1,000 XYZ")]
    public void Prices_read_as_in_the_currencys_country(decimal amount, string currency, string expected) =>
        PriceFormat.Format(amount, currency).Should().Be(expected);

    [Fact]
    public void Currencies_without_cents_round_them_away() => PriceFormat.Format(1_999.6m, "COP").Should().Be("$2.000");

    [Fact]
    public void Totals_past_the_cap_read_with_a_plus() => PriceFormat.Total(1000, capped: true).Should().Be("1000+");
}
