using System.Globalization;
using System.Text;
using Bogus;
using Platform.Write.Customers;

namespace Platform.Api.Demo.History;

/// <summary>Fake buyers in Spanish with phones and e-mails unique by their number, so no two customers share a contact.</summary>
internal sealed class HistoryPeople(int seed, string country)
{
    private readonly Faker faker = new("es") { Random = new Randomizer(seed) };

    private readonly string prefix = country switch
    {
        "MX" => "+5255", "CL" => "+569", "AR" => "+54911", "PE" => "+519", "EC" => "+5939", "US" => "+1305", _ => "+5730",
    };

    public CustomerContact Next(int number)
    {
        var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
        var email = faker.Random.Bool(0.7f) ? $"{Ascii(first)}.{Ascii(last)}.{number}@example.com" : null;
        return new CustomerContact($"{first} {last}", [prefix + number.ToString("D8", CultureInfo.InvariantCulture)], email is null ? [] : [email], null, null);
    }

    public string Message() => faker.PickRandom(Messages);

    private static readonly string[] Messages =
    [
        "¿Sigue disponible? Me interesa.", "Quisiera agendar una prueba de manejo.", "¿Reciben mi carro en parte de pago?",
        "¿Qué opciones de financiación tienen?", "Busco algo familiar, ¿qué me recomiendan?", "¿Cuál es el precio final?",
    ];

    private static string Ascii(string text) =>
        new(text.ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z').ToArray());
}
