using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Write.Audit;

/// <summary>One field that differs between two states: its JSON path (<c>content.images[2]</c>), before and after (null when absent).</summary>
public sealed record FieldChange(string Path, JsonElement? Before, JsonElement? After);

/// <summary>Field-level differences of two JSON states: objects by property, arrays by index, anything else by value.</summary>
public static class StateDiff
{
    public static IReadOnlyList<FieldChange> Between(JsonElement? before, JsonElement? after)
    {
        var changes = new List<FieldChange>();
        Compare("", Node(before), Node(after), changes);
        return changes;
    }

    private static JsonNode? Node(JsonElement? element) =>
        element is { } e && e.ValueKind != JsonValueKind.Null ? JsonNode.Parse(e.GetRawText()) : null;

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                Compare(path.Length == 0 ? name : $"{path}.{name}", a[name], b[name], changes);
            return;
        }
        if (before is JsonArray x && after is JsonArray y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
                Compare($"{path}[{i}]", i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, changes);
            return;
        }
        if (JsonNode.DeepEquals(before, after)) return;
        changes.Add(new FieldChange(path.Length == 0 ? "$" : path, Element(before), Element(after)));
    }

    private static JsonElement? Element(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}
