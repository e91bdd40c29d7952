namespace Platform.Write.Devices.Alerts;

/// <summary>
/// Turns what a rule sees into what its alert must do, keeping one active alert per (device, rule):
/// a rule with an open alert escalates, de-escalates or clears it, and never raises another. Pure.
/// </summary>
public static class RuleMonitor
{
    /// <param name="measuredAt">The reading's measured time: durations and rates use it.</param>
    /// <param name="recordedAt">When the platform stored the reading: "no data" is about hearing from the device.</param>
    public static (RuleWatch Watch, Alert.Command? Command) Observe(
        RuleWatch watch, DateTimeOffset measuredAt, DateTimeOffset recordedAt, IReadOnlyDictionary<string, decimal> values, Func<Guid> newAlertId)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(newAlertId);
        var rule = watch.Rule;
        if (!rule.Reads(values)) return (watch, null);
        if (rule.Kind == RuleKind.NoData)
        {
            var heard = watch with { LastHeardAt = recordedAt > watch.LastHeardAt ? recordedAt : watch.LastHeardAt };
            return watch.Alert is null ? (heard, null) : (heard with { Alert = null }, new Alert.Clear(AlertClearReason.DataResumed, null, measuredAt));
        }

        var (progress, verdict) = RuleEvaluator.Evaluate(rule, watch.Progress, measuredAt, values[rule.Sensor!]);
        var next = watch with { Progress = progress };
        return (verdict, watch.Alert) switch
        {
            (null, _) => (next, null),
            ({ Held: { } severity }, null) => Raise(next, newAlertId(), severity, verdict.Value, measuredAt),
            ({ Held: { } severity }, { } alert) when severity != alert.Severity =>
                (next with { Alert = alert with { Severity = severity } }, new Alert.ChangeSeverity(severity, verdict.Value, measuredAt)),
            ({ Breached: null }, { }) => (next with { Alert = null }, new Alert.Clear(AlertClearReason.Recovered, verdict.Value, measuredAt)),
            _ => (next, null),
        };
    }

    /// <summary>The sweep's question for a no-data rule: silent for its minutes at <paramref name="now"/>, and no alert open yet?</summary>
    public static (RuleWatch Watch, Alert.Command? Command) Sweep(RuleWatch watch, DateTimeOffset now, Func<Guid> newAlertId)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(newAlertId);
        if (watch.Rule.Kind != RuleKind.NoData || watch.Alert is not null || now - watch.LastHeardAt < watch.Rule.Silence || watch.Rule.Levels.Count == 0)
            return (watch, null);
        return Raise(watch, newAlertId(), watch.Rule.Levels[0].Severity, null, now);
    }

    /// <summary>The rule's alert is closed because the rule changed or went away, or its device did.</summary>
    public static Alert.Command? Close(RuleWatch watch, AlertClearReason reason, DateTimeOffset at) =>
        watch?.Alert is null ? null : new Alert.Clear(reason, null, at);

    private static (RuleWatch, Alert.Command) Raise(RuleWatch watch, Guid alertId, AlertSeverity severity, decimal? value, DateTimeOffset at) =>
        (watch with { Alert = new ActiveAlert(alertId, severity) },
         new Alert.Raise(alertId, watch.DeviceId, watch.RuleId, watch.Rule.Name, watch.Rule.Sensor, severity, value, at, RuleText.Condition(watch.Rule, severity)));
}
