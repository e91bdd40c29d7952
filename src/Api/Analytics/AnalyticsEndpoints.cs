using MediatR;
using Platform.Api.Analytics.Export;
using Platform.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics: the tenant's figures for analysts, admins and owners; each feature maps its queries into the group.</summary>
internal static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").WithKpiExports();
        analytics.MapSalesDashboard();
        analytics.MapSalesForecast();
        return app;
    }

    private static RouteGroupBuilder MapSalesDashboard(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/dashboard", Dashboard).Sends<GetSalesDashboard>()
            .WithName("GetSalesDashboard")
            .WithSummary("Leads by source and per day, conversion, won/lost and win rate, lost reasons, stage funnel and response times (p50, p90) for from..to (YYYY-MM-DD, tenant's days, default last 30).");
        return analytics;
    }

    private static async Task<Ok<SalesDashboard>> Dashboard(DateOnly? from, DateOnly? to, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetSalesDashboard(context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to)), ct));
}
