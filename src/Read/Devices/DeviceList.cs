using System.Text.Json;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Devices;

/// <summary>The tenant's devices, newest first, with presence; keyset-paginated. <see cref="TenantId"/> is set by the endpoint.</summary>
[Authorize]
public sealed record ListDevices(Guid TenantId, string? Status, PageRequest Page) : IRequest<Page<DeviceSummary>>;

/// <summary>One device of the tenant, or null: another tenant's device is invisible under row-level security.</summary>
[Authorize]
public sealed record GetDevice(Guid TenantId, Guid DeviceId) : IRequest<DeviceSummary?>;

public sealed record SensorInfo(string Name, string Unit);

/// <summary><see cref="Version"/> is the registry stream's version: the ETag rotate and revoke take as If-Match.</summary>
public sealed record DeviceSummary(
    Guid DeviceId, string Name, string Profile, IReadOnlyList<SensorInfo> Sensors, string Username, string Status, bool Online,
    DateTimeOffset? LastSeenAt, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record DeviceRow(
    Guid DeviceId, string Name, string Profile, string Sensors, string Username, string Status, long Version, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? LastSeenAt, bool? Online)
{
    // Dapper matches the constructor to the columns in order: keep both in this order.
    public const string Select = $"""
        select d.device_id as DeviceId, d.name as Name, d.profile as Profile, d.sensors::text as Sensors, d.username as Username,
               d.status as Status, d.version as Version, d.created_at as CreatedAt, d.updated_at as UpdatedAt, {DevicePresence.Columns}
          from devices d {DevicePresence.Join}
        """;

    public DeviceSummary ToSummary() => new(
        DeviceId, Name, Profile, JsonSerializer.Deserialize<List<SensorInfo>>(Sensors, JsonSerializerOptions.Web) ?? [], Username, Status,
        Online == true, LastSeenAt is { } seen ? new DateTimeOffset(seen, TimeSpan.Zero) : null, Version,
        new DateTimeOffset(CreatedAt, TimeSpan.Zero), new DateTimeOffset(UpdatedAt, TimeSpan.Zero));
}

public sealed class ListDevicesHandler(Tenancy.TenantReads reads) : IRequestHandler<ListDevices, Page<DeviceSummary>>
{
    public async Task<Page<DeviceSummary>> Handle(ListDevices request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<DeviceRow>(
            new CommandDefinition($"""
                {DeviceRow.Select}
                 where d.tenant_id = @tenant and (@before::uuid is null or d.device_id < @before) and (@status::text is null or d.status = @status)
                 order by d.device_id desc
                 limit @limit
                """, new { tenant = request.TenantId, before, request.Status, limit = request.Page.Limit + 1 }, tx,
                cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.DeviceId);
    }
}

public sealed class GetDeviceHandler(Tenancy.TenantReads reads) : IRequestHandler<GetDevice, DeviceSummary?>
{
    public async Task<DeviceSummary?> Handle(GetDevice request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<DeviceRow>(
            new CommandDefinition($"{DeviceRow.Select} where d.tenant_id = @tenant and d.device_id = @device",
                new { tenant = request.TenantId, device = request.DeviceId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        return row?.ToSummary();
    }
}
