namespace Platform.Write.EventStore;

public sealed class EventStoreOptions
{
    /// <summary>Largest serialized event data accepted, in bytes.</summary>
    public int MaxEventBytes { get; set; } = 512 * 1024;

    /// <summary>Most events in one append (or one stream of a batch).</summary>
    public int MaxEventsPerAppend { get; set; } = 10_000;

    public int MaxStreamIdLength { get; set; } = 200;

    /// <summary>How long a caught-up subscription waits for a notification before polling.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read per round trip by readers and subscriptions.</summary>
    public int ReadBatchSize { get; set; } = 500;

    public string NotificationChannel { get; set; } = "platform_events";

    /// <summary>Least time between two NOTIFYs from this process; in-process wake-ups are immediate.</summary>
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Most events in one bulk append.</summary>
    public int MaxBulkEvents { get; set; } = 50_000;
}
