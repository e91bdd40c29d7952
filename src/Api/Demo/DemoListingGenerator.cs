using Bogus;
using Platform.Write.Catalog;

namespace Platform.Api.Demo;

/// <summary>
/// Realistic used and new vehicle listings in Spanish, as a dealership would write them. The
/// listing with a given index is always the same (its own seed), so a catalog seeded in several
/// runs is the catalog seeded in one.
/// </summary>
internal sealed class DemoListingGenerator(string country, string currency, int currentYear)
{
    private static readonly string[] Selling =
    [
        "Único dueño.", "Mantenimientos al día en concesionario.", "Papeles al día, listo para traspaso.", "Llantas nuevas.",
        "Recibimos tu vehículo en parte de pago.", "Financiación con cuota inicial desde el 20 %.", "Garantía de 6 meses en motor y caja.",
        "Nunca chocado, pintura original.", "Revisión técnico-mecánica vigente.", "Kit de carretera y llanta de repuesto completos.",
    ];

    private static readonly string[] Equipment =
    [
        "pantalla táctil con Android Auto y Apple CarPlay", "cámara de reversa", "sensores de parqueo", "rines de lujo", "aire acondicionado",
        "control de crucero", "techo corredizo", "tapicería en cuero", "seis bolsas de aire", "encendido por botón", "luces LED",
    ];

    private readonly IReadOnlyList<string> cities = DemoVehicles.CitiesOf(country);
    private readonly decimal rate = DemoVehicles.DollarsIn(currency);

    public CreateListing Generate(int index)
    {
        var f = new Faker("es") { Random = new Randomizer(20_260_000 + index) };
        var model = f.PickRandom(DemoVehicles.Models.ToList());
        var version = f.PickRandom(model.Versions);
        var fuel = version.Contains("Diésel", StringComparison.Ordinal) ? "diesel"
            : version.Contains("Híbrid", StringComparison.Ordinal) ? "hybrid" : f.PickRandom(model.Fuels);
        var brandNew = f.Random.Bool(0.12f);
        var year = brandNew ? currentYear : f.Random.Int(Math.Max(model.FirstYear, currentYear - 14), currentYear - 1);
        var age = currentYear - year;
        var km = brandNew ? f.Random.Int(0, 50) : (age * f.Random.Int(7_000, 22_000) + f.Random.Int(0, 9_000)) / 100 * 100;
        var price = Price(model.NewPriceUsd * (fuel == "diesel" ? 1.08m : 1m), age, km, f);
        var fuelWord = fuel switch { "diesel" => " diésel", "hybrid" => " híbrido", "electric" => " eléctrico", _ => "" };
        var transmission = f.PickRandom(model.Transmissions);
        var versionWord = version.Contains("Diésel", StringComparison.Ordinal) || version.Contains("Híbrid", StringComparison.Ordinal) ? version : version + fuelWord;

        var description = string.Join(' ', new[]
        {
            $"{model.Brand} {model.Model} {version} modelo {year}, {(brandNew ? "0 km" : $"{km:N0} km".Replace(',', '.'))}.",
            $"{(model.Body == "pickup" ? "Camioneta pick-up" : char.ToUpperInvariant(model.Body[0]) + model.Body[1..])} con motor{(fuel == "gasoline" ? " a gasolina" : fuelWord)}",
            $"y caja {(transmission == "automatic" ? "automática" : "mecánica")}.",
            $"Equipamiento: {string.Join(", ", f.PickRandom(Equipment, 3))}.",
        }.Concat(f.PickRandom(Selling, f.Random.Int(2, 4))));
        return new CreateListing(
            ListingKind.Vehicle, $"{model.Brand} {model.Model} {versionWord} {year}", description, f.PickRandom(cities.ToList()), [],
            Featured: f.Random.Bool(0.1f), new Money(price, currency),
            new VehicleSpec(model.Brand, model.Model, version, year, km, fuel, transmission, f.PickRandom(DemoVehicles.Colors.ToList()), brandNew ? "new" : "used"),
            Property: null, Product: null);
    }

    /// <summary>About 8 % a year off the price new, a little more for many kilometres, rounded as dealers round.</summary>
    private decimal Price(decimal newPriceUsd, int age, int km, Faker f)
    {
        var value = newPriceUsd * (decimal)Math.Pow(0.92, age) * (km > 120_000 ? 0.9m : 1m) * (decimal)f.Random.Double(0.92, 1.08) * rate;
        var step = value >= 10_000_000m ? 100_000m : value >= 100_000m ? 1_000m : 100m;
        return Math.Max(step, Math.Round(value / step) * step);
    }
}
