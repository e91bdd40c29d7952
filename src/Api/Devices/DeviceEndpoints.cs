using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Ingest;
using Platform.Read.Devices;
using Platform.Read.Paging;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>/api/devices: the device registry (owners and admins change it, every role reads it) and the devices' HTTP fallback.</summary>
internal static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/devices").WithTags("Devices");
        devices.MapPost("", Register).Sends<RegisterDevice>().ProducesProblem(422)
            .WithName("RegisterDevice").WithSummary("Registers a device; answers its broker credentials and topics, shown this once. The plan limits the count.");
        devices.MapGet("", List).Sends<ListDevices>()
            .WithName("ListDevices").WithSummary("The tenant's devices with online state and last seen time, newest first; filter by status; keyset-paginated.");
        devices.MapGet("/{id}", Get).Sends<GetDevice>().ProducesProblem(404)
            .WithName("GetDevice").WithSummary("One device; ETag = version.");
        devices.MapPost("/{id}/rotate", Rotate).Sends<RotateDeviceCredentials>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("RotateDeviceCredentials").WithSummary("Issues a new password (shown this once); the old one stops working on the broker and here.");
        devices.MapPost("/{id}/revoke", Revoke).Sends<RevokeDevice>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithName("RevokeDevice").WithSummary("The device can no longer connect or send readings; its readings stay.");
        devices.MapPost("/{id}/readings", SubmitReadings).Sends<SubmitReadings>().Accepts<TelemetryBody>("application/json")
            .ProducesProblem(401).ProducesProblem(403)
            .WithName("SubmitReadings").WithSummary("HTTP fallback for a device: one telemetry payload with the device's Basic credentials; answers the ack.");
        return app;
    }

    private static async Task<Created<DeviceCredentials>> Register(RegisterDeviceBody body, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var credentials = await mediator.Send(new RegisterDevice(body.Name ?? "", body.Profile, body.Sensors), ct);
        response.SetETag(credentials.Version);
        return TypedResults.Created($"/api/devices/{credentials.DeviceId:D}", credentials);
    }

    private static async Task<Ok<Page<DeviceSummary>>> List(
        int? limit, string? cursor, string? status, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<Guid>(out _))
            throw new ValidationException([new ValidationFailure("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.")]);
        if (status is not null && status is not ("active" or "revoked"))
            throw new ValidationException([new ValidationFailure("status", "Debe ser active o revoked.")]);
        return TypedResults.Ok(await mediator.Send(new ListDevices(context.Tenant, status, page), ct));
    }

    private static async Task<Ok<DeviceSummary>> Get(Guid id, CommandContext context, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var device = await mediator.Send(new GetDevice(context.Tenant, id), ct) ?? throw new Write.Domain.NotFoundException("el dispositivo");
        response.SetETag(device.Version);
        return TypedResults.Ok(device);
    }

    private static async Task<Ok<DeviceCredentials>> Rotate(Guid id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var credentials = await mediator.Send(new RotateDeviceCredentials(id, IfMatch(request)), ct);
        response.SetETag(credentials.Version);
        return TypedResults.Ok(credentials);
    }

    private static async Task<NoContent> Revoke(Guid id, RevokeDeviceBody? body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        response.SetETag(await mediator.Send(new RevokeDevice(id, body?.Reason, IfMatch(request)), ct));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReadingsAck>> SubmitReadings(
        Guid id, HttpRequest request, IMediator mediator, IOptions<IngestOptions> options, CancellationToken ct)
    {
        // One byte past the limit is enough to refuse an oversized payload without reading all of it.
        var buffer = new byte[options.Value.MaxPayloadBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return TypedResults.Ok(await mediator.Send(new SubmitReadings(id, request.Headers.Authorization, buffer.AsMemory(0, length)), ct));
    }

    private static long? IfMatch(HttpRequest request)
    {
        var expected = request.ExpectedFromIfMatch(ExpectedVersion.Any);
        return expected.IsAny ? null : expected.Value;
    }
}

/// <summary>The telemetry payload, as devices publish it over MQTT (documentation of the fallback's body).</summary>
internal sealed record TelemetryBody(long Boot, long Seq, long Ts, long? First, IReadOnlyList<TelemetryReadingBody> Readings);

internal sealed record TelemetryReadingBody(string Sensor, decimal Value, string Unit);
