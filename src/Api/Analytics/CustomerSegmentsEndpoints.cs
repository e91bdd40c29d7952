using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics/customers/segments: customers by segment with their value, new customers and customers at risk.</summary>
internal static class CustomerSegmentsEndpoints
{
    public static RouteGroupBuilder MapCustomerSegments(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/customers/segments", Segments).Sends<GetCustomerSegmentFigures>()
            .WithName("GetCustomerSegmentFigures")
            .WithSummary("Customers by segment (frequent, occasional, inactive) with lifetime value, customers new in from..to (YYYY-MM-DD, tenant's days, default last 30), and customers at risk: no activity for atRiskDays (1..3650, default 30), the 50 of most value listed; salesperson: customers that user logged an interaction with.");
        return analytics;
    }

    private static async Task<Ok<CustomerSegmentFigures>> Segments(
        DateOnly? from, DateOnly? to, int? atRiskDays, Guid? salesperson, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetCustomerSegmentFigures(
            context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to),
            atRiskDays ?? GetCustomerSegmentFigures.DefaultAtRiskDays, salesperson), ct));
}
