using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tenancy;

/// <summary>/api/tenant: the signed-in user's tenant, its settings, plan and activation.</summary>
internal static class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/api/tenant").WithTags("Tenant");
        tenant.MapGet("", GetTenant).Sends<GetTenant>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTenant").WithSummary("The tenant, its plan, and its usage against the plan's limits; ETag = version.");
        tenant.MapPut("/settings", ChangeSettings).Sends<ChangeTenantSettings>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithName("ChangeTenantSettings").WithSummary("Replaces name, country, time zone, currency and industry; If-Match = the ETag read.");
        tenant.MapPut("/plan", ChangePlan).Sends<ChangeTenantPlan>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ChangeTenantPlan").WithSummary("Moves the tenant to another plan; refused when usage exceeds the new plan's limits.");
        tenant.MapPost("/deactivate", Deactivate).Sends<DeactivateTenant>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeactivateTenant").WithSummary("Deactivates the tenant: its users get 403 tenant-deactivated until reactivation.");
        tenant.MapPost("/reactivate", Reactivate).Sends<ReactivateTenant>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReactivateTenant").WithSummary("Reactivates a deactivated tenant.");
        return app;
    }

    private static async Task<Ok<TenantSummary>> GetTenant(IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var tenant = await mediator.Send(new GetTenant(), ct);
        response.SetETag(tenant.Version);
        return TypedResults.Ok(tenant);
    }

    private static async Task<NoContent> ChangeSettings(
        TenantSettingsBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        var version = await mediator.Send(new ChangeTenantSettings(
            body.Name ?? "", body.Country ?? "", body.TimeZone ?? "", body.Currency ?? "", body.Industry ?? "",
            expected.IsAny ? null : expected.Value), ct);
        return Changed(response, version);
    }

    private static async Task<NoContent> ChangePlan(PlanBody body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ChangeTenantPlan(body.Plan ?? ""), ct));

    private static async Task<NoContent> Deactivate(ReasonBody body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new DeactivateTenant(body.Reason ?? ""), ct));

    private static async Task<NoContent> Reactivate(IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Changed(response, await mediator.Send(new ReactivateTenant(), ct));

    /// <summary>A change answers 204 with the stream's new version as ETag, ready for the next If-Match.</summary>
    internal static NoContent Changed(HttpResponse response, long version)
    {
        response.SetETag(version);
        return TypedResults.NoContent();
    }
}
