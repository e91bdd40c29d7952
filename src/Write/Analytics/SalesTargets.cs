using System.Collections.Immutable;
using Platform.Write.Catalog;

namespace Platform.Write.Analytics;

/// <summary>The months that have a target, and each one's target.</summary>
public sealed record SalesTargetsState(ImmutableSortedDictionary<string, Money> Months)
{
    public static SalesTargetsState Empty { get; } = new(ImmutableSortedDictionary.Create<string, Money>(StringComparer.Ordinal));
}

/// <summary>A tenant's monthly sales targets: state is a fold of the tenant's targets stream; decisions are pure.</summary>
public static class SalesTargets
{
    public abstract record Command;

    public sealed record SetTarget(string Month, Money Target) : Command;

    public sealed record ClearTarget(string Month) : Command;

    public static SalesTargetsState Evolve(SalesTargetsState state, object @event) => @event switch
    {
        MonthlyTargetSet s => state with { Months = state.Months.SetItem(s.Month, new Money(s.Amount, s.Currency)) },
        MonthlyTargetCleared c => state with { Months = state.Months.Remove(c.Month) },
        _ => state,
    };

    public static SalesTargetsState Fold(IEnumerable<object> events) => events.Aggregate(SalesTargetsState.Empty, Evolve);

    /// <summary>Setting the target a month already has, or clearing a month without one, changes nothing.</summary>
    public static IReadOnlyList<object> Decide(SalesTargetsState state, Command command) => command switch
    {
        SetTarget s => state.Months.TryGetValue(s.Month, out var current) && current == s.Target
            ? [] : [new MonthlyTargetSet(s.Month, s.Target.Amount, s.Target.Currency)],
        ClearTarget c => state.Months.ContainsKey(c.Month) ? [new MonthlyTargetCleared(c.Month)] : [],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a sales-targets command."),
    };
}
