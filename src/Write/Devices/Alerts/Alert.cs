using Platform.Write.Domain;

namespace Platform.Write.Devices.Alerts;

public enum AlertStatus { Active, Cleared }

public sealed record AlertState(
    Guid AlertId, Guid DeviceId, Guid RuleId, AlertSeverity Severity, AlertStatus Status, Guid? AcknowledgedBy)
{
    public bool Acknowledged => AcknowledgedBy is not null;
}

/// <summary>One alert's life: raised, escalated or de-escalated, acknowledged by a user, cleared. Pure.</summary>
public static class Alert
{
    public abstract record Command;

    public sealed record Raise(
        Guid AlertId, Guid DeviceId, Guid RuleId, string RuleName, string? Sensor, AlertSeverity Severity, decimal? Value, DateTimeOffset At,
        string Condition) : Command;

    public sealed record ChangeSeverity(AlertSeverity Severity, decimal? Value, DateTimeOffset At) : Command;

    public sealed record Acknowledge(Guid UserId, DateTimeOffset At, string? Note) : Command;

    public sealed record Clear(AlertClearReason Reason, decimal? Value, DateTimeOffset At) : Command;

    public static AlertState? Evolve(AlertState? state, object @event) => (state, @event) switch
    {
        (null, AlertRaised r) => new AlertState(r.AlertId, r.DeviceId, r.RuleId, r.Severity, AlertStatus.Active, null),
        ({ } s, AlertEscalated e) => s with { Severity = e.To, AcknowledgedBy = null },
        ({ } s, AlertDeescalated d) => s with { Severity = d.To },
        ({ } s, AlertAcknowledged a) => s with { AcknowledgedBy = a.UserId },
        ({ } s, AlertCleared) => s with { Status = AlertStatus.Cleared },
        _ => state,
    };

    public static AlertState? Fold(IEnumerable<object> events) => events.Aggregate((AlertState?)null, Evolve);

    public static IReadOnlyList<object> Decide(AlertState? state, Command command) => (state, command) switch
    {
        (null, Raise r) => [new AlertRaised(r.AlertId, r.DeviceId, r.RuleId, r.RuleName, r.Sensor, r.Severity, r.Value, r.At, r.Condition)],
        (null, _) => throw new NotFoundException("la alerta"),
        (_, Raise) => throw new ConflictException("alert-exists", "La alerta ya existe."),
        // An acknowledgement is owed until given, also once the alert has cleared; given once, it stands.
        ({ Acknowledged: true }, Acknowledge) => [],
        ({ } s, Acknowledge a) => [new AlertAcknowledged(s.AlertId, a.UserId, a.At, string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim())],
        ({ Status: AlertStatus.Cleared }, _) => [],
        ({ } s, ChangeSeverity c) when c.Severity > s.Severity => [new AlertEscalated(s.AlertId, s.Severity, c.Severity, c.Value, c.At)],
        ({ } s, ChangeSeverity c) when c.Severity < s.Severity => [new AlertDeescalated(s.AlertId, s.Severity, c.Severity, c.Value, c.At)],
        (_, ChangeSeverity) => [],
        ({ } s, Clear c) => [new AlertCleared(s.AlertId, c.Reason, c.Value, c.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown alert command."),
    };
}
