using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Devices;

public enum RollupResolution { Minute, Hour }

/// <summary>
/// A device's buckets whose start lies in [<see cref="From"/>, <see cref="To"/>), by sensor, oldest
/// first; of one sensor, or of all when <see cref="Sensor"/> is null. Null when the tenant has no such
/// device. The endpoint validates and clamps the range.
/// </summary>
[Authorize]
public sealed record GetDeviceRollups(Guid TenantId, Guid DeviceId, string? Sensor, RollupResolution Resolution, DateTimeOffset From, DateTimeOffset To)
    : IRequest<DeviceRollups?>;

/// <summary><see cref="Avg"/> is <c>sum / count</c>, rounded to 6 decimals, without trailing zeros.</summary>
public sealed record RollupBucket(string Sensor, DateTimeOffset Start, decimal Min, decimal Max, decimal Avg, long Count);

public sealed record DeviceRollups(
    Guid DeviceId, string? Sensor, string Resolution, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RollupBucket> Buckets);

internal sealed record RollupRow(string Sensor, DateTime Start, decimal Min, decimal Max, decimal Avg, long Count)
{
    public RollupBucket ToBucket() => new(Sensor, new DateTimeOffset(Start, TimeSpan.Zero), Min, Max, Avg, Count);
}

public sealed class GetDeviceRollupsHandler(Tenancy.TenantReads reads) : IRequestHandler<GetDeviceRollups, DeviceRollups?>
{
    /// <summary>The most buckets one answer holds: a day of minutes, or 90 days of hours.</summary>
    public static TimeSpan MaxSpan(RollupResolution resolution) => resolution == RollupResolution.Minute ? TimeSpan.FromDays(1) : TimeSpan.FromDays(90);

    public async Task<DeviceRollups?> Handle(GetDeviceRollups request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.To <= request.From || request.To - request.From > MaxSpan(request.Resolution))
            throw new ArgumentException("The range must be positive and within the resolution's span.", nameof(request));
        var view = request.Resolution == RollupResolution.Minute ? DeviceTelemetryViews.Minutes : DeviceTelemetryViews.Hours;
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            if (!await DeviceVisibility.ExistsAsync(connection, tx, request.TenantId, request.DeviceId, cancellationToken)) return null;
            var rows = await connection.QueryAsync<RollupRow>(new CommandDefinition($"""
                select sensor as Sensor, bucket as Start, min_value as Min, max_value as Max, trim_scale(round(sum_value / value_count, 6)) as Avg, value_count as Count
                  from {view}
                 where tenant_id = @tenant and device_id = @device and (@sensor::text is null or sensor = @sensor) and bucket >= @from and bucket < @to
                 order by sensor, bucket
                """, new
            {
                tenant = request.TenantId, device = request.DeviceId, sensor = request.Sensor,
                from = request.From.ToUniversalTime(), to = request.To.ToUniversalTime(),
            }, tx, cancellationToken: cancellationToken));
            return new DeviceRollups(request.DeviceId, request.Sensor, request.Resolution.ToString().ToLowerInvariant(),
                request.From, request.To, [.. rows.Select(r => r.ToBucket())]);
        }, cancellationToken);
    }
}
