using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics: pipeline performance and lead-to-won conversion, each for a period and the sales filters.</summary>
internal static class SalesEndpoints
{
    private const string Filters = " Filters: pipeline (id), salesperson (user id), source (quote, webhook, manual, referral).";

    public static RouteGroupBuilder MapSalesPerformance(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/pipeline/performance", Performance).Sends<GetPipelinePerformance>()
            .WithName("GetPipelinePerformance")
            .WithSummary("Per stage entered, advanced, lost, conversion and time in stage (average, p90); win rate; per salesperson opened, won, lost, won amount and lead response (p50, p90), for from..to (YYYY-MM-DD, tenant's days, default last 30)." + Filters);
        analytics.MapGet("/opportunities/conversion", Conversion).Sends<GetOpportunityConversion>()
            .WithName("GetOpportunityConversion")
            .WithSummary("What became of the leads created in from..to (converted, won), overall, by source and by month, and the win rate of opportunities closed in the period." + Filters);
        return analytics;
    }

    /// <summary>The filters of a sales query; an unknown source is a 400 naming <c>source</c>.</summary>
    public static SalesFilter Filter(Guid? pipeline, Guid? salesperson, string? source) =>
        source is not null && !LeadSources.All.Contains(source, StringComparer.Ordinal)
            ? throw new ValidationException([new ValidationFailure("source", $"Debe ser uno de: {string.Join(", ", LeadSources.All)}.")])
            : new SalesFilter(pipeline, salesperson, source);

    private static async Task<Ok<PipelinePerformance>> Performance(
        DateOnly? from, DateOnly? to, Guid? pipeline, Guid? salesperson, string? source, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetPipelinePerformance(
            context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to), Filter(pipeline, salesperson, source)), ct));

    private static async Task<Ok<OpportunityConversion>> Conversion(
        DateOnly? from, DateOnly? to, Guid? pipeline, Guid? salesperson, string? source, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetOpportunityConversion(
            context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to), Filter(pipeline, salesperson, source)), ct));
}
