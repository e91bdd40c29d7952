using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics/catalog: days in stock, the stock now, price drops and quotes per listing.</summary>
internal static class CatalogAnalyticsEndpoints
{
    public static RouteGroupBuilder MapCatalogAnalytics(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/catalog", Catalog).Sends<GetCatalogFigures>()
            .WithName("GetCatalogFigures")
            .WithSummary("Listings sold or withdrawn in from..to (YYYY-MM-DD, tenant's days, default last 30) with average and p90 days since first publication, the stock now and its average age, price drops (count, listings, average %), quotes per listing and the 10 most quoted.");
        return analytics;
    }

    private static async Task<Ok<CatalogFigures>> Catalog(DateOnly? from, DateOnly? to, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetCatalogFigures(context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to)), ct));
}
