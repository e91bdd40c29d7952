using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Read.Operators;
using Platform.Write.Tenancy;

namespace Platform.Api.Operators;

/// <summary>Every tenant with its plan usage against the plan's limits; filtered by status and plan when given.</summary>
[Authorize(Roles = Roles.PlatformAdmin)]
public sealed record ListPlatformTenants(string? Status, string? Plan) : IRequest<PlatformTenantList>;

public sealed record PlatformTenantList(DateTimeOffset AsOf, long Count, IReadOnlyList<PlatformTenant> Tenants);

/// <summary><see cref="OverLimit"/> names the resources whose use is above the plan's limit (after a downgrade, say).</summary>
public sealed record PlatformTenant(
    Guid TenantId, string Slug, string Name, string Plan, string Status, DateTimeOffset CreatedAt, DateTimeOffset? LastActivityAt,
    long LeadsThisMonth, IReadOnlyList<PlatformPlanUsage> Usage, IReadOnlyList<string> OverLimit);

/// <summary>How much of a plan resource the tenant uses; <see cref="Limit"/> is null when the plan has none.</summary>
public sealed record PlatformPlanUsage(string Resource, long Used, int? Limit, bool OverLimit);

public sealed class ListPlatformTenantsValidator : AbstractValidator<ListPlatformTenants>
{
    public ListPlatformTenantsValidator()
    {
        RuleFor(r => r.Status).Must(s => s is null || s is TenantStatuses.Active or TenantStatuses.Deactivated)
            .WithMessage($"Debe ser {TenantStatuses.Active} o {TenantStatuses.Deactivated}.");
        RuleFor(r => r.Plan).Must(p => p is null || Plans.IsKnown(p))
            .WithMessage($"Debe ser uno de: {string.Join(", ", Plans.All.Select(p => p.Name))}.");
    }
}

public sealed class ListPlatformTenantsHandler(NpgsqlDataSource system, TimeProvider time) : IRequestHandler<ListPlatformTenants, PlatformTenantList>
{
    public async Task<PlatformTenantList> Handle(ListPlatformTenants request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var figures = await PlatformTenantFigures.ListAsync(system, now, request.Status, request.Plan, cancellationToken);
        var tenants = figures.Select(Tenant).ToList();
        return new PlatformTenantList(now, tenants.Count, tenants);
    }

    internal static PlatformTenant Tenant(TenantFigures figures)
    {
        var plan = Plans.All.FirstOrDefault(p => p.Name == figures.Plan);
        var usage = PlanResources.All.Select(resource =>
        {
            var used = resource switch
            {
                PlanResources.CatalogItems => figures.CatalogItems,
                PlanResources.LeadsPerMonth => figures.LeadsThisMonth,
                PlanResources.Users => figures.Users,
                PlanResources.Devices => figures.Devices,
                _ => 0,
            };
            var limit = plan?.LimitOf(resource);
            return new PlatformPlanUsage(resource, used, limit, limit is not null && used > limit);
        }).ToList();
        return new PlatformTenant(figures.TenantId, figures.Slug, figures.Name, figures.Plan, figures.Status, figures.CreatedAt,
            figures.LastActivityAt, figures.LeadsThisMonth, usage, [.. usage.Where(u => u.OverLimit).Select(u => u.Resource)]);
    }
}
