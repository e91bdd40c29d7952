namespace Platform.Ingest;

/// <summary>Platform:Ingest: the worker that stores readings from the broker.</summary>
public sealed class IngestOptions
{
    public const string Section = "Platform:Ingest";

    /// <summary>Runs the worker in this process; on by default when the process runs the embedded broker.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The shared-subscription group: every copy in it gets a share of the messages.</summary>
    public string Group { get; set; } = "ingest";

    /// <summary>Stable per copy, so its persistent session survives restarts; default ingest-{machine name}.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The broker keeps what it delivered and was not acknowledged while the worker is down, and
    /// hands it back on reconnect (sooner than the devices' own resend).
    /// </summary>
    public bool PersistentSession { get; set; } = true;

    /// <summary>Most messages stored in one transaction; fewer when fewer are waiting.</summary>
    public int BatchSize { get; set; } = 500;

    public int MaxPayloadBytes { get; set; } = 16 * 1024;

    public TimeSpan RegistryCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A device's last-seen time is written at most this often per worker.</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string EffectiveClientId => string.IsNullOrWhiteSpace(ClientId) ? $"ingest-{Environment.MachineName}" : ClientId;
}
