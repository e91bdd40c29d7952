namespace Platform.Ingest.Telemetry;

/// <summary>
/// A telemetry payload as read: a reading, a well-formed refusal (boot and seq are known, so it is
/// recorded and acknowledged like a reading), or a malformed message that cannot be acknowledged.
/// </summary>
public abstract record TelemetryPayload
{
    private TelemetryPayload()
    {
    }

    /// <param name="First">Nothing below it will be sent again in this boot (the device's outbox dropped it).</param>
    public sealed record Reading(
        long Boot, long Seq, long? First, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, decimal> Values,
        IReadOnlyDictionary<string, string> Units) : TelemetryPayload;

    /// <param name="Field">The payload member at fault; <paramref name="Message"/> says why, in Spanish.</param>
    public sealed record Refused(long Boot, long Seq, long? First, string Reason, string Field, string Message) : TelemetryPayload;

    public sealed record Malformed(string Reason, string Field, string Message) : TelemetryPayload;
}
