using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Devices;

/// <summary>The latest value of each of a device's sensors, or null when the tenant has no such device.</summary>
[Authorize]
public sealed record GetDeviceLatest(Guid TenantId, Guid DeviceId) : IRequest<DeviceLatest?>;

public sealed record SensorValue(string Sensor, decimal Value, string Unit, DateTimeOffset MeasuredAt);

/// <summary><see cref="Sensors"/> is empty until the device's first reading is projected.</summary>
public sealed record DeviceLatest(Guid DeviceId, IReadOnlyList<SensorValue> Sensors);

internal sealed record SensorValueRow(string Sensor, decimal Value, string Unit, DateTime MeasuredAt)
{
    public SensorValue ToValue() => new(Sensor, Value, Unit, new DateTimeOffset(MeasuredAt, TimeSpan.Zero));
}

public sealed class GetDeviceLatestHandler(Tenancy.TenantReads reads) : IRequestHandler<GetDeviceLatest, DeviceLatest?>
{
    public async Task<DeviceLatest?> Handle(GetDeviceLatest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var key = new { tenant = request.TenantId, device = request.DeviceId };
            if (!await DeviceVisibility.ExistsAsync(connection, tx, request.TenantId, request.DeviceId, cancellationToken)) return null;
            var rows = await connection.QueryAsync<SensorValueRow>(new CommandDefinition($"""
                select sensor as Sensor, value as Value, unit as Unit, measured_at as MeasuredAt
                  from {DeviceTelemetryViews.Latest}
                 where tenant_id = @tenant and device_id = @device
                 order by sensor
                """, key, tx, cancellationToken: cancellationToken));
            return new DeviceLatest(request.DeviceId, [.. rows.Select(r => r.ToValue())]);
        }, cancellationToken);
    }
}

/// <summary>Whether the device is the tenant's: under row-level security another tenant's device is not there at all.</summary>
internal static class DeviceVisibility
{
    public static Task<bool> ExistsAsync(
        Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction tx, Guid tenantId, Guid deviceId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select from devices where tenant_id = @tenant and device_id = @device)",
            new { tenant = tenantId, device = deviceId }, tx, cancellationToken: ct));
}
