using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Catalog;

namespace Platform.Api.Public;

/// <summary>POST /api/public/{tenantSlug}/listings/{id}/quote: a buyer asks about a published listing, without signing in.</summary>
internal static class QuoteEndpoints
{
    /// <summary><paramref name="Website"/> is the honeypot: people never see it, so only bots fill it.</summary>
    public sealed record QuoteBody(string? Name, string? Phone, string? Email, string? Message, bool? Consent, string? Website);

    public static IEndpointRouteBuilder MapQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/public/{tenantSlug}").WithTags("Public catalog")
            .MapPost("/listings/{id}/quote", RequestQuote).Sends<RequestQuote>().RequireRateLimiting(QuoteRateLimit.Policy)
            .Produces<QuoteAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RequestQuote")
            .WithSummary("Asks the business about one of its published listings; becomes a lead. Consent is required; a few requests per address.");
        return app;
    }

    private static async Task<Accepted<QuoteAccepted>> RequestQuote(
        string tenantSlug, Guid id, QuoteBody body, PublicTenants tenants, IMediator mediator, CancellationToken ct)
    {
        // A bot gets the answer a person gets, so it learns nothing; nothing is stored.
        if (!string.IsNullOrEmpty(body.Website)) return TypedResults.Accepted((string?)null, new QuoteAccepted(Guid.CreateVersion7()));
        var tenant = await tenants.GetAsync(tenantSlug, ct);
        var accepted = await mediator.Send(new RequestQuote(tenant.TenantId, id, body.Name ?? "", body.Phone ?? "", body.Email ?? "",
            body.Message ?? "", body.Consent == true, QuoteSources.PublicApi), ct);
        return TypedResults.Accepted((string?)null, accepted);
    }
}
