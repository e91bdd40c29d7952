using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Leads;
using Platform.Read.Paging;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Api.Leads;

/// <summary>Referrals between tenants of the network: each tenant sees and acts on its own side only.</summary>
internal static class ReferralEndpoints
{
    public sealed record ReferralBody(string? TenantSlug, decimal? CommissionPercent);

    public sealed record ReferralOutcomeBody(string? Outcome, decimal? Amount);

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/leads/{id}/referrals", Refer).WithTags("Referrals").Sends<ReferLead>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithName("ReferLead").WithSummary("Refers the lead to another network member (its slug) for a commission (0 to 100 %); it gets its own copy.");
        var referrals = app.MapGroup("/api/referrals").WithTags("Referrals");
        referrals.MapGet("", List).Sends<ListReferrals>()
            .WithName("ListReferrals").WithSummary("The tenant's side of its referrals: direction=sent or received; with each one's outcome.");
        referrals.MapPost("/{id}/outcome", Report).Sends<ReportReferralOutcome>().ProducesProblem(404).ProducesProblem(409)
            .WithName("ReportReferralOutcome").WithSummary("The receiver reports accepted, won (with amount) or lost; the sender sees it.");
        return app;
    }

    private static async Task<Created<ReferralSent>> Refer(Guid id, ReferralBody body, IMediator mediator, CancellationToken ct)
    {
        var sent = await mediator.Send(new ReferLead(id, body.TenantSlug, body.CommissionPercent), ct);
        return TypedResults.Created($"/api/referrals?direction=sent", sent);
    }

    private static async Task<Ok<Page<ReferralSummary>>> List(
        string? direction, int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        var failures = new List<ValidationFailure>();
        if (direction is not ("sent" or "received")) failures.Add(new("direction", "Debe ser sent o received."));
        if (!page.TryReadCursor<Guid>(out _)) failures.Add(new("cursor", "No es un cursor de esta lista; usa el nextCursor recibido."));
        if (failures.Count > 0) throw new ValidationException(failures);
        return TypedResults.Ok(await mediator.Send(new ListReferrals(context.Tenant, direction!, page), ct));
    }

    private static async Task<Ok<ReferralOutcomeRecorded>> Report(Guid id, ReferralOutcomeBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReportReferralOutcome(id, body.Outcome, body.Amount), ct));
}
