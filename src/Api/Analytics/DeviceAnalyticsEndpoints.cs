using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Analytics;
using Platform.Write.Tenancy;

namespace Platform.Api.Analytics;

/// <summary>/api/analytics/devices: readings per day and per device, alerts raised by severity, devices count.</summary>
internal static class DeviceAnalyticsEndpoints
{
    public static RouteGroupBuilder MapDeviceAnalytics(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/devices", Devices).Sends<GetDeviceFigures>()
            .WithName("GetDeviceFigures")
            .WithSummary("Readings per day and per device, alerts raised by severity and by device in from..to (YYYY-MM-DD, tenant's days, default last 30), and how many devices the tenant has; zeros when it has none.");
        return analytics;
    }

    private static async Task<Ok<DeviceFigures>> Devices(DateOnly? from, DateOnly? to, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await AnalyticsQueries.SendAsync(mediator, new GetDeviceFigures(context.Tenant, AnalyticsQueries.Day("from", from), AnalyticsQueries.Day("to", to)), ct));
}
