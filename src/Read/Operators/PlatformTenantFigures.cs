using Npgsql;
using Platform.Read.Analytics;

namespace Platform.Read.Operators;

/// <summary>
/// One tenant as the platform's operators see it: what it holds per plan resource, this month's
/// leads (the tenant's calendar month, in its own time zone) and when it last did anything (its last event).
/// </summary>
public sealed record TenantFigures(
    Guid TenantId, string Slug, string Name, string Plan, string Status, DateTimeOffset CreatedAt, DateTimeOffset? LastActivityAt,
    long LeadsThisMonth, long Users, long Devices, long CatalogItems);

/// <summary>
/// Every tenant's figures in one set-based statement on the system connection: the operator view
/// reads across tenants deliberately, and only reads. Counts follow the rules the commands enforce
/// (Membership.UsageAsync, ListingRows.HeldAsync); leads come from the sales-analytics read model,
/// never from a scan of events, and the last event from the (tenant_id, transaction_id, position) index.
/// </summary>
public static class PlatformTenantFigures
{
    public static async Task<IReadOnlyList<TenantFigures>> ListAsync(
        NpgsqlDataSource system, DateTimeOffset now, string? status, string? plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        var sql = $"""
            select t.tenant_id, t.slug, t.name, t.plan, t.status, t.created_at,
                   last_event.recorded_at as last_activity_at,
                   coalesce(leads.count, 0)::bigint as leads_this_month,
                   coalesce(seats.count, 0) as users, coalesce(devices.count, 0) as devices, coalesce(items.count, 0) as catalog_items
              from tenants t
              left join (select tenant_id, count(*) from users where status in ('active', 'invited') group by tenant_id) seats
                on seats.tenant_id = t.tenant_id
              left join (select tenant_id, count(*) from devices where status = 'active' group by tenant_id) devices
                on devices.tenant_id = t.tenant_id
              left join (select tenant_id, count(*) from listings where status in ('draft', 'published', 'reserved') group by tenant_id) items
                on items.tenant_id = t.tenant_id
              left join lateral (
                    select e.recorded_at from events e where e.tenant_id = t.tenant_id
                     order by e.transaction_id desc, e.position desc limit 1) last_event on true
              left join lateral (
                    select sum(s.count) as count from {AnalyticsViews.SalesDaily} s
                     where s.tenant_id = t.tenant_id and s.metric = '{SalesMetrics.LeadCreated}'
                       and s.day >= date_trunc('month', $1::timestamptz at time zone t.time_zone)::date) leads on true
             where ($2::text is null or t.status = $2) and ($3::text is null or t.plan = $3)
             order by t.slug
            """;
        await using var command = system.CreateCommand(sql);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)plan ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TenantFigures>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TenantFigures(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10)));
        return rows;
    }
}
