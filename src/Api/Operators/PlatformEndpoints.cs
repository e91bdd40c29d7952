using Platform.Api.Analytics.Export;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;

namespace Platform.Api.Operators;

/// <summary>
/// /api/platform: the platform operators' view across tenants (platform-admin, a role no tenant's
/// user holds). To a tenant's user these routes answer 404, as if they did not exist.
/// </summary>
internal static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform").WithTags("Platform").WithKpiExports();
        platform.MapGet("/tenants", ListTenantsAsync).Sends<ListPlatformTenants>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListPlatformTenants")
            .WithSummary("Every tenant: plan, status, last activity, this month's leads, plan usage against limits (platform-admin).");
        platform.MapGet("/overview", OverviewAsync).Sends<GetPlatformOverview>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPlatformOverview")
            .WithSummary("Active, dormant and churned tenants, new tenants and leads per month, leads per tenant, plans (platform-admin).");
        platform.MapPlatformAuthEndpoints();
        return app;
    }

    private static async Task<Ok<PlatformTenantList>> ListTenantsAsync(string? status, string? plan, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPlatformTenants(status, plan), ct));

    private static async Task<Ok<PlatformOverview>> OverviewAsync(string? from, string? to, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPlatformOverview(from, to), ct));
}
