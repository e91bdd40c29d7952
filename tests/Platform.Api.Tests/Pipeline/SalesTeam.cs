using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

/// <summary>A tenant's sales side as the pipeline tests need it: customers, the seeded pipeline, opportunities, waiting for the board.</summary>
internal static class SalesTeam
{
    /// <summary>
    /// The customers feature owns customer streams; an opportunity only checks that the stream exists,
    /// so a test appends one minimal event to it straight into the event store.
    /// </summary>
    public static async Task<Guid> CreateCustomerAsync(NpgsqlDataSource system, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(system);
        var id = Guid.CreateVersion7();
        await using var insert = system.CreateCommand("""
            insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
            values ($1, $2, 1, $3, 'test.customer-seeded.v1', '{}'::jsonb, '{}'::jsonb)
            """);
        foreach (var value in new object[] { tenantId, $"customer-{id:D}", Guid.CreateVersion7() }) insert.Parameters.Add(new() { Value = value });
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The tenant's first pipeline as the pipelines list shows it, once the projection has it.</summary>
    public static async Task<JsonElement> SeededPipelineAsync(HttpClient client)
    {
        var items = await EventuallyAsync(client, "/api/pipelines", json => json.GetProperty("items").GetArrayLength() > 0);
        return items.GetProperty("items")[0];
    }

    public static Guid StageId(JsonElement pipeline, string name) =>
        pipeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("stageId").GetGuid();

    public static async Task<Guid> OpenAsync(HttpClient client, Guid pipelineId, Guid customerId, decimal value = 95_000_000m, object? more = null)
    {
        var body = JsonSerializer.SerializeToNode(new { pipelineId, customerId, title = "Hilux para la finca", value })!.AsObject();
        if (more is not null)
        {
            foreach (var (name, node) in JsonSerializer.SerializeToNode(more, JsonSerializerOptions.Web)!.AsObject()) body[name] = node?.DeepClone();
        }
        using var response = await client.PostAsync(new Uri("/api/opportunities", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var json = await TestAccounts.ReadJsonAsync(response);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Opening answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("opportunityId").GetGuid();
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>Reads <paramref name="path"/> until <paramref name="ready"/> holds: read models are projections, a moment behind.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient client, string path, Func<JsonElement, bool> ready)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ready);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var json = await TestAccounts.ReadJsonAsync(response);
            if (response.StatusCode == HttpStatusCode.OK && ready(json)) return json;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not get there: {(int)response.StatusCode} {json}");
            await Task.Delay(50);
        }
    }
}
