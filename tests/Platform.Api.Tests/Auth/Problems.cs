using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Auth;

internal static class ProblemBodies
{
    /// <summary>The problem body without its per-request trace id, to compare two answers.</summary>
    public static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
