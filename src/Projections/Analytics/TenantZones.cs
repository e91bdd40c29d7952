using System.Collections.Concurrent;
using Platform.Projections.Daemon;

namespace Platform.Projections.Analytics;

/// <summary>
/// Each tenant's IANA time zone, read once from the tenants table through the daemon's connection and
/// kept; an unknown or missing zone counts as UTC.
/// </summary>
internal sealed class TenantZones
{
    private readonly ConcurrentDictionary<Guid, TimeZoneInfo> _zones = new();

    public async Task<DateOnly> DayAsync(ProjectionContext context, Guid tenantId, DateTimeOffset at, CancellationToken ct)
    {
        if (!_zones.TryGetValue(tenantId, out var zone))
        {
            zone = await ReadAsync(context, tenantId, ct);
            _zones[tenantId] = zone;
        }
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    /// <summary>Forgets a tenant's zone, so its next event reads the zone again.</summary>
    public void Forget(Guid tenantId) => _zones.TryRemove(tenantId, out _);

    private static async Task<TimeZoneInfo> ReadAsync(ProjectionContext context, Guid tenantId, CancellationToken ct)
    {
        await using var command = context.CreateCommand("select time_zone from tenants where tenant_id = $1");
        command.Parameters.Add(new() { Value = tenantId });
        var id = await command.ExecuteScalarAsync(ct) as string;
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
