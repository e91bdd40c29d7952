using Npgsql;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Projections.Alerts;

/// <summary>
/// Carries out a rule's alert command inside the caller's transaction (the daemon's, or the sweep's):
/// lock and fold the alert's stream, decide, append, update its device_alerts row, and leave a notice
/// in the outbox for a raise or an escalation.
/// </summary>
internal sealed class AlertWriter(ReactorAppend streams, NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
{
    public const string Source = "device-alerts";

    private readonly Dictionary<(Guid, Guid), string> _deviceNames = [];

    /// <param name="watch">The rule as it stood before the command (its open alert is the one a change or clear is for).</param>
    /// <param name="notify">False while catching up on old readings: a notice about the past reaches nobody in time.</param>
    public async Task ApplyAsync(Guid tenantId, RuleWatch watch, Alert.Command command, RecordedEvent? cause, bool notify, CancellationToken ct)
    {
        var alertId = command is Alert.Raise raise ? raise.AlertId
            : watch.Alert?.AlertId ?? throw new InvalidOperationException($"Rule {watch.RuleId} has no open alert to change.");
        var stream = AlertEvents.Stream(alertId);
        var (history, version) = await streams.LockAndReadAsync(connection, transaction, tenantId, stream, ct);
        var events = Alert.Decide(Alert.Fold(history), command);
        if (events.Count == 0) return;

        var metadata = new EventMetadata(null, cause?.Metadata.CorrelationId, cause?.EventId, Source);
        var result = await streams.AppendAsync(connection, transaction, tenantId, stream, version,
            [.. events.Select(e => new NewEvent(Guid.CreateVersion7(), e, metadata))], ct);
        var deviceName = await DeviceNameAsync(tenantId, watch.DeviceId, ct);
        await AlertRows.ApplyAsync(connection, transaction, tenantId, events, result.StreamVersion, deviceName, ct);
        if (!notify) return;
        foreach (var e in events)
            await AlertNotices.WriteAsync(connection, transaction, tenantId, watch.DeviceId, deviceName, e, watch.Rule, now, ct);
    }

    private async Task<string> DeviceNameAsync(Guid tenantId, Guid deviceId, CancellationToken ct)
    {
        if (_deviceNames.TryGetValue((tenantId, deviceId), out var known)) return known;
        await using var command = new NpgsqlCommand("select name from devices where tenant_id = $1 and device_id = $2", connection, transaction);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = deviceId });
        var name = await command.ExecuteScalarAsync(ct) as string ?? $"dispositivo {deviceId:D}";
        _deviceNames[(tenantId, deviceId)] = name;
        return name;
    }
}
