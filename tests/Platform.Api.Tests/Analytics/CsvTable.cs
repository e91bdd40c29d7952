using System.Text;
using System.Text.Json;

namespace Platform.Api.Tests.Analytics;

/// <summary>Reads an RFC 4180 export back (quoted fields, doubled quotes, CRLF) and counts a JSON answer's figures.</summary>
internal static class CsvTable
{
    public static List<string[]> Parse(string text)
    {
        var (rows, row, field) = (new List<string[]>(), new List<string>(), new StringBuilder());
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) rows.Add([.. row, field.ToString()]);
        return rows;
    }

    /// <summary>Every scalar of the JSON answer, as JSON spells it (strings unquoted, null empty).</summary>
    public static List<string> Scalars(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [.. element.EnumerateObject().SelectMany(p => Scalars(p.Value))],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(Scalars)],
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Null => [""],
        _ => [element.GetRawText()],
    };
}
