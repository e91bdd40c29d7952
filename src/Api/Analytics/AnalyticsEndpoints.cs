using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics: the tenant's sales figures for analysts, admins and owners.</summary>
internal static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics");
        analytics.MapGet("/dashboard", Dashboard).Sends<GetSalesDashboard>()
            .WithName("GetSalesDashboard")
            .WithSummary("Leads by source, conversion, won/lost and win rate, lost reasons, stage funnel and response times (p50, p90) for from..to (YYYY-MM-DD, tenant's days, default last 30).");
        return app;
    }

    private static async Task<Ok<SalesDashboard>> Dashboard(DateOnly? from, DateOnly? to, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        if (from is { Year: < 2000 or > 9000 }) throw new ValidationException([new ValidationFailure("from", "Debe ser una fecha entre 2000 y 9000.")]);
        if (to is { Year: < 2000 or > 9000 }) throw new ValidationException([new ValidationFailure("to", "Debe ser una fecha entre 2000 y 9000.")]);
        try
        {
            return TypedResults.Ok(await mediator.Send(new GetSalesDashboard(context.Tenant, from, to), ct));
        }
        catch (DashboardPeriodException bad)
        {
            throw new ValidationException([new ValidationFailure(bad.Field, bad.Message)]);
        }
    }
}
