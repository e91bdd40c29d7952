using System.Text;

namespace Platform.Api.Analytics.Export;

/// <summary>
/// The long table as RFC 4180 CSV (CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a
/// byte order mark so Excel reads accents. A text cell that a spreadsheet would run as a formula (starting with = + - @,
/// tab or carriage return) is prefixed with an apostrophe; numbers are left as they are, a number is never a formula.
/// </summary>
internal static class KpiCsv
{
    public const string Header = "section,item,field,value";

    public static byte[] Write(IEnumerable<KpiCell> cells)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var cell in cells)
        {
            text.Append(Field(cell.Section)).Append(',').Append(Field(cell.Item)).Append(',').Append(Field(cell.Field)).Append(',')
                .Append(cell.Number ? cell.Value : Field(cell.Value)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
