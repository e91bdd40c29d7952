using Platform.Api.Demo;
using Platform.Write.Catalog;

namespace Platform.Api.Tests.Demo;

public sealed class DemoListingGeneratorTests
{
    private static readonly DemoListingGenerator Colombia = new("CO", "COP", 2026);

    [Fact]
    public void Every_generated_listing_passes_the_catalogs_own_validation()
    {
        var validator = new CreateListingValidator(TimeProvider.System);

        var failures = Enumerable.Range(0, 500).Select(i => (i, result: validator.Validate(Colombia.Generate(i))))
            .Where(r => !r.result.IsValid).Select(r => $"{r.i}: {r.result}").ToList();

        failures.Should().BeEmpty();
    }

    [Fact]
    public void A_listing_is_the_same_every_time_it_is_generated()
    {
        var first = Colombia.Generate(42);
        var again = Colombia.Generate(42);

        again.Title.Should().Be(first.Title);
        again.Price.Should().Be(first.Price);
        again.Vehicle.Should().Be(first.Vehicle);
        Colombia.Generate(43).Title.Should().NotBe(first.Title);
    }

    [Fact]
    public void The_stock_looks_like_a_latin_american_dealers()
    {
        var listings = Enumerable.Range(0, 300).Select(Colombia.Generate).ToList();

        listings.Should().Contain(l => l.Vehicle!.Brand == "Toyota" && l.Vehicle.Model == "Hilux" && l.Vehicle.Fuel == "diesel",
            "the catalog answers the buyers' classic search, toyota hilux diesel");
        listings.Select(l => l.Vehicle!.Brand).Distinct().Should().HaveCountGreaterThan(10);
        listings.Select(l => l.City).Distinct().Should().HaveCountGreaterThan(4);
        listings.Should().OnlyContain(l => l.Price.Currency == "COP" && l.Price.Amount >= 5_000_000m && l.Price.Amount <= 400_000_000m);
        listings.Should().OnlyContain(l => l.Vehicle!.Year >= 2012 && l.Vehicle.Year <= 2026);
        listings.Where(l => l.Vehicle!.Condition == "used").Should().OnlyContain(l => l.Vehicle!.Km > 0);
        listings.Should().OnlyContain(l => l.Description!.Contains(l.Vehicle!.Model, StringComparison.Ordinal));
    }

    [Fact]
    public void Prices_follow_the_tenants_currency()
    {
        var mexico = new DemoListingGenerator("MX", "MXN", 2026).Generate(7);
        var colombia = Colombia.Generate(7);

        mexico.Price.Currency.Should().Be("MXN");
        (colombia.Price.Amount / mexico.Price.Amount).Should().BeInRange(150m, 350m, "the same car, priced in pesos of each country");
    }
}
