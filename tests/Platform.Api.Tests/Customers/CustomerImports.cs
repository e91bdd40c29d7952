using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Customers;

/// <summary>Uploads a file to /api/customers/imports and waits for the import to end.</summary>
internal static class CustomerImports
{
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, bool dryRun, string? mapping = null, string fileName = "clientes.csv") =>
        UploadAsync(client, Encoding.UTF8.GetBytes(csv), dryRun, mapping, fileName);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, bool dryRun, string? mapping = null, string fileName = "clientes.csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        return client.PostAsync(new Uri("/api/customers/imports", UriKind.Relative), form);
    }

    /// <summary>Imports and waits; every status seen on the way is passed to <paramref name="seen"/>.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string csv, bool dryRun, string? mapping = null) =>
        await RunAsync(client, Encoding.UTF8.GetBytes(csv), dryRun, mapping);

    public static async Task<JsonElement> RunAsync(
        HttpClient client, byte[] file, bool dryRun, string? mapping = null, string fileName = "clientes.csv", Action<JsonElement>? seen = null)
    {
        using var started = await UploadAsync(client, file, dryRun, mapping, fileName);
        var json = await TestAccounts.ReadJsonAsync(started);
        if (started.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"Import answered {(int)started.StatusCode}: {json}");
        return await WaitAsync(client, started.Headers.Location!.ToString(), seen);
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, string location, Action<JsonElement>? seen = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var status = await CustomerRequests.GetJsonAsync(client, location);
            seen?.Invoke(status);
            if (status.GetProperty("status").GetString() is "completed" or "failed") return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The import at {location} did not end: {status}");
            await Task.Delay(50);
        }
    }

    public static async Task<List<JsonElement>> RowsAsync(HttpClient client, Guid importId)
    {
        var rows = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await CustomerRequests.GetJsonAsync(client, $"/api/customers/imports/{importId}/rows?limit=100" + (cursor is null ? "" : $"&cursor={cursor}"));
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return rows;
    }

    public static Dictionary<string, int> Counts(JsonElement status) =>
        status.GetProperty("counts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32());
}
