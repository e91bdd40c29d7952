using Bogus;
using Platform.Write.Catalog;

namespace Platform.Benchmarks.Search;

/// <summary>
/// Realistic Spanish vehicle listings of a Colombian dealership, from a seed: brands and models of
/// the local market, versions, years, mileage that grows with age, prices that fall with it, cities,
/// colors, and descriptions written the way sellers write them. Self-contained (it needs only the
/// catalog's records), so demo data can use it too.
/// </summary>
public sealed class ListingGenerator(int seed)
{
    private static readonly (string Brand, decimal Base, string[] Models)[] Catalog =
    [
        ("Toyota", 1.3m, ["Hilux", "Corolla", "RAV4", "Prado", "Yaris", "Fortuner", "Land Cruiser"]),
        ("Chevrolet", 0.8m, ["Spark", "Onix", "Tracker", "Captiva", "Sail", "Colorado", "Beat"]),
        ("Renault", 0.75m, ["Sandero", "Logan", "Duster", "Kwid", "Stepway", "Koleos", "Oroch"]),
        ("Mazda", 1.1m, ["Mazda 2", "Mazda 3", "CX-30", "CX-5", "CX-50", "BT-50"]),
        ("Nissan", 1.0m, ["Frontier", "Versa", "Kicks", "X-Trail", "March", "Qashqai"]),
        ("Kia", 0.95m, ["Picanto", "Rio", "Sportage", "Sorento", "Seltos", "Soluto"]),
        ("Hyundai", 0.95m, ["Tucson", "Accent", "Creta", "i10", "Santa Fe", "Venue"]),
        ("Ford", 1.15m, ["Ranger", "Escape", "Explorer", "Fiesta", "EcoSport", "Bronco"]),
        ("Volkswagen", 1.0m, ["Gol", "Amarok", "Tiguan", "Polo", "T-Cross", "Virtus"]),
        ("Suzuki", 0.8m, ["Swift", "Vitara", "Jimny", "S-Cross", "Celerio"]),
        ("Mitsubishi", 1.05m, ["L200", "Montero", "Outlander", "ASX"]),
        ("Jeep", 1.4m, ["Wrangler", "Compass", "Renegade", "Grand Cherokee"]),
        ("BMW", 2.2m, ["Serie 3", "X1", "X3", "X5"]),
        ("Mercedes-Benz", 2.4m, ["Clase C", "GLA", "GLC", "Clase A"]),
    ];

    private static readonly string[] Versions = ["1.6 LT", "2.0 Touring", "1.4 Zen", "2.5 Limited", "1.2 Life", "2.8 SRV 4x4", "1.5 Sport", "2.4 GLS", "1.3 Intens", "Grand Touring"];
    private static readonly string[] Cities = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga", "Pereira", "Manizales", "Cúcuta", "Ibagué", "Santa Marta", "Villavicencio"];
    private static readonly string[] Colors = ["Blanco", "Negro", "Gris", "Plata", "Rojo", "Azul", "Beige", "Verde"];
    private static readonly string[] Openings = ["Se vende", "Vendo", "Oportunidad:", "Excelente", "Hermosa", "Impecable", "Como nueva:", "Precio negociable:"];
    private static readonly string[] Phrases =
    [
        "único dueño", "mantenimientos al día en concesionario", "llantas nuevas", "papeles al día", "SOAT y técnico-mecánica vigentes",
        "motor diésel muy económico", "caja automática suave", "sunroof", "cámara de reversa y sensores", "asientos en cuero",
        "financiación disponible", "recibimos tu carro como parte de pago", "garantía de fábrica vigente", "bajo kilometraje",
        "tracción 4x4", "perfecta para la familia", "camioneta amplia y cómoda", "ideal para ciudad", "pantalla táctil con Android Auto",
        "rines de lujo", "nunca chocada", "pintura original", "aire acondicionado", "vidrios eléctricos", "bluetooth", "full equipo",
    ];

    private readonly Faker faker = new("es") { Random = new Randomizer(seed) };

    public (ListingContent Content, Money Price) Next(int currentYear)
    {
        var f = faker;
        var (brand, factor, models) = f.PickRandom(Catalog);
        var model = f.PickRandom(models);
        var year = Math.Clamp(currentYear - (int)Math.Round(Math.Abs(f.Random.Double() * 6 + f.Random.Double() * 6)), 2005, currentYear);
        var age = currentYear - year;
        var km = age == 0 ? f.Random.Int(0, 5_000) : (int)(age * f.Random.Int(9_000, 22_000));
        var fuel = f.Random.WeightedRandom(["gasoline", "diesel", "hybrid", "electric", "gas"], [0.6f, 0.25f, 0.08f, 0.04f, 0.03f]);
        var transmission = f.Random.Bool(0.55f) ? "automatic" : "manual";
        var version = f.PickRandom(Versions);
        var price = decimal.Round(90_000_000m * factor * (decimal)Math.Pow(0.88, age) * (decimal)f.Random.Double(0.8, 1.25) / 100_000m) * 100_000m;
        var title = f.Random.Bool(0.3f) ? $"{brand} {model} {version} {year}" : $"{brand} {model} {year} {f.PickRandom(TitleExtras(fuel, transmission))}";
        var description = $"{f.PickRandom(Openings)} {brand} {model} {year}, {km:N0} km. " +
            string.Join(", ", f.PickRandom(Phrases, f.Random.Int(3, 7))) + $". {f.Lorem.Sentence(6)}";
        var images = Enumerable.Range(1, f.Random.Int(1, 6)).Select(i => $"https://fotos.example.com/{f.Random.Guid():N}-{i}.jpg").ToList();
        var vehicle = new VehicleSpec(brand, model, version, year, km, fuel, transmission, f.PickRandom(Colors), age == 0 ? "new" : "used");
        var content = new ListingContent(title, description, f.PickRandom(Cities), images, f.Random.Bool(0.05f), vehicle, null, null);
        return (content, new Money(Math.Max(price, 5_000_000m), "COP"));
    }

    private static string[] TitleExtras(string fuel, string transmission) =>
    [
        fuel == "diesel" ? "diésel" : "gasolina", transmission == "automatic" ? "automática" : "mecánica", "full equipo", "único dueño",
        "como nueva", "impecable", "4x4", "papeles al día",
    ];
}
