using Platform.Write.EventStore;

namespace Platform.Write.Analytics;

/// <summary>The sales team's target for a month (YYYY-MM, the tenant's calendar): what it means to sell in it.</summary>
public sealed record MonthlyTargetSet(string Month, decimal Amount, string Currency);

/// <summary>The month has no target any more.</summary>
public sealed record MonthlyTargetCleared(string Month);

public static class SalesTargetEvents
{
    public const string SetName = "analytics.monthly-target-set.v1";
    public const string ClearedName = "analytics.monthly-target-cleared.v1";

    /// <summary>One stream per tenant holds every month's target, so its version is the ETag of the whole list.</summary>
    public const string Stream = "sales-targets";

    public static EventTypeRegistry RegisterAnalytics(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<MonthlyTargetSet>(SetName)
            .Register<MonthlyTargetCleared>(ClearedName);
    }
}
