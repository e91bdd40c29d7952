using Platform.Write.EventStore;

namespace Platform.Write.Devices.Alerts;

public enum AlertClearReason { Recovered, DataResumed, RuleChanged, RuleRemoved, DeviceRevoked }

/// <summary>A rule's condition held: the alert opens at <paramref name="Severity"/>. <paramref name="At"/> is the reading's measured time (the sweep's clock for no data).</summary>
public sealed record AlertRaised(
    Guid AlertId, Guid DeviceId, Guid RuleId, string RuleName, string? Sensor, AlertSeverity Severity, decimal? Value, DateTimeOffset At,
    string Condition);

/// <summary>A higher level's condition held; an acknowledgement does not cover the new severity.</summary>
public sealed record AlertEscalated(Guid AlertId, AlertSeverity From, AlertSeverity To, decimal? Value, DateTimeOffset At);

public sealed record AlertDeescalated(Guid AlertId, AlertSeverity From, AlertSeverity To, decimal? Value, DateTimeOffset At);

/// <summary>A user saw the alert and took charge of it.</summary>
public sealed record AlertAcknowledged(Guid AlertId, Guid UserId, DateTimeOffset At, string? Note);

/// <summary>The alert is over: its condition no longer holds, data came back, or its rule or device is gone.</summary>
public sealed record AlertCleared(Guid AlertId, AlertClearReason Reason, decimal? Value, DateTimeOffset At);

/// <summary>
/// Stored names start with <c>devices.</c>: everything a device's tenant follows live (every
/// <c>devices.</c> event) includes its alerts and rule changes.
/// </summary>
public static class AlertEvents
{
    public const string RaisedName = "devices.alert-raised.v1";
    public const string EscalatedName = "devices.alert-escalated.v1";
    public const string DeescalatedName = "devices.alert-deescalated.v1";
    public const string AcknowledgedName = "devices.alert-acknowledged.v1";
    public const string ClearedName = "devices.alert-cleared.v1";

    /// <summary>One stream per alert, from raise to clear.</summary>
    public static string Stream(Guid alertId) => $"device-alert-{alertId:D}";

    public static EventTypeRegistry RegisterDeviceAlerts(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<AlertRaised>(RaisedName)
            .Register<AlertEscalated>(EscalatedName)
            .Register<AlertDeescalated>(DeescalatedName)
            .Register<AlertAcknowledged>(AcknowledgedName)
            .Register<AlertCleared>(ClearedName)
            .RegisterDeviceRules();
    }
}
