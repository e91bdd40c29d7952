using Platform.Write.Domain;

namespace Platform.Write.Devices.Alerts;

public sealed record RuleState(Guid DeviceId, Guid RuleId, RuleDefinition Definition, string? Template, bool Removed);

/// <summary>A device's rule: added (by hand or from its profile's templates), changed, removed. Pure.</summary>
public static class Rule
{
    public abstract record Command;

    public sealed record Add(Guid DeviceId, Guid RuleId, RuleDefinition Definition, string? Template = null) : Command;

    public sealed record Change(RuleDefinition Definition) : Command;

    public sealed record Remove : Command;

    public static RuleState? Evolve(RuleState? state, object @event) => (state, @event) switch
    {
        (null, RuleAdded a) => new RuleState(a.DeviceId, a.RuleId, a.Rule, a.Template, false),
        ({ } s, RuleChanged c) => s with { Definition = c.Rule },
        ({ } s, RuleRemoved) => s with { Removed = true },
        _ => state,
    };

    public static RuleState? Fold(IEnumerable<object> events) => events.Aggregate((RuleState?)null, Evolve);

    public static IReadOnlyList<object> Decide(RuleState? state, Command command) => (state, command) switch
    {
        (null, Add a) => [new RuleAdded(a.DeviceId, a.RuleId, a.Definition, a.Template)],
        (null or { Removed: true }, _) => throw new NotFoundException("la regla"),
        (_, Add) => throw new ConflictException("rule-exists", "La regla ya existe."),
        ({ } s, Change c) when c.Definition.SameAs(s.Definition) => [],
        ({ } s, Change c) => [new RuleChanged(s.DeviceId, s.RuleId, c.Definition)],
        ({ } s, Remove) => [new RuleRemoved(s.DeviceId, s.RuleId)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown rule command."),
    };
}
