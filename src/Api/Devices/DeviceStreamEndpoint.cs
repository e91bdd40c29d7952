using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Platform.Api.Http;
using Platform.Read.Devices;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>GET /api/devices/stream: the tenant's device events, live, as Server-Sent Events.</summary>
internal static class DeviceStreamEndpoint
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static RouteGroupBuilder MapDeviceStream(this RouteGroupBuilder devices)
    {
        devices.MapGet("/stream", Open).Sends<OpenDeviceFeed>().Produces<FeedEnvelope>(200, DeviceEventStream.ContentType)
            .WithName("StreamDeviceEvents")
            .WithSummary("Server-Sent Events of every device event of the tenant (readings, registry changes, alerts) in commit order: "
                + "event = the event type, id = its global position (send it back as Last-Event-ID to resume), a comment line every 15 s.");
        return devices;
    }

    private static async Task<IResult> Open(
        HttpRequest request, CommandContext context, IMediator mediator, DeviceFeedReader reader, EventNotifier notifier,
        EventStoreOptions options, IHostApplicationLifetime lifetime, TimeProvider time, CancellationToken ct)
    {
        var start = await mediator.Send(new OpenDeviceFeed(context.Tenant, LastEventId(request)), ct)
                    ?? throw Invalid("No es un evento de este flujo: reconecta sin Last-Event-ID.");
        return new DeviceEventStream(new DeviceEventStream.Source(context.Tenant, start, reader, notifier, options.PollInterval, time),
            lifetime.ApplicationStopping);
    }

    private static long? LastEventId(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(LastEventIdHeader, out var values)) return null;
        var text = values.ToString().Trim();
        if (text.Length == 0) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0
            ? position
            : throw Invalid("Debe ser el id de un evento recibido (un número positivo).");
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure(LastEventIdHeader, message)]);
}

/// <summary>The data of one Server-Sent Event; <see cref="Data"/> is the event as stored.</summary>
internal sealed record FeedEnvelope(long Position, string StreamId, string Type, DateTimeOffset RecordedAt, object Data);
