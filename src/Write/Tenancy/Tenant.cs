using Platform.Write.Domain;

namespace Platform.Write.Tenancy;

/// <summary>The business's own data, as the settings endpoint replaces it in full.</summary>
public sealed record TenantProfile(string Name, string Country, string TimeZone, string Currency, string Industry);

public sealed record TenantState(Guid TenantId, string Slug, TenantProfile Profile, string Plan, string Status)
{
    public bool IsActive => Status == TenantStatuses.Active;
}

public static class TenantStatuses
{
    public const string Active = "active";
    public const string Deactivated = "deactivated";
}

/// <summary>The tenant's decider: its state is a fold of the tenant stream; decisions are pure.</summary>
public static class Tenant
{
    public abstract record Command;

    public sealed record ChangeSettings(TenantProfile Profile) : Command;

    /// <summary><paramref name="Usage"/>: what the tenant holds now, per <see cref="PlanResources"/> name.</summary>
    public sealed record ChangePlan(string Plan, IReadOnlyDictionary<string, long> Usage) : Command;

    public sealed record Deactivate(string Reason) : Command;

    public sealed record Reactivate : Command;

    public static TenantState? Evolve(TenantState? state, object @event) => (state, @event) switch
    {
        (null, TenantRegistered r) => new TenantState(
            r.TenantId, r.Slug, new TenantProfile(r.Name, r.Country, r.TimeZone, r.Currency, r.Industry), r.Plan, TenantStatuses.Active),
        ({ } s, TenantSettingsChanged c) => s with { Profile = new TenantProfile(c.Name, c.Country, c.TimeZone, c.Currency, c.Industry) },
        ({ } s, TenantPlanChanged p) => s with { Plan = p.To },
        ({ } s, TenantDeactivated) => s with { Status = TenantStatuses.Deactivated },
        ({ } s, TenantReactivated) => s with { Status = TenantStatuses.Active },
        _ => state,
    };

    public static TenantState? Fold(IEnumerable<object> events) => events.Aggregate((TenantState?)null, Evolve);

    /// <summary>The events the command causes; none when the tenant already is as asked.</summary>
    public static IReadOnlyList<object> Decide(TenantState? state, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state is null) throw new NotFoundException("la empresa");
        return command switch
        {
            ChangeSettings c => RequireActive(state).Profile == c.Profile ? [] :
                [new TenantSettingsChanged(c.Profile.Name, c.Profile.Country, c.Profile.TimeZone, c.Profile.Currency, c.Profile.Industry)],
            ChangePlan c => DecidePlan(RequireActive(state), c),
            Deactivate c => state.IsActive ? [new TenantDeactivated(c.Reason)] : [],
            Reactivate => state.IsActive ? [] : [new TenantReactivated()],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a tenant command."),
        };
    }

    private static IReadOnlyList<object> DecidePlan(TenantState state, ChangePlan command)
    {
        if (state.Plan == command.Plan) return [];
        var plan = Plans.Named(command.Plan);
        if (plan.FirstExceeded(command.Usage) is var (resource, limit, used))
            throw new PlanBelowUsageException(plan.Name, resource, limit, used);
        return [new TenantPlanChanged(state.Plan, plan.Name)];
    }

    // The pipeline already stops a deactivated tenant's requests; the decider holds the rule on its own too.
    private static TenantState RequireActive(TenantState state) =>
        state.IsActive ? state : throw TenancyErrors.TenantDeactivated();
}
