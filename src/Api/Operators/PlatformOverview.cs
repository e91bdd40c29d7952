using Platform.Read.Operators;
using Platform.Write.Tenancy;

namespace Platform.Api.Operators;

/// <summary>The operators' view of the platform over a period of months; see <see cref="PlatformOverviewFigures"/> for the definitions.</summary>
public sealed record PlatformOverview(
    string From, string To, DateTimeOffset AsOf, TenantCounts Tenants, IReadOnlyList<OverviewMonth> Months,
    IReadOnlyList<ChurnedTenant> Churned, IReadOnlyList<DormantTenant> Dormant, IReadOnlyList<TenantLeads> LeadsPerTenant,
    IReadOnlyList<PlanShare> Plans);

public sealed record TenantCounts(long Total, long Active, long Dormant, long Deactivated, long ChurnedInPeriod);

public sealed record OverviewMonth(string Month, long NewTenants, long ChurnedTenants, long Leads);

/// <summary>A deactivation in the period; <see cref="Status"/> is today's, so a tenant that came back shows active.</summary>
public sealed record ChurnedTenant(Guid TenantId, string Slug, string Name, string Plan, string Status, DateTimeOffset DeactivatedAt, string? Reason);

public sealed record DormantTenant(Guid TenantId, string Slug, string Name, string Plan, DateTimeOffset? LastActivityAt);

public sealed record TenantLeads(Guid TenantId, string Slug, long Total, IReadOnlyList<MonthLeads> Months);

public sealed record MonthLeads(string Month, long Leads);

public sealed record PlanShare(string Plan, long Tenants, long Active);

/// <summary>
/// Definitions. Active: status active and an event in the last 30 days. Dormant: status active and
/// no event in the last 60 days (at risk, not churned). Churned in the period: a tenancy.tenant-deactivated
/// event recorded in one of its months (UTC), whatever happened after. New tenants: created in the month (UTC).
/// Leads: leads.lead-created counted by the sales-analytics read model, by month of the tenant's own days.
/// </summary>
internal static class PlatformOverviewFigures
{
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan DormantAfter = TimeSpan.FromDays(60);

    public static PlatformOverview Build(
        DateOnly from, DateOnly to, DateTimeOffset now, IReadOnlyList<TenantFigures> tenants,
        IReadOnlyList<TenantDeactivation> deactivations, IReadOnlyList<TenantMonthLeads> leads)
    {
        var byId = tenants.ToDictionary(t => t.TenantId);
        var months = PlatformMonths.Each(from, to).ToList();
        var live = tenants.Where(t => t.Status == TenantStatuses.Active).ToList();
        var active = live.Where(t => t.LastActivityAt >= now - ActiveWindow).Select(t => t.TenantId).ToHashSet();
        var dormant = live.Where(t => t.LastActivityAt is null || t.LastActivityAt < now - DormantAfter).ToList();
        var churned = deactivations.Where(d => byId.ContainsKey(d.TenantId)).Select(d => Churned(byId[d.TenantId], d)).ToList();

        var monthly = months.Select(m => new OverviewMonth(PlatformMonths.Format(m),
            tenants.Count(t => MonthOf(t.CreatedAt) == m),
            churned.Where(c => MonthOf(c.DeactivatedAt) == m).Select(c => c.TenantId).Distinct().Count(),
            leads.Where(l => l.Month == m).Sum(l => l.Leads))).ToList();
        var perTenant = leads.GroupBy(l => l.TenantId).Where(g => byId.ContainsKey(g.Key)).Select(g => new TenantLeads(
                g.Key, byId[g.Key].Slug, g.Sum(l => l.Leads),
                [.. months.Select(m => new MonthLeads(PlatformMonths.Format(m), g.Where(l => l.Month == m).Sum(l => l.Leads)))]))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Slug, StringComparer.Ordinal).ToList();
        var plans = Plans.All.Select(p => p.Name).Concat(tenants.Select(t => t.Plan)).Distinct()
            .Select(p => new PlanShare(p, tenants.Count(t => t.Plan == p), tenants.Count(t => t.Plan == p && active.Contains(t.TenantId)))).ToList();

        var counts = new TenantCounts(tenants.Count, active.Count, dormant.Count,
            tenants.Count(t => t.Status == TenantStatuses.Deactivated), churned.Select(c => c.TenantId).Distinct().Count());
        return new PlatformOverview(PlatformMonths.Format(from), PlatformMonths.Format(to), now, counts, monthly, churned,
            [.. dormant.Select(t => new DormantTenant(t.TenantId, t.Slug, t.Name, t.Plan, t.LastActivityAt))], perTenant, plans);
    }

    private static ChurnedTenant Churned(TenantFigures t, TenantDeactivation d) =>
        new(t.TenantId, t.Slug, t.Name, t.Plan, t.Status, d.At, d.Reason);

    private static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);
}
