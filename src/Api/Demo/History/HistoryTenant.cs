using Npgsql;
using Platform.Write.EventStore;
using Platform.Write.Pipeline;

namespace Platform.Api.Demo.History;

/// <summary>
/// What a generated sales history takes from its tenant: its country, currency and zone, its first
/// pipeline (as signed up: stages with probabilities), its lost reasons and its active salespeople.
/// </summary>
public sealed record HistoryTenant(
    Guid TenantId, string Country, string Currency, TimeZoneInfo Zone, PipelineState Pipeline, IReadOnlyList<string> LostReasons,
    IReadOnlyList<Guid> Salespeople)
{
    /// <summary>Reads the tenant as it stands; <paramref name="system"/> is the platform's own data source (no tenant scope).</summary>
    public static async Task<HistoryTenant> LoadAsync(NpgsqlDataSource system, EventReader reader, Guid tenantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await system.OpenConnectionAsync(ct);
        var (country, currency, zone) = await TenantAsync(connection, tenantId, ct);
        var pipelineStream = await ScalarAsync<string>(connection, """
            select stream_id from events where tenant_id = $1 and type = 'pipeline.pipeline-created.v1' order by position limit 1
            """, tenantId, ct) ?? throw new InvalidOperationException($"Tenant {tenantId} has no pipeline.");
        var pipeline = SalesPipeline.Fold((await reader.ReadStreamAsync(tenantId, pipelineStream, ct: ct)).Select(e => e.Data!))!;
        var reasons = LostReasonsView.Fold((await reader.ReadStreamAsync(tenantId, PipelineEvents.LostReasonsStream, ct: ct)).Select(e => e.Data!));
        await using var users = new NpgsqlCommand(
            "select user_id from users where tenant_id = $1 and role = 'sales' and status = 'active' order by user_id", connection);
        users.Parameters.Add(new() { Value = tenantId });
        var salespeople = new List<Guid>();
        await using (var rows = await users.ExecuteReaderAsync(ct))
            while (await rows.ReadAsync(ct)) salespeople.Add(rows.GetGuid(0));
        if (salespeople.Count == 0) throw new InvalidOperationException($"Tenant {tenantId} has no active salespeople.");
        return new HistoryTenant(tenantId, country, currency, TimeZoneInfo.FindSystemTimeZoneById(zone), pipeline,
            reasons.Count > 0 ? reasons : ["Precio"], salespeople);
    }

    private static async Task<(string Country, string Currency, string Zone)> TenantAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select country, currency, time_zone from tenants where tenant_id = $1", connection);
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"No tenant {tenantId}.");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = tenantId });
        return await command.ExecuteScalarAsync(ct) is T value ? value : default;
    }
}
