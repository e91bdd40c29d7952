namespace Platform.Write.Devices.Alerts;

/// <summary>The alert a (device, rule) has open: at most one, by construction of <see cref="RuleMonitor"/>.</summary>
public sealed record ActiveAlert(Guid AlertId, AlertSeverity Severity);

/// <summary>
/// One rule of one device as the alerts reactor keeps it: the definition in force, its progress,
/// when the device (or sensor) was last heard, and its active alert.
/// </summary>
public sealed record RuleWatch(
    Guid DeviceId, Guid RuleId, RuleDefinition Rule, RuleProgress Progress, DateTimeOffset LastHeardAt, ActiveAlert? Alert = null)
{
    public static RuleWatch Start(Guid deviceId, Guid ruleId, RuleDefinition rule, DateTimeOffset heardAt) =>
        new(deviceId, ruleId, rule, RuleProgress.Start(rule), heardAt);
}
