namespace Platform.Ingest.Telemetry;

/// <summary>Why a message was not stored as a reading; the counters and the recorded refusals use these names.</summary>
public static class RejectReasons
{
    public const string Topic = "topic";
    public const string TooLarge = "too-large";
    public const string Malformed = "malformed-json";
    public const string Sequence = "boot-seq";
    public const string UnknownDevice = "unknown-device";
    public const string TenantMismatch = "tenant-mismatch";
    public const string RevokedDevice = "revoked-device";
    public const string Timestamp = "ts";
    public const string First = "first";
    public const string Readings = "readings";
    public const string Unstorable = "unstorable";
}
