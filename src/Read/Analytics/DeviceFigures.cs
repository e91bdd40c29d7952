using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The tenant's device figures over a period of its days (both ends included; default the last 30): readings
/// per day and per device, alerts raised by severity and by device, and how many devices it has. A tenant
/// without devices gets zeros and empty lists.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetDeviceFigures(Guid TenantId, DateOnly? From, DateOnly? To) : IRequest<DeviceFigures>;

/// <summary><see cref="Devices"/>: registered and not revoked now; <see cref="RevokedDevices"/>: revoked.</summary>
public sealed record DeviceFigures(
    DateOnly From, DateOnly To, long Devices, long RevokedDevices, long Readings, IReadOnlyList<DayReadings> ReadingsPerDay,
    IReadOnlyList<DeviceActivity> PerDevice, long AlertsRaised, IReadOnlyList<SeverityCount> AlertsBySeverity);

/// <summary>Readings recorded on one day of the period; days without readings are left out.</summary>
public sealed record DayReadings(DateOnly Day, long Readings);

/// <summary>Alerts by severity (warning, minor, major, critical), all four always listed.</summary>
public sealed record SeverityCount(string Severity, long Raised);

/// <summary>A device with readings or alerts in the period; its name when it is still registered.</summary>
public sealed record DeviceActivity(string DeviceId, string? Name, long Readings, long AlertsRaised, IReadOnlyList<SeverityCount> AlertsBySeverity);

public sealed class GetDeviceFiguresHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetDeviceFigures, DeviceFigures>
{
    public static IReadOnlyList<string> Severities { get; } = ["warning", "minor", "major", "critical"];

    public async Task<DeviceFigures> Handle(GetDeviceFigures request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, time.GetUtcNow(), cancellationToken);
            var args = new { tenant = request.TenantId, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) };
            CommandDefinition Sql(string sql) => new(sql, args, tx, cancellationToken: cancellationToken);
            var devices = await connection.QuerySingleAsync<(long Active, long Revoked)>(Sql(DeviceFiguresSql.Devices));
            var days = (await connection.QueryAsync<DayReadings>(Sql(DeviceFiguresSql.Days))).ToList();
            var rows = (await connection.QueryAsync<DeviceRow>(Sql(DeviceFiguresSql.PerDevice))).ToList();
            var perDevice = rows.GroupBy(r => r.DeviceId).Select(g => new DeviceActivity(
                    g.Key, g.First().Name, g.Sum(r => r.Readings), g.Sum(r => r.Raised), BySeverity(g)))
                .OrderByDescending(d => d.Readings).ThenBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
            return new DeviceFigures(from, to, devices.Active, devices.Revoked, days.Sum(d => d.Readings), days, perDevice,
                rows.Sum(r => r.Raised), BySeverity(rows));
        }, cancellationToken);
    }

    private static List<SeverityCount> BySeverity(IEnumerable<DeviceRow> rows) =>
        [.. Severities.Select(s => new SeverityCount(s, rows.Where(r => r.Severity == s).Sum(r => r.Raised)))];
}

/// <summary>A device's readings (Severity null) or its alerts of one severity in the period.</summary>
internal sealed record DeviceRow(string DeviceId, string? Name, string? Severity, long Readings, long Raised);
