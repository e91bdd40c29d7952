using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Devices;
using Platform.Read.Paging;
using Platform.Write.Devices.Alerts;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>/api/alerts: the devices' active and past alerts; every role reads them, owners, admins and sales acknowledge them.</summary>
internal static class AlertEndpoints
{
    /// <summary>Rules under /api/devices/{id}/rules and alerts under /api/alerts.</summary>
    public static IEndpointRouteBuilder MapDeviceAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDeviceRuleEndpoints();
        var alerts = app.MapGroup("/api/alerts").WithTags("Device alerts");
        alerts.MapGet("", List).Sends<ListAlerts>()
            .WithName("ListAlerts").WithSummary("Active alerts (status=active, the default) or past ones (status=past), newest first; filter by deviceId; keyset-paginated.");
        alerts.MapGet("/{id}", Get).Sends<GetAlert>().ProducesProblem(404)
            .WithName("GetAlert").WithSummary("One alert: severity, condition, last value, acknowledgement and clearing; ETag = version.");
        alerts.MapPost("/{id}/acknowledge", Acknowledge).Sends<AcknowledgeAlert>().ProducesProblem(404)
            .WithName("AcknowledgeAlert").WithSummary("The signed-in user takes charge of the alert (active or cleared); an escalation asks for a new acknowledgement.");
        return app;
    }

    private static async Task<Ok<Page<AlertView>>> List(
        int? limit, string? cursor, string? status, string? deviceId, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        if (status is not (null or "active" or "past"))
            throw new ValidationException([new ValidationFailure("status", "Debe ser active o past.")]);
        Guid? device = null;
        if (deviceId is not null)
            device = Guid.TryParse(deviceId, out var parsed) ? parsed : throw new ValidationException([new ValidationFailure("deviceId", "Debe ser el id de un dispositivo.")]);
        return TypedResults.Ok(await mediator.Send(new ListAlerts(context.Tenant, status != "past", device, page), ct));
    }

    private static async Task<Ok<AlertView>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var alert = await mediator.Send(new GetAlert(context.Tenant, id), ct) ?? throw new NotFoundException("la alerta");
        response.SetETag(alert.Version);
        return TypedResults.Ok(alert);
    }

    private static async Task<Ok<AlertView>> Acknowledge(
        Guid id, AcknowledgeBody? body, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        await mediator.Send(new AcknowledgeAlert(id, body?.Note), ct);
        return await Get(id, context, mediator, response, ct);
    }
}
