using System.Net.Http.Headers;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.Ingest;
using Platform.Ingest.Registry;
using Platform.Ingest.Telemetry;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>
/// The HTTP fallback of a device that cannot use MQTT: one telemetry payload, authenticated with the
/// device's own credentials (Basic), never a user's token. Answers the ack the broker would have sent.
/// </summary>
[AllowAnonymous]
public sealed record SubmitReadings(Guid DeviceId, string? Authorization, ReadOnlyMemory<byte> Payload) : IRequest<ReadingsAck>;

/// <summary><see cref="Seq"/>: the highest seq of <see cref="Boot"/> stored with all below it; the device may drop those.</summary>
public sealed record ReadingsAck(long Boot, long Seq, bool Duplicate);

public sealed class SubmitReadingsHandler(
    CommandContext context, DeviceDirectory directory, ReadingIntake intake, IOptions<IngestOptions> options, TimeProvider time)
    : IRequestHandler<SubmitReadings, ReadingsAck>
{
    public async Task<ReadingsAck> Handle(SubmitReadings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (context.IsSignedIn)
            throw new AccessDeniedException("Esta ruta es para dispositivos: usa las credenciales del dispositivo, no una sesión de usuario.");
        var (username, password) = Basic(request.Authorization);
        var device = await directory.FindUncachedAsync(request.DeviceId, cancellationToken);
        // One answer for every failure: the caller learns nothing about which devices exist.
        if (device is not { Active: true } || device.Username != username || !Write.Devices.DeviceSecrets.Verify(password, device.SecretHash))
            throw Unauthenticated();

        var content = TelemetryParser.Parse(request.Payload, options.Value.MaxPayloadBytes, time.GetUtcNow());
        if (content is TelemetryPayload.Malformed malformed) throw Invalid(malformed.Field, malformed.Message);
        if (content is TelemetryPayload.Refused refused) throw Invalid(refused.Field, refused.Message);
        var reading = (TelemetryPayload.Reading)content;
        var item = new TelemetryItem(device.TenantId, device.DeviceId, reading);
        var stored = await intake.StoreAsync([item], cancellationToken, new EventMetadata(CorrelationId: context.CorrelationId, Source: "http"));
        return new ReadingsAck(reading.Boot, stored.Acks.Count > 0 ? stored.Acks[0].Seq : 0, stored.Duplicates > 0);
    }

    private static (string Username, string Password) Basic(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
            throw Unauthenticated();
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : throw Unauthenticated();
        }
        catch (FormatException)
        {
            throw Unauthenticated();
        }
    }

    private static DomainException Unauthenticated() =>
        new("device-unauthenticated", "Credenciales del dispositivo inválidas: usa Basic con su usuario y contraseña.", DomainErrorKind.Unauthenticated);

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
