using System.Text.Json;

namespace Platform.Api.Analytics.Export;

/// <summary>
/// One figure of a KPI answer: <paramref name="Section"/> is the path of the array it sits in ("summary" outside
/// arrays), <paramref name="Item"/> the row's identifying value, <paramref name="Field"/> the property path within the
/// row, <paramref name="Value"/> the value as JSON spells it (invariant culture); <paramref name="Number"/> when it is one.
/// </summary>
internal sealed record KpiCell(string Section, string Item, string Field, string Value, bool Number);

/// <summary>Any result, as serialized by the API, flattened into a tidy long table: one row per scalar.</summary>
internal static class KpiTable
{
    public const string Summary = "summary";

    // Rows are named by the first of these they have: time buckets, then ids, then names of a category.
    private static readonly string[] Buckets = ["day", "month", "date", "week", "year"];
    private static readonly string[] Categories = ["source", "reason", "currency", "name", "key", "kind", "type", "status", "severity", "plan"];

    public static IEnumerable<KpiCell> Rows(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object => Object(root, Summary, "", ""),
        JsonValueKind.Array => Array(root, "items", ""),
        _ => [Cell(Summary, "", "value", root)],
    };

    private static IEnumerable<KpiCell> Object(JsonElement element, string section, string item, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var cells = property.Value.ValueKind switch
            {
                JsonValueKind.Object => Object(property.Value, section, item, path),
                JsonValueKind.Array => Array(property.Value, section == Summary ? path : $"{section}.{path}", item),
                _ => [Cell(section, item, path, property.Value)],
            };
            foreach (var cell in cells) yield return cell;
        }
    }

    private static IEnumerable<KpiCell> Array(JsonElement array, string section, string parent)
    {
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var id = (element.ValueKind == JsonValueKind.Object ? Identify(element) : null) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var item = parent.Length == 0 ? id : $"{parent}/{id}";
            var cells = element.ValueKind switch
            {
                JsonValueKind.Object => Object(element, section, item, ""),
                JsonValueKind.Array => Array(element, section, item),
                _ => [Cell(section, item, "value", element)],
            };
            foreach (var cell in cells) yield return cell;
            index++;
        }
    }

    /// <summary>The row's time bucket, id or category; with its currency beside it when it has one (a month in two currencies is two rows).</summary>
    private static string? Identify(JsonElement row)
    {
        var scalars = row.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number).Select(p => p.Name).ToList();
        var key = scalars.FirstOrDefault(name => Buckets.Contains(name, StringComparer.Ordinal))
            ?? scalars.FirstOrDefault(name => name == "id" || name.EndsWith("Id", StringComparison.Ordinal))
            ?? scalars.FirstOrDefault(name => Categories.Contains(name, StringComparer.Ordinal));
        if (key is null) return null;
        var id = Text(row.GetProperty(key));
        return key != "currency" && row.TryGetProperty("currency", out var currency) && currency.ValueKind == JsonValueKind.String ? $"{id}/{currency.GetString()}" : id;
    }

    private static KpiCell Cell(string section, string item, string field, JsonElement value) =>
        new(section, item, field, Text(value), value.ValueKind == JsonValueKind.Number);

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}
