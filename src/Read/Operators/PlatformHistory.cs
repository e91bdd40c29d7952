using Npgsql;
using Platform.Read.Analytics;

namespace Platform.Read.Operators;

/// <summary>A tenant's deactivation, as its tenant stream recorded it.</summary>
public sealed record TenantDeactivation(Guid TenantId, DateTimeOffset At, string? Reason);

/// <summary>Leads one tenant received in one calendar month of its own time zone.</summary>
public sealed record TenantMonthLeads(Guid TenantId, DateOnly Month, long Leads);

/// <summary>
/// What happened across tenants over a period, on the system connection (read-only): deactivations
/// from each tenant's own stream (the events primary key, one short stream per tenant), and leads
/// per month from the sales-analytics daily read model, summed by month (its primary key starts with
/// (tenant_id, day)): no scan of the events table.
/// </summary>
public static class PlatformHistory
{
    /// <summary>tenancy.tenant-deactivated events recorded in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static async Task<IReadOnlyList<TenantDeactivation>> DeactivationsAsync(
        NpgsqlDataSource system, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        // The stable names of the Write side's tenant stream and event (Read knows tables, not Write's types).
        await using var command = system.CreateCommand("""
            select t.tenant_id, e.recorded_at, e.data ->> 'reason'
              from tenants t
              join lateral (
                    select recorded_at, data from events
                     where tenant_id = t.tenant_id and stream_id = 'tenant' and type = 'tenancy.tenant-deactivated.v1'
                       and recorded_at >= $1 and recorded_at < $2) e on true
             order by e.recorded_at, t.tenant_id
            """);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = until });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TenantDeactivation>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TenantDeactivation(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return rows;
    }

    /// <summary>Leads per tenant per month for the tenant days in [<paramref name="from"/>, <paramref name="until"/>); months with none are left out.</summary>
    public static async Task<IReadOnlyList<TenantMonthLeads>> LeadsPerMonthAsync(
        NpgsqlDataSource system, DateOnly from, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        await using var command = system.CreateCommand($"""
            select t.tenant_id, l.month, l.leads
              from tenants t
              join lateral (
                    select date_trunc('month', s.day)::date as month, sum(s.count)::bigint as leads
                      from {AnalyticsViews.SalesDaily} s
                     where s.tenant_id = t.tenant_id and s.day >= $1 and s.day < $2 and s.metric = '{SalesMetrics.LeadCreated}'
                     group by 1) l on true
             order by t.tenant_id, l.month
            """);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = until });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TenantMonthLeads>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TenantMonthLeads(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2)));
        return rows;
    }
}
