using Npgsql;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Demo.History;

/// <summary>
/// The demo dealership's past: the months of sales before it signed up (ending at its sign-up, so every
/// start generates the very same history with the same ids), worked by a small sales team. The events are
/// appended backdated (a replay is deduplicated), then the leads, customers and opportunities rows are
/// written in one transaction; once the history's last lead has its row, a start adds nothing.
/// </summary>
internal sealed class DemoHistory(NpgsqlDataSource system, EventReader reader, BulkAppender appender, TenantDatabase database)
{
    public async Task<SalesHistory?> EnsureAsync(Guid tenantId, DemoOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HistoryMonths <= 0) return null;
        await HistorySalesTeam.EnsureAsync(system, tenantId, 4, ct);
        var tenant = await HistoryTenant.LoadAsync(system, reader, tenantId, ct);
        var signedUp = await SignedUpAsync(tenantId, ct);
        var history = SalesHistoryGenerator.Generate(tenant, new SalesHistoryOptions(
            signedUp.AddMinutes(-1), (int)(signedUp - signedUp.AddMonths(-options.HistoryMonths)).TotalDays, options.HistoryLeadsPerDay, Seed: 2026));
        var lastLead = history.Events.Select(e => e.Data).OfType<Write.Leads.LeadCreated>().LastOrDefault();
        if (lastLead is null || await HasRowAsync(tenantId, lastLead.LeadId, ct)) return null;

        await new SalesHistoryWriter(appender).AppendAsync(tenantId, history.Events, ct: ct);
        await using var tx = await database.BeginAsync(tenantId, ct);
        await HistoryRows.WriteAsync(tx, history.Events, ct);
        await tx.CommitAsync(ct);
        return history;
    }

    private async Task<DateTimeOffset> SignedUpAsync(Guid tenantId, CancellationToken ct)
    {
        await using var command = system.CreateCommand("select created_at from tenants where tenant_id = $1");
        command.Parameters.Add(new() { Value = tenantId });
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(ct))!, TimeSpan.Zero);
    }

    private async Task<bool> HasRowAsync(Guid tenantId, Guid leadId, CancellationToken ct)
    {
        await using var command = system.CreateCommand("select exists (select 1 from leads where tenant_id = $1 and lead_id = $2)");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = leadId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
