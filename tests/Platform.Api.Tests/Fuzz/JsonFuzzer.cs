using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;

namespace Platform.Api.Tests.Fuzz;

/// <summary>
/// Random request bodies from a seeded Bogus randomizer: mostly objects shaped like the endpoint's
/// body type with values of random kinds, sometimes plainly broken JSON. Same seed, same bodies.
/// </summary>
internal sealed class JsonFuzzer(int seed)
{
    private static readonly string[] Tricky =
    [
        "", " ", "null", "0", "-1", "1e309", "true", "owner", "admin", "{}", "[]", "' or 1=1 --", "<script>alert(1)</script>",
        "ñandú@ejemplo.com", "a@b.c", "+5215555555555", "😀😀😀", "\u202e", "\t\n\r", "%00", "../../etc/passwd",
        "00000000-0000-0000-0000-000000000000", "W/\"1\"", "\"1\"", "America/Mexico_City", "MX", "MXN", "dealership",
    ];

    private readonly Randomizer random = new(seed);

    public string NextBody(Type? bodyType) => random.Number(0, 19) switch
    {
        0 => random.Utf16String(0, 40),
        1 => Truncate(Object(bodyType, 0).ToJsonString()),
        2 => Value(0)?.ToJsonString() ?? "null",
        3 => "",
        _ => Object(bodyType, 0).ToJsonString(),
    };

    public string NextRouteValue() => random.Number(0, 5) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => random.Long().ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => random.ArrayElement(Tricky) is { Length: > 0 } tricky ? tricky : "x",
        3 => new string('a', random.Number(1, 3000)),
        _ => random.Utf16String(1, 20),
    };

    public string NextQuery() => random.Bool()
        ? ""
        : $"?limit={Uri.EscapeDataString(random.Number(-5, 3) == 0 ? random.Utf16String(0, 5) : random.Int().ToString(System.Globalization.CultureInfo.InvariantCulture))}&cursor={Uri.EscapeDataString(random.Bool() ? random.AlphaNumeric(random.Number(0, 60)) : random.Utf16String(0, 10))}";

    private JsonObject Object(Type? type, int depth)
    {
        var names = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList() ?? [];
        if (names.Count == 0 || random.Number(0, 9) == 0) names.Add(random.Word());
        var json = new JsonObject();
        foreach (var name in names.Where(_ => random.Number(0, 9) > 0)) json[name] = Value(depth + 1);
        if (random.Number(0, 4) == 0) json[random.ArrayElement(["tenantId", "role", "ownerId", "version", "isAdmin"])] = Value(depth + 1);
        return json;
    }

    private JsonNode? Value(int depth) => random.Number(0, depth > 2 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Bool()),
        2 => JsonValue.Create(random.Number(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(random.ArrayElement(new[] { long.MaxValue, long.MinValue, 0.5, 1e300, -0.0, 2, 100, 1000 }.Select(Convert.ToDouble).ToArray())),
        4 => JsonValue.Create(random.ArrayElement(Tricky)),
        5 => JsonValue.Create(random.Utf16String(0, random.Number(0, 3) == 0 ? 12_000 : 30)),
        6 => JsonValue.Create(random.Words(random.Number(1, 4))),
        7 => new JsonArray([.. Enumerable.Range(0, random.Number(0, 3)).Select(_ => Value(depth + 1))]),
        _ => Object(null, depth + 1),
    };

    private string Truncate(string json) => json.Length < 2 ? "{" : json[..random.Number(1, json.Length - 1)];
}
