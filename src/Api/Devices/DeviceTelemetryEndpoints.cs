using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Devices;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Devices;

/// <summary>/api/devices/{id}/latest and /rollups: what a device measured, for every signed-in role of its tenant.</summary>
internal static partial class DeviceTelemetryEndpoints
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEndpointRouteBuilder MapDeviceTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/devices").WithTags("Devices");
        devices.MapGet("/{id}/latest", GetLatest).Sends<GetDeviceLatest>().ProducesProblem(404)
            .WithName("GetDeviceLatest").WithSummary("The latest value of each of the device's sensors, by measurement time.");
        devices.MapGet("/{id}/rollups", GetRollups).Sends<GetDeviceRollups>().ProducesProblem(404)
            .WithName("GetDeviceRollups")
            .WithSummary("Per-minute or per-hour min, max, avg and count of one sensor (or all) over [from, to) (UTC buckets); at most a day of minutes or 90 days of hours.");
        devices.MapDeviceStream();
        return app;
    }

    private static async Task<Ok<DeviceLatest>> GetLatest(Guid id, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDeviceLatest(context.Tenant, id), ct) ?? throw new NotFoundException("el dispositivo"));

    private static async Task<Ok<DeviceRollups>> GetRollups(
        Guid id, string? sensor, string? resolution, string? from, string? to, CommandContext context, IMediator mediator, TimeProvider time,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sensor)) sensor = null;
        else if (!SensorName().IsMatch(sensor)) throw Invalid("sensor", "El nombre de un sensor: letras, dígitos, _, . o -; hasta 32 caracteres.");
        var scale = resolution switch
        {
            null or "" or "minute" => RollupResolution.Minute,
            "hour" => RollupResolution.Hour,
            _ => throw Invalid("resolution", "Debe ser minute u hour."),
        };
        var end = Instant(to, "to") ?? time.GetUtcNow();
        var start = Instant(from, "from") ?? end - (scale == RollupResolution.Minute ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1));
        if (start >= end) throw Invalid("from", "Debe ser anterior a to.");
        // A range wider than one answer holds keeps its most recent part.
        var span = GetDeviceRollupsHandler.MaxSpan(scale);
        if (end - start > span) start = end - span;
        var rollups = await mediator.Send(new GetDeviceRollups(context.Tenant, id, sensor, scale, start, end), ct);
        return TypedResults.Ok(rollups ?? throw new NotFoundException("el dispositivo"));
    }

    private static DateTimeOffset? Instant(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw Invalid(field, "Debe ser una fecha y hora ISO 8601, por ejemplo 2026-11-21T15:00:00Z.");
        if (value < Earliest || value >= Latest) throw Invalid(field, "Debe estar entre el año 2000 y el 2099.");
        return value.ToUniversalTime();
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex SensorName();
}
