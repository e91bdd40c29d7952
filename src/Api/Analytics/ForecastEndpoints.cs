using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Analytics;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>The weighted forecast by expected close month against the monthly targets, and the targets themselves.</summary>
internal static class ForecastEndpoints
{
    public sealed record TargetBody(decimal? Amount, string? Currency);

    private const string Month = "/targets/{month}";

    internal static RouteGroupBuilder MapSalesForecast(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/forecast", Forecast).Sends<GetSalesForecast>()
            .WithName("GetSalesForecast")
            .WithSummary("Per month (from..to, YYYY-MM, default the current month and the next five, at most 36) and currency: open opportunities by expected close month (none: the current month), their value weighted by stage probability, the amount won in the month and the month's target; optional pipeline.");
        analytics.MapGet("/targets", Targets).Sends<GetSalesTargets>()
            .WithName("GetSalesTargets").WithSummary("The monthly sales targets from..to (YYYY-MM, default the current month and the next five); ETag = version of the targets.");
        analytics.MapPut(Month, SetTarget).Sends<SetMonthlyTarget>().ProducesProblem(409).ProducesProblem(412)
            .WithName("SetMonthlyTarget").WithSummary("Sets the month's (YYYY-MM) sales target: amount and currency (default the tenant's); If-Match takes the targets' ETag.");
        analytics.MapDelete(Month, ClearTarget).Sends<ClearMonthlyTarget>().ProducesProblem(409).ProducesProblem(412)
            .WithName("ClearMonthlyTarget").WithSummary("The month (YYYY-MM) no longer has a sales target; If-Match takes the targets' ETag.");
        return analytics;
    }

    private static async Task<Ok<SalesForecast>> Forecast(string? from, string? to, string? pipeline, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        Guid? pipelineId = null;
        if (pipeline is not null)
        {
            pipelineId = Guid.TryParse(pipeline, out var id) ? id
                : throw new ValidationException([new ValidationFailure("pipeline", "Debe ser el identificador de un embudo de ventas.")]);
        }
        return TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetSalesForecast(context.Tenant, from, to, pipelineId), ct));
    }

    private static async Task<Ok<SalesTargetList>> Targets(string? from, string? to, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var targets = await AnalyticsQueries.SendAsync(mediator, new GetSalesTargets(context.Tenant, from, to), ct);
        if (targets.Version > 0) response.SetETag(targets.Version);
        return TypedResults.Ok(targets);
    }

    private static async Task<Ok<SalesTargetChanged>> SetTarget(string month, TargetBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        TargetMonth(month);
        var amount = body.Amount ?? throw new ValidationException([new ValidationFailure("amount", "Es obligatorio.")]);
        return Changed(response, await mediator.Send(new SetMonthlyTarget(month, amount, body.Currency, IfMatch(request)), ct));
    }

    private static async Task<Ok<SalesTargetChanged>> ClearTarget(string month, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        TargetMonth(month);
        return Changed(response, await mediator.Send(new ClearMonthlyTarget(month, IfMatch(request)), ct));
    }

    /// <summary>A path segment not shaped YYYY-MM names no month (404, like any unknown object); 2026-13 reaches validation (400 naming month).</summary>
    private static void TargetMonth(string month)
    {
        if (month is not [>= '0' and <= '9', >= '0' and <= '9', >= '0' and <= '9', >= '0' and <= '9', '-', >= '0' and <= '9', >= '0' and <= '9'])
            throw new Write.Domain.NotFoundException("la meta de ese mes");
    }

    private static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }

    private static Ok<SalesTargetChanged> Changed(HttpResponse response, SalesTargetChanged changed)
    {
        if (changed.Version > 0) response.SetETag(changed.Version);
        return TypedResults.Ok(changed);
    }
}
