using System.Text;
using System.Text.Json;

namespace Platform.Api.Analytics.Export;

/// <summary>A download's file name: the endpoint's name in kebab case without its verb, then the answer's period (from, to).</summary>
internal static class KpiExportNames
{
    public static string FileName(HttpContext http, JsonElement answer)
    {
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "kpis";
        var name = JsonNamingPolicy.KebabCaseLower.ConvertName(endpoint);
        if (name.StartsWith("get-", StringComparison.Ordinal)) name = name[4..];
        var parts = new List<string> { name };
        foreach (var end in new[] { "from", "to" })
        {
            var value = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(end, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString() : http.Request.Query[end].ToString();
            if (!string.IsNullOrWhiteSpace(value)) parts.Add(value);
        }
        return Safe(string.Join('_', parts));
    }

    private static string Safe(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Take(120)) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return safe.ToString();
    }
}
