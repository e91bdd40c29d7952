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
    /// Off: every connection starts clean and subscribes again. A persistent session would hand back
    /// unacknowledged messages sooner than the devices' resend, but mosquitto 2.0 restored from its
    /// snapshot can report a session whose shared subscription it lost (the worker then waits for
    /// nothing), and it queues messages for a copy that is down instead of giving them to the others.
    /// The devices keep every reading until acked, so nothing depends on the broker's session.
    /// </summary>
    public bool PersistentSession { get; set; }

    /// <summary>Most messages stored in one transaction; fewer when fewer are waiting.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches one worker handles at once: one being appended while the next is prepared and the one
    /// before is acknowledged. They still commit in arrival order. 1: one batch after the other.
    /// </summary>
    public int PipelinedBatches { get; set; } = 3;

    public int MaxPayloadBytes { get; set; } = 16 * 1024;

    public TimeSpan RegistryCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A device's last-seen time is written at most this often per worker.</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string EffectiveClientId => string.IsNullOrWhiteSpace(ClientId) ? $"ingest-{Environment.MachineName}" : ClientId;
}
