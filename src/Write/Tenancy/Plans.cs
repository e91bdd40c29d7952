using Platform.Write.Domain;

namespace Platform.Write.Tenancy;

/// <summary>What a tenant's plan lets it hold; a null limit means no limit.</summary>
public sealed record Plan(string Name, int? CatalogItems, int? LeadsPerMonth, int? Users, int? Devices)
{
    public int? LimitOf(string resource) => resource switch
    {
        PlanResources.CatalogItems => CatalogItems,
        PlanResources.LeadsPerMonth => LeadsPerMonth,
        PlanResources.Users => Users,
        PlanResources.Devices => Devices,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not a plan resource."),
    };

    /// <summary>
    /// The check every feature makes before it adds <paramref name="adding"/> of a resource to the
    /// <paramref name="current"/> count it holds (for leads: this month's).
    /// </summary>
    public void EnsureRoom(string resource, long current, int adding = 1)
    {
        var limit = LimitOf(resource);
        if (limit is not null && current + adding > limit) throw new PlanLimitReachedException(Name, resource, limit.Value);
    }

    /// <summary>The first resource whose usage is over this plan's limit, if any.</summary>
    public (string Resource, int Limit, long Used)? FirstExceeded(IReadOnlyDictionary<string, long> usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        foreach (var resource in PlanResources.All)
        {
            var limit = LimitOf(resource);
            if (limit is not null && usage.TryGetValue(resource, out var used) && used > limit) return (resource, limit.Value, used);
        }
        return null;
    }
}

/// <summary>The things a plan limits, named as the problem responses and the tenant summary name them.</summary>
public static class PlanResources
{
    public const string CatalogItems = "catalog-items";
    public const string LeadsPerMonth = "leads-per-month";

    /// <summary>Active and invited users: an invitation holds a seat until it is accepted or revoked.</summary>
    public const string Users = "users";

    public const string Devices = "devices";

    public static IReadOnlyList<string> All { get; } = [CatalogItems, LeadsPerMonth, Users, Devices];
}

public static class Plans
{
    public static Plan Basic { get; } = new("basic", CatalogItems: 1_000, LeadsPerMonth: 500, Users: 5, Devices: 10);
    public static Plan Pro { get; } = new("pro", CatalogItems: 10_000, LeadsPerMonth: 5_000, Users: 25, Devices: 100);
    public static Plan Enterprise { get; } = new("enterprise", null, null, null, null);

    public static IReadOnlyList<Plan> All { get; } = [Basic, Pro, Enterprise];

    public static bool IsKnown(string? name) => All.Any(p => p.Name == name);

    public static Plan Named(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not a plan.");
}

/// <summary>Adding one more would pass the plan's limit (422, plan-limit-reached).</summary>
public sealed class PlanLimitReachedException : DomainException
{
    public PlanLimitReachedException(string plan, string resource, int limit)
        : base("plan-limit-reached", $"El plan {plan} permite hasta {limit} ({Describe(resource)}); cambia de plan para agregar más.")
    {
        Details["plan"] = plan;
        Details["resource"] = resource;
        Details["limit"] = limit;
    }

    internal static string Describe(string resource) => resource switch
    {
        PlanResources.CatalogItems => "artículos de catálogo",
        PlanResources.LeadsPerMonth => "prospectos por mes",
        PlanResources.Users => "usuarios activos o invitados",
        PlanResources.Devices => "dispositivos",
        _ => resource,
    };
}

/// <summary>A downgrade to a plan whose limit is below what the tenant already holds (422, plan-below-usage).</summary>
public sealed class PlanBelowUsageException : DomainException
{
    public PlanBelowUsageException(string plan, string resource, int limit, long used)
        : base("plan-below-usage", $"El plan {plan} permite hasta {limit} ({PlanLimitReachedException.Describe(resource)}) y hoy tienes {used}.")
    {
        Details["plan"] = plan;
        Details["resource"] = resource;
        Details["limit"] = limit;
        Details["used"] = used;
    }
}
