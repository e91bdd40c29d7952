using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Devices;

/// <summary>The tenant's active (or past: cleared) alerts, newest raised first, optionally of one device; keyset-paginated.</summary>
[Authorize]
public sealed record ListAlerts(Guid TenantId, bool Active, Guid? DeviceId, PageRequest Page) : IRequest<Page<AlertView>>;

/// <summary>One alert of the tenant, or null: another tenant's alert is invisible under row-level security.</summary>
[Authorize]
public sealed record GetAlert(Guid TenantId, Guid AlertId) : IRequest<AlertView?>;

/// <summary><see cref="Version"/> is the alert stream's version; <see cref="Status"/> is active or cleared.</summary>
public sealed record AlertView(
    Guid AlertId, Guid DeviceId, string DeviceName, Guid RuleId, string RuleName, string? Sensor, string Severity, string Status, string Condition,
    decimal? Value, DateTimeOffset RaisedAt, DateTimeOffset ChangedAt, DateTimeOffset? AcknowledgedAt, Guid? AcknowledgedBy,
    string? AcknowledgementNote, DateTimeOffset? ClearedAt, string? ClearReason, long Version);

internal sealed record AlertRow(
    Guid AlertId, Guid DeviceId, string DeviceName, Guid RuleId, string RuleName, string? Sensor, string Severity, string Status, string Condition,
    decimal? Value, DateTime RaisedAt, DateTime ChangedAt, DateTime? AcknowledgedAt, Guid? AcknowledgedBy, string? AcknowledgementNote,
    DateTime? ClearedAt, string? ClearReason, long Version)
{
    // Dapper matches the constructor to the columns in order: keep both in this order.
    public const string Select = """
        select alert_id as AlertId, device_id as DeviceId, device_name as DeviceName, rule_id as RuleId, rule_name as RuleName, sensor as Sensor,
               severity as Severity, status as Status, condition as Condition, value as Value, raised_at as RaisedAt, changed_at as ChangedAt,
               acknowledged_at as AcknowledgedAt, acknowledged_by as AcknowledgedBy, acknowledgement_note as AcknowledgementNote,
               cleared_at as ClearedAt, clear_reason as ClearReason, version as Version
          from device_alerts
        """;

    public AlertView ToView() => new(
        AlertId, DeviceId, DeviceName, RuleId, RuleName, Sensor, Severity, Status, Condition, Value, Utc(RaisedAt), Utc(ChangedAt),
        AcknowledgedAt is { } a ? Utc(a) : null, AcknowledgedBy, AcknowledgementNote, ClearedAt is { } c ? Utc(c) : null, ClearReason, Version);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

public sealed class ListAlertsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListAlerts, Page<AlertView>>
{
    public async Task<Page<AlertView>> Handle(ListAlerts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<AlertRow>(
            new CommandDefinition($"""
                {AlertRow.Select}
                 where tenant_id = @tenant and status = @status and (@device::uuid is null or device_id = @device)
                   and (@before::uuid is null or alert_id < @before)
                 order by alert_id desc
                 limit @limit
                """, new { tenant = request.TenantId, status = request.Active ? "active" : "cleared", device = request.DeviceId, before,
                limit = request.Page.Limit + 1 }, tx, cancellationToken: cancellationToken))).Select(r => r.ToView()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.AlertId);
    }
}

public sealed class GetAlertHandler(Tenancy.TenantReads reads) : IRequestHandler<GetAlert, AlertView?>
{
    public async Task<AlertView?> Handle(GetAlert request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<AlertRow>(
            new CommandDefinition($"{AlertRow.Select} where tenant_id = @tenant and alert_id = @alert",
                new { tenant = request.TenantId, alert = request.AlertId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        return row?.ToView();
    }
}
